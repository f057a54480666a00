/**
 * The namespaces of the xBRL-JSON reports and of the taxonomy, by prefix.
 * xbrl, xbrli and iso4217 are aliases the OIM reserves for exactly these
 * URIs; the others are factmark's own.
 */
export const namespaces = {
  xbrl: 'https://xbrl.org/2021',
  xbrli: 'http://www.xbrl.org/2003/instance',
  iso4217: 'http://www.xbrl.org/2003/iso4217',
  /** One item concept per metric of the registry; the local name is the metric id. */
  fm: 'https://factmark.dev/xbrl/v1/metrics',
  /** Typed dimensions: the metrics' declared dimensions, and the aspect and base period of a fact. */
  'fm-dim': 'https://factmark.dev/xbrl/v1/dimensions',
  /** Unit measures whose local names are UCUM case-sensitive codes (ug, m3, kW). */
  ucum: 'https://factmark.dev/xbrl/v1/ucum',
  /** Entity scheme: the entity's name as the report writes it (厦门市). */
  'fm-entity': 'https://factmark.dev/xbrl/v1/entity-name',
  /** Extension properties of the report and its facts (id, printed text, source position). */
  factmark: 'https://factmark.dev/xbrl/v1/report'
} as const

export type Prefix = keyof typeof namespaces

/** The namespaces of the XBRL specifications that the taxonomy's files use. */
export const specNamespaces = {
  xs: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xlink: 'http://www.w3.org/1999/xlink',
  link: 'http://www.xbrl.org/2003/linkbase',
  xbrldt: 'http://xbrl.org/2005/xbrldt'
} as const

/** Where the imported specification schemas are published. */
export const specSchemas = {
  instance: 'http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd',
  linkbase: 'http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd',
  xbrldt: 'http://www.xbrl.org/2005/xbrldt-2005.xsd'
} as const

export function prefixed(prefix: Prefix, localName: string): string {
  return `${prefix}:${localName}`
}
