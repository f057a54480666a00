import type { VFile } from 'vfile'
import type { Fact } from '../model/schema-types.js'
import { checkCalculations } from './calculations.js'
import { checkChanges } from './changes.js'
import { checkDuplicates } from './duplicates.js'
import { checkRanges, checkRanks } from './ranges.js'
import type { Registry } from '../model/compiled.js'

/** The registry's rules that look at facts together: ranges, ranks, duplicates, sums, changes. */
export function validateFacts(facts: readonly Fact[], registry: Registry, file: VFile): void {
  checkRanges(facts, registry, file)
  checkRanks(facts, registry, file)
  checkDuplicates(facts, registry, file)
  checkCalculations(facts, registry, file)
  checkChanges(facts, registry, file)
}
