import { conceptDeclarations } from './concepts.js'
import { dimensionsSchema } from './dimensions-schema.js'
import { typedDimensions } from './dimensions.js'
import { labelLinkbase } from './label-linkbase.js'
import { metricsSchema } from './metrics-schema.js'
import {
  dimensionsSchemaFile,
  elementId,
  labelLinkbaseFile,
  metricsSchemaFile,
  taxonomyFolder
} from './taxonomy-files.js'
import type { Registry } from '../../model/compiled.js'

/**
 * The site-wide taxonomy the xBRL-JSON reports point at, generated from the
 * metric registry: metrics.xsd (the entry point, one concept per metric),
 * dimensions.xsd (the typed dimensions) and metrics-label.xml (their labels).
 */
export function emitTaxonomy(registry: Registry): Array<{ path: string; content: string }> {
  const concepts = conceptDeclarations(registry)
  const dimensions = typedDimensions(registry)
  const labelled = [
    ...concepts.map((concept) => ({
      file: metricsSchemaFile,
      id: elementId('fm', concept.name),
      label: concept.label,
      ...(concept.definition && { definition: concept.definition })
    })),
    ...dimensions.map((dimension) => ({
      file: dimensionsSchemaFile,
      id: elementId('fm-dim', dimension.name),
      label: dimension.label
    }))
  ]
  return [
    { path: `${taxonomyFolder}/${dimensionsSchemaFile}`, content: dimensionsSchema(dimensions) },
    { path: `${taxonomyFolder}/${labelLinkbaseFile}`, content: labelLinkbase(labelled) },
    { path: `${taxonomyFolder}/${metricsSchemaFile}`, content: metricsSchema(concepts) }
  ]
}
