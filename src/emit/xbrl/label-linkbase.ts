import type { Labels } from '../../model/schema-types.js'
import { specNamespaces, specSchemas } from './namespaces.js'
import { xmlComment, xmlDeclaration, xmlElement } from './xml.js'

/** An element to label: the schema file that declares it, its id there, and its labels. */
export interface Labelled {
  file: string
  id: string
  label: Labels
  /** What it means, written as documentation labels beside the standard ones. */
  definition?: Labels
}

// Label roles of XBRL 2.1 (section 5.2.2.2.2): the standard label names the element, the
// documentation label says what it means. One arc leads to every resource of either role.
const roles: ReadonlyArray<{ role: string; text: (element: Labelled) => Labels | undefined }> = [
  { role: 'http://www.xbrl.org/2003/role/label', text: (element) => element.label },
  { role: 'http://www.xbrl.org/2003/role/documentation', text: (element) => element.definition }
]

// The registry's label languages, as xml:lang writes them.
const languages: ReadonlyArray<[keyof Labels, string]> = [
  ['zh', 'zh-CN'],
  ['en', 'en']
]

/**
 * metrics-label.xml: the standard label of every concept and dimension, and the documentation label
 * of every metric that has a definition, in Chinese and English.
 */
export function labelLinkbase(elements: readonly Labelled[]): string {
  return [
    xmlDeclaration,
    xmlComment(
      'Labels of the factmark metrics and dimensions, in Chinese and English. Generated from the metric registry; do not edit.'
    ),
    `<link:linkbase xmlns:link="${specNamespaces.link}" xmlns:xlink="${specNamespaces.xlink}" xmlns:xsi="${specNamespaces.xsi}" xsi:schemaLocation="${specNamespaces.link} ${specSchemas.linkbase}">`,
    '  <link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">',
    ...elements.flatMap((element) => {
      const labelName = `label_${element.id}`
      return [
        `    ${xmlElement('link:loc', [
          ['xlink:type', 'locator'],
          ['xlink:href', `${element.file}#${element.id}`],
          ['xlink:label', element.id]
        ])}`,
        ...roles.flatMap(({ role, text }) => {
          const labels = text(element)
          if (!labels) return []
          return languages.map(
            ([key, lang]) =>
              `    ${xmlElement(
                'link:label',
                [
                  ['xlink:type', 'resource'],
                  ['xlink:label', labelName],
                  ['xlink:role', role],
                  ['xml:lang', lang]
                ],
                labels[key]
              )}`
          )
        }),
        `    ${xmlElement('link:labelArc', [
          ['xlink:type', 'arc'],
          ['xlink:arcrole', 'http://www.xbrl.org/2003/arcrole/concept-label'],
          ['xlink:from', element.id],
          ['xlink:to', labelName]
        ])}`
      ]
    }),
    '  </link:labelLink>',
    '</link:linkbase>',
    ''
  ].join('\n')
}
