import type { Registry } from '../model/compiled.js'
import type { Calculation, Metric } from '../model/schema-types.js'

/** Where a registry's errors are: the metrics and calculations they are in, or somewhere else. */
export interface RegistryFaults {
  metrics: Set<string>
  calculations: Set<number>
  /** An error outside any one metric or calculation (the file's top level, the list of metrics itself). */
  elsewhere: boolean
}

export function noFaults(): RegistryFaults {
  return { metrics: new Set(), calculations: new Set(), elsewhere: false }
}

/** Note the metric or calculation a path into the registry is in (see SchemaProblem). */
export function addFault(faults: RegistryFaults, path: ReadonlyArray<string | number>): void {
  const [top, key] = path
  if (top === 'metrics' && typeof key === 'string') faults.metrics.add(key)
  else if (top === 'calculations' && typeof key === 'number') faults.calculations.add(key)
  else faults.elsewhere = true
}

/** The metrics and calculations of a registry's data, by id and by index, those with faults left out. */
export interface RegistryEntries {
  metrics: Map<string, Metric>
  calculations: Array<[number, Calculation]>
}

/**
 * The entries of a registry's data without faults, which its schema takes as they are; undefined
 * when a fault is elsewhere, where nothing of the registry can be trusted.
 */
export function entriesWithoutFaults(data: unknown, faults: RegistryFaults): RegistryEntries | undefined {
  if (faults.elsewhere || typeof data !== 'object' || data === null) return undefined
  // The schema takes each entry without a fault: those are metrics and calculations as they are typed.
  const { metrics, calculations } = data as { metrics?: unknown; calculations?: unknown }
  if (typeof metrics !== 'object' || metrics === null) return undefined
  return {
    metrics: new Map(Object.entries(metrics as Record<string, Metric>).filter(([id]) => !faults.metrics.has(id))),
    calculations: [...(Array.isArray(calculations) ? (calculations as Calculation[]) : []).entries()].filter(
      ([index]) => !faults.calculations.has(index)
    )
  }
}

/** The metrics a calculation names. */
export function calculationMetrics(calculation: Calculation): string[] {
  return [calculation.total, ...(Array.isArray(calculation.parts) ? calculation.parts : [])]
}

/**
 * A registry with errors, without the metrics and calculations they are in: each report is still
 * checked against the rest, so that one run says what is wrong with the reports too. A calculation
 * that names a metric left out goes with it. Undefined when an error is elsewhere.
 */
export function partialRegistry(data: unknown, faults: RegistryFaults): Registry | undefined {
  const entries = entriesWithoutFaults(data, faults)
  if (!entries) return undefined
  return {
    metrics: entries.metrics,
    calculations: entries.calculations
      .map(([, calculation]) => calculation)
      .filter((calculation) => calculationMetrics(calculation).every((id) => entries.metrics.has(id))),
    withErrors: faults.metrics
  }
}
