import type { TypedDimension } from './dimensions.js'
import { namespaces, specNamespaces, specSchemas } from './namespaces.js'
import { domainName, elementId } from './taxonomy-files.js'
import { xmlComment, xmlDeclaration, xmlElement } from './xml.js'

/**
 * dimensions.xsd: the typed dimensions (XBRL Dimensions 1.0), each an
 * abstract xbrldt:dimensionItem whose values are strings of its own domain
 * element. They have a namespace of their own, and so a schema of their own,
 * so that a dimension can never share a name with a metric.
 */
export function dimensionsSchema(dimensions: readonly TypedDimension[]): string {
  return [
    xmlDeclaration,
    xmlComment('factmark typed dimensions (XBRL Dimensions 1.0). Generated from the metric registry; do not edit.'),
    `<xs:schema xmlns:xs="${specNamespaces.xs}" xmlns:xbrli="${namespaces.xbrli}" xmlns:xbrldt="${specNamespaces.xbrldt}" xmlns:fm-dim="${namespaces['fm-dim']}" targetNamespace="${namespaces['fm-dim']}" elementFormDefault="qualified" attributeFormDefault="unqualified">`,
    `  ${xmlElement('xs:import', [
      ['namespace', namespaces.xbrli],
      ['schemaLocation', specSchemas.instance]
    ])}`,
    `  ${xmlElement('xs:import', [
      ['namespace', specNamespaces.xbrldt],
      ['schemaLocation', specSchemas.xbrldt]
    ])}`,
    ...dimensions.flatMap((dimension) => {
      const domain = domainName(dimension.name)
      return [
        `  ${xmlElement('xs:element', [
          ['id', elementId('fm-dim', dimension.name)],
          ['name', dimension.name],
          ['type', 'xbrli:stringItemType'],
          ['substitutionGroup', 'xbrldt:dimensionItem'],
          ['abstract', 'true'],
          ['xbrli:periodType', 'duration'],
          ['xbrldt:typedDomainRef', `#${elementId('fm-dim', domain)}`]
        ])}`,
        `  ${xmlElement('xs:element', [
          ['id', elementId('fm-dim', domain)],
          ['name', domain],
          ['type', 'xs:string']
        ])}`
      ]
    }),
    '</xs:schema>',
    ''
  ].join('\n')
}
