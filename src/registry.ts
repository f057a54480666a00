import { VFile } from 'vfile'
import { CURRENCY, isUcumUnit } from './chinese-number/index.js'
import { report } from './diagnostics.js'
import { describeSchemaErrors } from './schema-messages.js'
import type { Metric, MetricKind } from './schema-types.js'
import { validators } from './schemas.js'
import { parseYaml, type YamlSource } from './yaml-source.js'

export interface Registry {
  metrics: ReadonlyMap<string, Metric>
}

export interface LoadedRegistry {
  file: VFile
  /** Undefined when the registry has errors (reported on `file`). */
  registry: Registry | undefined
  /** Where a key of the registry stands in the file. */
  locate: YamlSource['locate']
}

// The canonical unit each kind of metric must have; quantities take any UCUM unit.
const unitOfKind: Partial<Record<MetricKind, string>> = {
  percent: '%',
  'percentage-point': '%',
  count: '1',
  rank: '1',
  class: '1',
  index: '1',
  date: '1',
  money: CURRENCY
}

/** Read source/metrics.yaml and check it against schema/metrics.schema.json and the unit rules. */
export function loadRegistry(path: string, text: string): LoadedRegistry {
  const file = new VFile({ path, value: text })
  const yaml = parseYaml(text)
  for (const error of yaml.errors) report(file, 'registry-invalid', `Registry YAML: ${error.message}`, error.place)
  if (yaml.errors.length > 0) return { file, registry: undefined, locate: yaml.locate }

  const validate = validators().registry
  const data = yaml.data ?? {}
  if (!validate(data)) {
    for (const problem of describeSchemaErrors(validate.errors ?? [])) {
      report(file, 'registry-invalid', `Registry: ${problem.message}`, yaml.locate(problem.path, problem.part))
    }
    return { file, registry: undefined, locate: yaml.locate }
  }

  const before = file.messages.length
  for (const [id, metric] of Object.entries(data.metrics)) checkMetric(file, yaml, id, metric)
  if (file.messages.length > before) return { file, registry: undefined, locate: yaml.locate }
  return { file, registry: { metrics: new Map(Object.entries(data.metrics)) }, locate: yaml.locate }
}

function checkMetric(file: VFile, yaml: YamlSource, id: string, metric: Metric): void {
  const at = (...path: string[]) => yaml.locate(['metrics', id, ...path])
  const expected = unitOfKind[metric.kind]
  if (expected !== undefined && metric.unit !== expected) {
    report(file, 'registry-invalid', `Metric "${id}" is a ${metric.kind}, so its unit must be "${expected}", not "${metric.unit}"`, at('unit'))
  } else if (expected === undefined && (metric.unit === '1' || metric.unit === '%' || !isUcumUnit(metric.unit))) {
    const why = isUcumUnit(metric.unit) ? 'a quantity needs a unit of measure' : 'it is not a UCUM code'
    report(file, 'registry-invalid', `Metric "${id}" has unit "${metric.unit}": ${why} (e.g. ug/m3, t, m3, m2, dB)`, at('unit'))
  }
  const { min, max } = metric.range ?? {}
  if (min !== undefined && max !== undefined && min > max) {
    report(file, 'registry-invalid', `Metric "${id}" has a range whose min (${min}) is above its max (${max})`, at('range'))
  }
}
