import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile/compile-sources.js'
import { conceptDeclarations } from '../src/emit/xbrl/concepts.js'
import { decimalString } from '../src/emit/xbrl/decimal.js'
import { xbrlFactIds } from '../src/emit/xbrl/fact-ids.js'
import { emitTaxonomy, emitXbrlJson } from '../src/emit/xbrl/index.js'
import { xbrlPeriod } from '../src/emit/xbrl/periods.js'
import { xbrlUnit } from '../src/emit/xbrl/units.js'
import { xbrlJsonFact } from '../src/emit/xbrl/xbrl-fact.js'
import type { Fact } from '../src/model/schema-types.js'
import { seedRegistry, seedReport } from './helpers/seed.js'
import type { CompiledReport, Registry } from '../src/model/compiled.js'

// The seed compiled as test/helpers/seed-build.ts does, without rendering the other outputs.
function compileSeed() {
  return compileSources({ reports: [seedReport], registry: seedRegistry })
}

const result = compileSeed()
const report = result.reports[0] as CompiledReport
const registry = result.registry as Registry
const bundle = report.bundle
const taxonomyUrl = '../taxonomy/metrics.xsd'
const text = emitXbrlJson(report, { taxonomy: taxonomyUrl })

interface XbrlFact {
  value: string
  decimals?: number
  dimensions: Record<string, string>
  [extension: string]: unknown
}
interface XbrlReport {
  documentInfo: { documentType: string; namespaces: Record<string, string>; taxonomy: string[] }
  facts: Record<string, XbrlFact>
  [extension: string]: unknown
}
const xbrl = JSON.parse(text) as XbrlReport
const { namespaces } = xbrl.documentInfo
const entries = Object.entries(xbrl.facts)

const taxonomy = new Map(emitTaxonomy(registry).map((file) => [file.path, file.content]))
const metricsXsd = taxonomy.get('taxonomy/metrics.xsd') ?? ''
const dimensionsXsd = taxonomy.get('taxonomy/dimensions.xsd') ?? ''
const labelXml = taxonomy.get('taxonomy/metrics-label.xml') ?? ''

// Another reading of the XML than the one that wrote it: every repeatable element as a list, every value as text.
const repeated = new Set(['xs:element', 'xs:import', 'link:loc', 'link:label', 'link:labelArc', 'link:linkbaseRef'])
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- entityDecoder needs a hand-made decoder; htmlEntities is still supported in 5.x
  htmlEntities: true,
  isArray: (name) => repeated.has(name)
})
type XmlNode = Record<string, string | undefined>

interface Schema {
  targetNamespace: string
  namespaces: Record<string, string>
  elements: XmlNode[]
  imports: XmlNode[]
  linkbaseRefs: XmlNode[]
}
function readSchema(xml: string): Schema {
  const root = (parser.parse(xml) as Record<string, Record<string, unknown>>)['xs:schema'] ?? {}
  const namespaces = Object.fromEntries(
    Object.entries(root).flatMap(([key, value]) => (key.startsWith('@xmlns:') ? [[key.slice(7), String(value)]] : []))
  )
  const appinfo = (root['xs:annotation'] as Record<string, Record<string, unknown>> | undefined)?.['xs:appinfo'] ?? {}
  return {
    targetNamespace: String(root['@targetNamespace']),
    namespaces,
    elements: (root['xs:element'] ?? []) as XmlNode[],
    imports: (root['xs:import'] ?? []) as XmlNode[],
    linkbaseRefs: (appinfo['link:linkbaseRef'] ?? []) as XmlNode[]
  }
}
const metricsSchema = readSchema(metricsXsd)
const dimensionsSchema = readSchema(dimensionsXsd)

/** Expanded names of what a schema declares: `{namespace}local`. */
const declared = (schema: Schema, only: (element: XmlNode) => boolean) =>
  new Set(schema.elements.filter(only).map((element) => `{${schema.targetNamespace}}${element['@name']}`))
const isConcept = (element: XmlNode) => element['@substitutionGroup'] === 'xbrli:item'
const isDimension = (element: XmlNode) => element['@substitutionGroup'] === 'xbrldt:dimensionItem'

function expand(qname: string): string {
  const [prefix = '', local = ''] = qname.split(/:(.*)/s)
  return `{${namespaces[prefix]}}${local}`
}

// XML 1.0 fifth edition NameStartChar and NameChar, without the colon: what an xBRL-JSON fact id must be.
const ncName =
  // eslint-disable-next-line no-misleading-character-class -- ranges of single code points; U+200C/U+200D are NCName characters here
  /^[A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][-.0-9\u00B7\u0300-\u036F\u203F\u2040A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]*$/u

const factById = (id: string) => entries.find(([, fact]) => fact['factmark:id'] === id)

const entity = 'fm-entity:厦门市'
const year2025 = '2025-01-01T00:00:00/2026-01-01T00:00:00'

describe('the xbrl module', () => {
  test('exports emitXbrlJson and emitTaxonomy, nothing else', async () => {
    expect(Object.keys(await import('../src/emit/xbrl/index.js')).sort()).toEqual(['emitTaxonomy', 'emitXbrlJson'])
  })
})

describe('facts.xbrl.json of the seed', () => {
  test('is an xBRL-JSON 1.0 document pointing at the taxonomy it was given', () => {
    expect(xbrl.documentInfo.documentType).toBe('https://xbrl.org/2021/xbrl-json')
    expect(xbrl.documentInfo.taxonomy).toEqual([taxonomyUrl])
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toBe(`${JSON.stringify(xbrl, null, 2)}\n`)
    // The OIM reserves these aliases for exactly these namespaces.
    expect(namespaces).toMatchObject({
      xbrl: 'https://xbrl.org/2021',
      xbrli: 'http://www.xbrl.org/2003/instance',
      iso4217: 'http://www.xbrl.org/2003/iso4217'
    })
    expect(xbrl['factmark:report']).toEqual(bundle.report)
  })

  // prettier-ignore
  test.each([
    { id: 'air.aqi_composite@2025', key: 'air.aqi_composite_2025', value: '2.43', decimals: 2, dimensions: { concept: 'fm:air.aqi_composite', entity, period: year2025 } },
    { id: 'air.good_days_ratio@2025', key: 'air.good_days_ratio_2025', value: '0.992', decimals: 3, dimensions: { concept: 'fm:air.good_days_ratio', entity, period: year2025 } },
    {
      id: 'sea.good_quality_area_ratio@2025:change',
      key: 'sea.good_quality_area_ratio_2025_change',
      value: '0.021',
      decimals: 3,
      dimensions: { concept: 'fm:sea.good_quality_area_ratio', entity, period: year2025, 'fm-dim:aspect': 'change', 'fm-dim:basePeriod': '2024' }
    },
    {
      id: 'water.section_excellent_ratio@2025:start',
      key: 'water.section_excellent_ratio_2025_start',
      value: '0.5',
      decimals: 2,
      dimensions: { concept: 'fm:water.section_excellent_ratio', entity, period: year2025, 'fm-dim:aspect': 'start' }
    },
    { id: 'air.pm25@2025', key: 'air.pm25_2025', value: '17.4', decimals: 1, dimensions: { concept: 'fm:air.pm25', entity, period: year2025, unit: 'ucum:ug/ucum:m3' } },
    {
      id: 'sea.floating_litter_density@2025',
      key: 'sea.floating_litter_density_2025',
      value: '39.53',
      decimals: 2,
      dimensions: { concept: 'fm:sea.floating_litter_density', entity, period: year2025, unit: 'ucum:m2/ucum:km' }
    },
    {
      id: 'carbon.allowances_surrendered@2025',
      key: 'carbon.allowances_surrendered_2025',
      value: '11590000',
      decimals: -4,
      dimensions: { concept: 'fm:carbon.allowances_surrendered', entity, period: year2025, unit: 'ucum:t' }
    },
    {
      id: 'funding.central_air_funds@2025',
      key: 'funding.central_air_funds_2025',
      value: '250000000',
      decimals: -7,
      dimensions: { concept: 'fm:funding.central_air_funds', entity, period: year2025, unit: 'iso4217:CNY' }
    },
    { id: 'air.ranked_cities@2025', key: 'air.ranked_cities_2025', value: '168', decimals: 0, dimensions: { concept: 'fm:air.ranked_cities', entity, period: year2025 } },
    { id: 'air.aqi_rank@2025', key: 'air.aqi_rank_2025', value: '8', decimals: 0, dimensions: { concept: 'fm:air.aqi_rank', entity, period: year2025 } },
    {
      id: 'water.section_class@2025:site=隘头潭国控断面',
      key: 'water.section_class_2025_site_隘头潭国控断面',
      value: '2',
      decimals: 0,
      dimensions: { concept: 'fm:water.section_class', entity, period: year2025, 'fm-dim:site': '隘头潭国控断面' }
    },
    {
      id: 'water.source_orchards_cleared@2025:site=坂头-石兜水库、汀溪水库',
      key: 'water.source_orchards_cleared_2025_site_坂头-石兜水库、汀溪水库',
      value: '3116666.66666667',
      decimals: -3,
      dimensions: { concept: 'fm:water.source_orchards_cleared', entity, period: year2025, unit: 'ucum:m2', 'fm-dim:site': '坂头-石兜水库、汀溪水库' }
    },
    {
      id: 'inspection.petitions@2023-11/2023-12:round=中三督',
      key: 'inspection.petitions_2023-11_2023-12_round_中三督',
      value: '517',
      decimals: 0,
      dimensions: { concept: 'fm:inspection.petitions', entity, period: '2023-11-01T00:00:00/2024-01-01T00:00:00', 'fm-dim:round': '中三督' }
    },
    {
      id: 'performance.assessment_rank@2024',
      key: 'performance.assessment_rank_2024',
      value: '4',
      decimals: 0,
      dimensions: { concept: 'fm:performance.assessment_rank', entity, period: '2024-01-01T00:00:00/2025-01-01T00:00:00' }
    },
    {
      id: 'water.section_class@2026/2030:target:site=南门桥断面',
      key: 'water.section_class_2026_2030_target_site_南门桥断面',
      value: '3',
      decimals: 0,
      dimensions: { concept: 'fm:water.section_class', entity, period: '2026-01-01T00:00:00/2031-01-01T00:00:00', 'fm-dim:aspect': 'target', 'fm-dim:site': '南门桥断面' }
    },
    {
      id: 'inspection.clearance_completed@2025',
      key: 'inspection.clearance_completed_2025',
      value: '2025-11',
      decimals: undefined,
      dimensions: { concept: 'fm:inspection.clearance_completed', entity, period: year2025 }
    }
  ])('$id is $value', ({ id, key, value, decimals, dimensions }) => {
    const found = factById(id)
    expect(found?.[0]).toBe(key)
    const fact = found?.[1]
    expect(fact?.value).toBe(value)
    expect(fact?.decimals).toBe(decimals)
    expect('decimals' in (fact ?? {})).toBe(decimals !== undefined)
    // Exact: no unit on pure facts (the OIM's default, which it forbids writing) nor on dates.
    expect(fact?.dimensions).toStrictEqual(dimensions)
  })

  test('keeps what a reader of facts.json knows a fact by: id, printed text, bound, source position', () => {
    const [, fact] = factById('performance.assessment_rank@2024') ?? []
    const original = bundle.facts.find((candidate) => candidate.id === 'performance.assessment_rank@2024')
    expect(fact).toMatchObject({
      'factmark:id': original?.id,
      'factmark:text': '前4',
      'factmark:bound': 'at-most',
      'factmark:source': original?.source
    })
    expect(Object.keys(fact ?? {})).toEqual([
      'value',
      'decimals',
      'dimensions',
      'factmark:id',
      'factmark:text',
      'factmark:bound',
      'factmark:source'
    ])
  })

  test('has every fact of the bundle exactly once, in text order', () => {
    expect(bundle.facts).toHaveLength(128)
    expect(entries.map(([, fact]) => fact['factmark:id'])).toEqual(bundle.facts.map((fact) => fact.id))
  })

  test('keys facts by unique NCNames', () => {
    const keys = xbrlFactIds(bundle.facts.map((fact) => fact.id))
    expect(new Set(keys).size).toBe(keys.length)
    expect(entries.map(([key]) => key)).toEqual(keys)
    for (const key of keys) expect(key, key).toMatch(ncName)
  })

  test('declares every prefix it uses: concepts, entities, units, dimensions, extension properties', () => {
    const used = new Set<string>()
    const prefixOf = (qname: string) => used.add(qname.slice(0, qname.indexOf(':')))
    for (const [name] of Object.entries(xbrl).filter(([name]) => name.includes(':'))) prefixOf(name)
    for (const [, fact] of entries) {
      for (const name of Object.keys(fact).filter((name) => name.includes(':'))) prefixOf(name)
      const { concept = '', entity: entityName = '', unit, ...typed } = fact.dimensions
      prefixOf(concept)
      prefixOf(entityName)
      for (const measure of unit?.split(/[*/()]/).filter(Boolean) ?? []) prefixOf(measure)
      for (const name of Object.keys(typed).filter((name) => name !== 'period')) prefixOf(name)
    }
    expect([...used].sort()).toEqual(['factmark', 'fm', 'fm-dim', 'fm-entity', 'iso4217', 'ucum'])
    for (const prefix of used) expect(namespaces, prefix).toHaveProperty(prefix)
  })

  test('uses only concepts the taxonomy declares as items, and only typed dimensions it declares', () => {
    const concepts = declared(metricsSchema, isConcept)
    const dimensions = declared(dimensionsSchema, isDimension)
    for (const [key, fact] of entries) {
      const { concept = '', entity: _entity, period: _period, unit: _unit, ...typed } = fact.dimensions
      expect(concepts.has(expand(concept)), `${key}: ${concept}`).toBe(true)
      for (const name of Object.keys(typed)) expect(dimensions.has(expand(name)), `${key}: ${name}`).toBe(true)
    }
  })

  test('gives each concept values its item type accepts, and a currency to every monetary fact', () => {
    const lexical: Record<string, RegExp> = {
      'xbrli:integerItemType': /^-?\d+$/,
      'xbrli:decimalItemType': /^-?\d+(\.\d+)?$/,
      'xbrli:pureItemType': /^-?\d+(\.\d+)?$/,
      'xbrli:monetaryItemType': /^-?\d+(\.\d+)?$/,
      'xbrli:stringItemType': /^/
    }
    const typeOf = new Map(metricsSchema.elements.map((element) => [`fm:${element['@name']}`, element['@type'] ?? '']))
    for (const [key, fact] of entries) {
      const type = typeOf.get(fact.dimensions['concept'] ?? '') ?? ''
      expect(fact.value, `${key}: ${type}`).toMatch(lexical[type] ?? /^$/)
      if (type === 'xbrli:monetaryItemType') expect(fact.dimensions['unit'], key).toMatch(/^iso4217:[A-Z]{3}$/)
      if (type === 'xbrli:stringItemType')
        expect([fact.dimensions['unit'], fact.decimals], key).toEqual([undefined, undefined])
    }
  })

  test('writes periods end-exclusive and units as OIM unit strings with sorted measures', () => {
    for (const [, fact] of entries) {
      expect(fact.dimensions['period']).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\/\d{4}-\d{2}-\d{2}T00:00:00$/)
      const unit = fact.dimensions['unit']
      if (unit === undefined) continue
      expect(unit).not.toBe('xbrli:pure')
      for (const side of unit.split('/')) {
        const measures = side.replace(/^\((.*)\)$/, '$1').split('*')
        expect(measures).toEqual([...measures].sort())
      }
    }
  })

  test('writes values as xs:decimal strings with no binary noise, dates as they are', () => {
    for (const [key, fact] of entries) {
      const original = bundle.facts.find((candidate) => candidate.id === fact['factmark:id'])
      if (typeof original?.value === 'string') {
        expect(fact.value).toBe(original.value)
        expect(fact.dimensions).not.toHaveProperty('unit')
        continue
      }
      expect(fact.value, key).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/)
      expect(fact.value.length, key).toBeLessThan(20)
      const scale = original?.unit === '%' ? 100 : 1
      expect(Number(fact.value) * scale, key).toBeCloseTo(original?.value ?? NaN, 9)
    }
  })

  test('is byte-identical across two compilations and two runs', () => {
    const again = compileSeed().reports[0] as CompiledReport
    expect(emitXbrlJson(again, { taxonomy: taxonomyUrl })).toBe(text)
    expect(emitXbrlJson(report, { taxonomy: taxonomyUrl })).toBe(text)
    const twice = emitTaxonomy(compileSeed().registry as Registry)
    expect(twice).toEqual(emitTaxonomy(registry))
  })
})

describe('the taxonomy', () => {
  test('is three files under taxonomy/, and the report points at its entry point', () => {
    expect([...taxonomy.keys()].sort()).toEqual([
      'taxonomy/dimensions.xsd',
      'taxonomy/metrics-label.xml',
      'taxonomy/metrics.xsd'
    ])
    expect(new URL(taxonomyUrl, 'https://example.org/dist/xiamen-2025/facts.xbrl.json').pathname).toBe(
      '/dist/taxonomy/metrics.xsd'
    )
  })

  test.each([...taxonomy.entries()])('%s is well-formed XML of XML 1.0 characters only', (_path, content) => {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- still shipped in 5.x; its successor is a separate package
    expect(XMLValidator.validate(content)).toBe(true)
    expect(content).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/)
    // eslint-disable-next-line no-control-regex -- the control characters are what this rules out
    expect(content).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/)
  })

  test('metrics.xsd declares the metric namespace, imports the instance schema and the dimensions, and links the labels', () => {
    expect(metricsSchema.targetNamespace).toBe(namespaces['fm'])
    expect(metricsSchema.imports).toEqual([
      {
        '@namespace': 'http://www.xbrl.org/2003/instance',
        '@schemaLocation': 'http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd'
      },
      { '@namespace': namespaces['fm-dim'], '@schemaLocation': 'dimensions.xsd' }
    ])
    expect(metricsSchema.linkbaseRefs).toEqual([
      {
        '@xlink:type': 'simple',
        '@xlink:href': 'metrics-label.xml',
        '@xlink:role': 'http://www.xbrl.org/2003/role/labelLinkbaseRef',
        '@xlink:arcrole': 'http://www.w3.org/1999/xlink/properties/linkbase'
      }
    ])
    expect(metricsSchema.namespaces['xbrli']).toBe('http://www.xbrl.org/2003/instance')
  })

  // prettier-ignore
  test.each([
    { kind: 'money', type: 'xbrli:monetaryItemType' },
    { kind: 'percent', type: 'xbrli:pureItemType' },
    { kind: 'count', type: 'xbrli:integerItemType' },
    { kind: 'rank', type: 'xbrli:integerItemType' },
    { kind: 'class', type: 'xbrli:integerItemType' },
    { kind: 'quantity', type: 'xbrli:decimalItemType' },
    { kind: 'index', type: 'xbrli:decimalItemType' },
    { kind: 'date', type: 'xbrli:stringItemType' }
  ])('a $kind metric is a nillable duration item of $type, with a pure relative-change concept beside it', ({ kind, type }) => {
    const ids = [...registry.metrics].filter(([, metric]) => metric.kind === kind).map(([id]) => id)
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) {
      const element = metricsSchema.elements.find((candidate) => candidate['@name'] === id)
      expect(element, id).toEqual({
        '@id': `fm_${id}`,
        '@name': id,
        '@type': type,
        '@substitutionGroup': 'xbrli:item',
        '@xbrli:periodType': 'duration',
        '@nillable': 'true'
      })
      const companion = metricsSchema.elements.find((candidate) => candidate['@name'] === `${id}-relative-change`)
      expect(companion?.['@type'], id).toBe('xbrli:pureItemType')
    }
  })

  test('declares one concept per metric and one relative-change concept beside each, nothing else', () => {
    const ids = [...registry.metrics.keys()].sort()
    expect(metricsSchema.elements.map((element) => element['@name'])).toEqual(
      ids.flatMap((id) => [id, `${id}-relative-change`])
    )
  })

  test('dimensions.xsd declares each typed dimension as XDT asks, with a string domain element', () => {
    expect(dimensionsSchema.targetNamespace).toBe(namespaces['fm-dim'])
    expect(dimensionsSchema.imports.map((element) => element['@schemaLocation'])).toEqual([
      'http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd',
      'http://www.xbrl.org/2005/xbrldt-2005.xsd'
    ])
    expect(dimensionsSchema.namespaces['xbrldt']).toBe('http://xbrl.org/2005/xbrldt')
    const dimensions = dimensionsSchema.elements.filter(isDimension)
    const registryNames = [...registry.metrics.values()].flatMap((metric) => Object.keys(metric.dimensions ?? {}))
    expect(dimensions.map((element) => element['@name'])).toEqual([
      'aspect',
      'basePeriod',
      ...[...new Set(registryNames)].sort()
    ])
    for (const dimension of dimensions) {
      expect(dimension).toMatchObject({
        '@abstract': 'true',
        '@type': 'xbrli:stringItemType',
        '@xbrli:periodType': 'duration'
      })
      const domainId = dimension['@xbrldt:typedDomainRef']?.replace(/^#/, '')
      const domain = dimensionsSchema.elements.find((element) => element['@id'] === domainId)
      expect(domain, dimension['@name']).toMatchObject({ '@type': 'xs:string' })
      expect(domain?.['@substitutionGroup']).toBeUndefined()
    }
  })

  test('labels every metric, relative-change concept and dimension in zh-CN and en', () => {
    const link = ((parser.parse(labelXml) as Record<string, Record<string, unknown>>)['link:linkbase'] ?? {})[
      'link:labelLink'
    ] as Record<string, XmlNode[]>
    const locators = new Map((link['link:loc'] ?? []).map((loc) => [loc['@xlink:href'], loc['@xlink:label']]))
    const labelsOf = (href: string) => {
      const from = locators.get(href)
      const to = new Set(
        (link['link:labelArc'] ?? []).filter((arc) => arc['@xlink:from'] === from).map((arc) => arc['@xlink:to'])
      )
      const resources = (link['link:label'] ?? []).filter(
        (label) => to.has(label['@xlink:label']) && label['@xlink:role'] === 'http://www.xbrl.org/2003/role/label'
      )
      return Object.fromEntries(resources.map((label) => [label['@xml:lang'], label['#text']]))
    }
    for (const [id, metric] of registry.metrics) {
      expect(labelsOf(`metrics.xsd#fm_${id}`), id).toEqual({ 'zh-CN': metric.label.zh, en: metric.label.en })
      expect(labelsOf(`metrics.xsd#fm_${id}-relative-change`), id).toEqual({
        'zh-CN': `${metric.label.zh}(变化率)`,
        en: `${metric.label.en} (relative change)`
      })
    }
    for (const element of [...metricsSchema.elements.filter(isConcept)])
      expect(Object.keys(labelsOf(`metrics.xsd#${element['@id']}`)).sort()).toEqual(['en', 'zh-CN'])
    for (const element of [...dimensionsSchema.elements.filter(isDimension)])
      expect(Object.keys(labelsOf(`dimensions.xsd#${element['@id']}`)).sort()).toEqual(['en', 'zh-CN'])
    expect(labelsOf('dimensions.xsd#fm-dim_site')).toEqual({
      'zh-CN': '地点/水源地/断面',
      en: 'Site / Water source / Monitoring section'
    })
  })

  test('escapes labels: markup, quotes and characters XML cannot hold', () => {
    const hostile: Registry = {
      metrics: new Map([
        [
          'x.y',
          {
            label: { zh: '甲<乙>&"丙"\'丁\r\n', en: 'A & B <c> --> ]]> \u0001' },
            kind: 'count',
            unit: '1',
            better: 'higher',
            dimensions: { site: { label: { zh: '<站点>', en: 'S&ite "x"' } } }
          }
        ]
      ]),
      calculations: []
    }
    const files = emitTaxonomy(hostile)
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- still shipped in 5.x; its successor is a separate package
    for (const file of files) expect(XMLValidator.validate(file.content), file.path).toBe(true)
    const labels = files.find((file) => file.path === 'taxonomy/metrics-label.xml')?.content ?? ''
    const link = ((parser.parse(labels) as Record<string, Record<string, unknown>>)['link:linkbase'] ?? {})[
      'link:labelLink'
    ] as Record<string, XmlNode[]>
    const texts = (link['link:label'] ?? []).map((label) => label['#text'])
    expect(texts).toContain('甲<乙>&"丙"\'丁\r\n')
    expect(texts).toContain('A & B <c> --> ]]> \uFFFD')
    expect(texts).toContain('S&ite "x"')
  })
})

describe('the mappings', () => {
  // prettier-ignore
  test.each([
    { ucum: '%', expected: { scale: 2 } },
    { ucum: '1', expected: { scale: 0 } },
    { ucum: 'CNY', expected: { unit: 'iso4217:CNY', scale: 0 } },
    { ucum: 'ug/m3', expected: { unit: 'ucum:ug/ucum:m3', scale: 0 } },
    { ucum: 'm2/km', expected: { unit: 'ucum:m2/ucum:km', scale: 0 } },
    { ucum: 't', expected: { unit: 'ucum:t', scale: 0 } },
    { ucum: 'a', expected: { unit: 'ucum:a', scale: 0 } },
    { ucum: 'kW.h', expected: { unit: 'ucum:h*ucum:kW', scale: 0 } },
    { ucum: 'kW.h/m3', expected: { unit: '(ucum:h*ucum:kW)/ucum:m3', scale: 0 } },
    { ucum: 'kg/(m2.d)', expected: { unit: 'ucum:kg/(ucum:d*ucum:m2)', scale: 0 } },
    // UCUM reads left to right: kg/m.s is kg·s/m.
    { ucum: 'kg/m.s', expected: { unit: '(ucum:kg*ucum:s)/ucum:m', scale: 0 } },
    { ucum: '/s', expected: { unit: 'xbrli:pure/ucum:s', scale: 0 } },
    { ucum: 'm/m', expected: { scale: 0 } },
    { ucum: '{cells}/uL', expected: { unit: 'xbrli:pure/ucum:uL', scale: 0 } },
    { ucum: '[in_i]', expected: { unit: 'ucum:_x005B_in_i_x005D_', scale: 0 } },
    { ucum: 'mg/dL{a.b}', expected: { unit: 'ucum:mg/ucum:dL_x007B_a.b_x007D_', scale: 0 } }
  ])('unit $ucum', ({ ucum, expected }) => {
    expect(xbrlUnit(ucum)).toStrictEqual(expected)
  })

  // prettier-ignore
  test.each([
    { value: 99.2, shift: 2, expected: '0.992' },
    { value: 2.1, shift: 2, expected: '0.021' },
    { value: 64.62, shift: 2, expected: '0.6462' },
    { value: 5.86, shift: 2, expected: '0.0586' },
    { value: 100, shift: 2, expected: '1' },
    { value: 0, shift: 2, expected: '0' },
    { value: -2.5, shift: 2, expected: '-0.025' },
    { value: 0.5, shift: 2, expected: '0.005' },
    { value: 17.4, shift: 0, expected: '17.4' },
    { value: 11590000, shift: 0, expected: '11590000' },
    { value: 3116666.66667, shift: 0, expected: '3116666.66667' },
    { value: 1e21, shift: 0, expected: '1000000000000000000000' },
    { value: 1.5e-7, shift: 0, expected: '0.00000015' },
    { value: 1.5e-7, shift: 2, expected: '0.0000000015' }
  ])('decimal $value / 10^$shift is $expected', ({ value, shift, expected }) => {
    expect(decimalString(value, shift)).toBe(expected)
  })

  // prettier-ignore
  test.each([
    { period: '2025', expected: '2025-01-01T00:00:00/2026-01-01T00:00:00' },
    { period: '2025-11', expected: '2025-11-01T00:00:00/2025-12-01T00:00:00' },
    { period: '2025-12', expected: '2025-12-01T00:00:00/2026-01-01T00:00:00' },
    { period: '2024-02', expected: '2024-02-01T00:00:00/2024-03-01T00:00:00' },
    { period: '2025-11-05', expected: '2025-11-05T00:00:00/2025-11-06T00:00:00' },
    { period: '2023-11/2023-12', expected: '2023-11-01T00:00:00/2024-01-01T00:00:00' },
    { period: '2026/2030', expected: '2026-01-01T00:00:00/2031-01-01T00:00:00' }
  ])('period $period', ({ period, expected }) => {
    expect(xbrlPeriod(period)).toBe(expected)
  })

  // prettier-ignore
  test.each([
    { ids: ['air.pm25@2025'], expected: ['air.pm25_2025'] },
    { ids: ['a@1', 'a_1', 'a:1'], expected: ['a_1', 'a_1_2', 'a_1_3'] },
    // A suffix never takes a name that a later fact derives plainly.
    { ids: ['x', 'x', 'x_2'], expected: ['x', 'x_3', 'x_2'] },
    { ids: ['2025', '-a', ''], expected: ['f_2025', 'f_-a', 'f_'] },
    { ids: ['a😀b'], expected: ['a_b'] }
  ])('fact ids $ids', ({ ids, expected }) => {
    expect(xbrlFactIds(ids)).toEqual(expected)
  })

  const base: Fact = {
    id: 'x.y@2025:change',
    metric: 'x.y',
    aspect: 'change',
    value: -5,
    unit: '1',
    decimals: 0,
    text: '5个',
    displayUnit: '个',
    period: '2025',
    basePeriod: '2024',
    entity: 'Xiamen City',
    dimensions: {},
    section: [],
    source: { file: 'a.md', line: 1, column: 1, offset: 0, endLine: 1, endColumn: 2, endOffset: 1 }
  }

  // prettier-ignore
  test.each([
    { name: 'a decrease of a count', fact: base, value: '-5', decimals: 0, concept: 'fm:x.y', unit: undefined },
    { name: 'a relative change of money', fact: { ...base, aspect: 'relative-change', value: -12.5, unit: '%', decimals: 1 } satisfies Fact, value: '-0.125', decimals: 3, concept: 'fm:x.y-relative-change', unit: undefined },
    { name: 'a change in yuan', fact: { ...base, value: 2500000, unit: 'CNY', decimals: -5 }, value: '2500000', decimals: -5, concept: 'fm:x.y', unit: 'iso4217:CNY' }
  ])('$name', ({ fact, value, decimals, concept, unit }) => {
    const xbrlFact = xbrlJsonFact(fact)
    expect(xbrlFact.value).toBe(value)
    expect(xbrlFact.decimals).toBe(decimals)
    expect(xbrlFact.dimensions['concept']).toBe(concept)
    expect(xbrlFact.dimensions['unit']).toBe(unit)
    expect(xbrlFact.dimensions['fm-dim:aspect']).toBe(fact.aspect)
    // White space cannot stand in an SQName; it is escaped, so is %, so that the name reads back.
    expect(xbrlFact.dimensions['entity']).toBe('fm-entity:Xiamen%20City')
  })

  test('every kind of metric has a concept type, so every fact of every metric has a declared concept', () => {
    for (const declaration of conceptDeclarations(registry)) expect(declaration.type).toMatch(/^xbrli:\w+ItemType$/)
  })
})
