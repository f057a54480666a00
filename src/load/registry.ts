import type { VFile } from 'vfile'
import { CURRENCY, isUcumUnit } from '../chinese-number/index.js'
import { report } from '../diagnostics/report.js'
import { didYouMeanText } from '../diagnostics/did-you-mean.js'
import { describeSchemaErrors } from '../diagnostics/schema-messages.js'
import type { Registry } from '../model/compiled.js'
import type { Calculation, Metric, MetricKind } from '../model/schema-types.js'
import { validators } from '../model/schemas.js'
import { openSource } from './source-file.js'
import { addFault, calculationMetrics, entriesWithoutFaults, noFaults, partialRegistry } from './partial-registry.js'
import { parseYaml, type YamlSource } from './yaml-source.js'

export interface LoadedRegistry {
  file: VFile
  /** Undefined when the registry has errors (reported on `file`). */
  registry: Registry | undefined
  /** A registry with errors that reads as YAML: the metrics and calculations without errors (see partialRegistry). */
  partial?: Registry
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

/**
 * Read source/metrics.yaml (its bytes, or its text) and check it against schema/metrics.schema.json
 * and the unit rules.
 */
export function loadRegistry(path: string, content: string | Uint8Array): LoadedRegistry {
  const { file, text, readable } = openSource(path, content)
  if (!readable) return { file, registry: undefined, locate: parseYaml('').locate }
  return readRegistry(file, text)
}

/** Parse and check the text of a registry opened as `file` (see openSource), reporting on it. */
export function readRegistry(file: VFile, text: string): LoadedRegistry {
  const yaml = parseYaml(text)
  for (const error of yaml.errors) report(file, 'registry-invalid', `Registry YAML: ${error.message}`, error.place)
  for (const control of yaml.controls) report(file, 'control-character', `Registry: ${control.message}`, control.place)
  if (yaml.data === undefined) return { file, registry: undefined, locate: yaml.locate }

  const validate = validators().registry
  const data = yaml.data ?? {}
  const faults = noFaults()
  if (!validate(data))
    for (const problem of describeSchemaErrors(validate.errors ?? [])) {
      report(file, 'registry-invalid', `Registry: ${problem.message}`, yaml.locate(problem.path, problem.part))
      addFault(faults, problem.path)
    }
  // The entries the schema takes are checked on, so that one run tells every error of the registry.
  const entries = entriesWithoutFaults(data, faults)
  if (!entries) return { file, registry: undefined, locate: yaml.locate }
  const withSchemaErrors = new Set(faults.metrics)
  const { metrics } = entries
  for (const [id, metric] of metrics) {
    const messages = file.messages.length
    checkMetric(file, yaml, { id, metric, metrics, withSchemaErrors })
    if (file.messages.length > messages) faults.metrics.add(id)
  }
  for (const [index, calculation] of entries.calculations) {
    // One that names a metric with errors goes with it (see partialRegistry), unchecked.
    if (calculationMetrics(calculation).some((id) => withSchemaErrors.has(id))) continue
    const messages = file.messages.length
    checkCalculation(file, yaml, index, calculation, metrics)
    if (file.messages.length > messages) faults.calculations.add(index)
  }
  if (faults.metrics.size > 0 || faults.calculations.size > 0)
    return withPartial({ file, registry: undefined, locate: yaml.locate }, partialRegistry(data, faults))
  const calculations = entries.calculations.map(([, calculation]) => calculation)
  // Only warnings from here on: a registry without definitions still compiles.
  for (const [id, metric] of metrics) {
    // A draft's one warning lists all that is left to do, the definition included.
    if (metric.draft === true)
      report(
        file,
        'metric-draft',
        `The metric "${id}" (${metric.label.zh}) is a draft: confirm its label, kind, unit and better, add a definition, then remove draft: true`,
        yaml.locate(['metrics', id, 'draft'], 'key')
      )
    else if (metric.definition === undefined)
      report(
        file,
        'metric-definition-missing',
        `The metric "${id}" has no definition: say what it measures, over what and how, in definition: { zh, en }`,
        yaml.locate(['metrics', id], 'key')
      )
  }
  return { file, registry: { metrics, calculations }, locate: yaml.locate }
}

function withPartial(loaded: LoadedRegistry, partial: Registry | undefined): LoadedRegistry {
  return partial ? { ...loaded, partial } : loaded
}

interface MetricToCheck {
  id: string
  metric: Metric
  /** The metrics without schema errors, and the ids of those with, which a metric may name. */
  metrics: ReadonlyMap<string, Metric>
  withSchemaErrors: ReadonlySet<string>
}

function checkMetric(file: VFile, yaml: YamlSource, { id, metric, metrics, withSchemaErrors }: MetricToCheck): void {
  const at = (...path: string[]) => yaml.locate(['metrics', id, ...path])
  const expected = unitOfKind[metric.kind]
  if (expected !== undefined && metric.unit !== expected) {
    report(
      file,
      'registry-invalid',
      `Metric "${id}" is a ${metric.kind}, so its unit must be "${expected}", not "${metric.unit}"`,
      at('unit')
    )
  } else if (expected === undefined && (metric.unit === '1' || metric.unit === '%' || !isUcumUnit(metric.unit))) {
    const why = isUcumUnit(metric.unit) ? 'a quantity needs a unit of measure' : 'it is not a UCUM code'
    report(
      file,
      'registry-invalid',
      `Metric "${id}" has unit "${metric.unit}": ${why} (e.g. ug/m3, t, m3, m2, dB)`,
      at('unit')
    )
  }
  const { min, max } = metric.range ?? {}
  if (min !== undefined && max !== undefined && min > max) {
    report(
      file,
      'registry-invalid',
      `Metric "${id}" has a range whose min (${min}) is above its max (${max})`,
      at('range')
    )
  }
  if (metric.outOf !== undefined && !withSchemaErrors.has(metric.outOf)) {
    const total = metrics.get(metric.outOf)
    if (metric.kind !== 'rank')
      report(file, 'registry-invalid', `Metric "${id}" is a ${metric.kind}; only a rank is out of a total`, at('outOf'))
    else if (!total)
      report(
        file,
        'registry-invalid',
        `Metric "${id}" is out of "${metric.outOf}", which is not in the registry${didYouMeanText(metric.outOf, metrics.keys())}`,
        at('outOf')
      )
    else if (total.kind !== 'count')
      report(
        file,
        'registry-invalid',
        `Metric "${id}" is out of "${metric.outOf}", which is a ${total.kind}, not a count`,
        at('outOf')
      )
  }
}

function checkCalculation(
  file: VFile,
  yaml: YamlSource,
  index: number,
  calculation: Calculation,
  metrics: ReadonlyMap<string, Metric>
): void {
  const at = (...path: Array<string | number>) => yaml.locate(['calculations', index, ...path])
  const total = metrics.get(calculation.total)
  if (!total) {
    report(
      file,
      'registry-invalid',
      `Calculation ${index + 1}: the total "${calculation.total}" is not in the registry${didYouMeanText(calculation.total, metrics.keys())}`,
      at('total')
    )
    return
  }
  if (Array.isArray(calculation.parts)) {
    for (const [position, id] of calculation.parts.entries()) {
      const part = metrics.get(id)
      if (!part)
        report(
          file,
          'registry-invalid',
          `Calculation ${index + 1}: the part "${id}" is not in the registry${didYouMeanText(id, metrics.keys())}`,
          at('parts', position)
        )
      else if (part.unit !== total.unit)
        report(
          file,
          'registry-invalid',
          `Calculation ${index + 1}: the part "${id}" is in ${part.unit}, the total "${calculation.total}" in ${total.unit}`,
          at('parts', position)
        )
    }
  } else if (!total.dimensions?.[calculation.parts.dimension]) {
    report(
      file,
      'registry-invalid',
      `Calculation ${index + 1}: "${calculation.total}" declares no dimension "${calculation.parts.dimension}"`,
      at('parts', 'dimension')
    )
  }
}
