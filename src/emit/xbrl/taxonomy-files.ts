/** Paths of the taxonomy's files under dist/, and how they refer to each other (all in one folder). */
export const taxonomyFolder = 'taxonomy'
export const metricsSchemaFile = 'metrics.xsd'
export const dimensionsSchemaFile = 'dimensions.xsd'
export const labelLinkbaseFile = 'metrics-label.xml'

/** The id of a declared element, which locators point at: the prefix, `_`, the local name. */
export function elementId(prefix: string, name: string): string {
  return `${prefix}_${name}`
}

/** The string domain element a typed dimension's values are written in. */
export function domainName(dimension: string): string {
  // Dimension names have no dot, so no dimension can take a domain's name.
  return `${dimension}.domain`
}
