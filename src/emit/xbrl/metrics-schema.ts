import type { ConceptDeclaration } from './concepts.js'
import { namespaces, specNamespaces, specSchemas } from './namespaces.js'
import { dimensionsSchemaFile, elementId, labelLinkbaseFile } from './taxonomy-files.js'
import { xmlComment, xmlDeclaration, xmlElement } from './xml.js'

/**
 * metrics.xsd, the entry point: one item concept per metric (its local name
 * is the metric id, already an NCName), durations since every factmark
 * period is one, nillable so that a report can say a figure is not known.
 * It imports the typed dimensions and points at the labels.
 */
export function metricsSchema(concepts: readonly ConceptDeclaration[]): string {
  return [
    xmlDeclaration,
    xmlComment(
      'factmark metric registry as an XBRL 2.1 taxonomy: one item concept per metric. Generated from the registry; do not edit.'
    ),
    `<xs:schema xmlns:xs="${specNamespaces.xs}" xmlns:xbrli="${namespaces.xbrli}" xmlns:link="${specNamespaces.link}" xmlns:xlink="${specNamespaces.xlink}" xmlns:fm="${namespaces.fm}" targetNamespace="${namespaces.fm}" elementFormDefault="qualified" attributeFormDefault="unqualified">`,
    '  <xs:annotation>',
    '    <xs:appinfo>',
    `      ${xmlElement('link:linkbaseRef', [
      ['xlink:type', 'simple'],
      ['xlink:href', labelLinkbaseFile],
      ['xlink:role', 'http://www.xbrl.org/2003/role/labelLinkbaseRef'],
      ['xlink:arcrole', 'http://www.w3.org/1999/xlink/properties/linkbase']
    ])}`,
    '    </xs:appinfo>',
    '  </xs:annotation>',
    `  ${xmlElement('xs:import', [
      ['namespace', namespaces.xbrli],
      ['schemaLocation', specSchemas.instance]
    ])}`,
    `  ${xmlElement('xs:import', [
      ['namespace', namespaces['fm-dim']],
      ['schemaLocation', dimensionsSchemaFile]
    ])}`,
    ...concepts.map(
      (concept) =>
        `  ${xmlElement('xs:element', [
          ['id', elementId('fm', concept.name)],
          ['name', concept.name],
          ['type', concept.type],
          ['substitutionGroup', 'xbrli:item'],
          ['xbrli:periodType', 'duration'],
          ['nillable', 'true']
        ])}`
    ),
    '</xs:schema>',
    ''
  ].join('\n')
}
