import { readdirSync, readFileSync } from 'node:fs'
import { compileSources } from '../../src/compile/compile-sources.js'
import type { CompileResult } from '../../src/model/compiled.js'

/**
 * The reports of test/fixtures/series/ compiled together against the fixtures' registry: two
 * years of one city, with a change whose base another report publishes, one whose base no report
 * does, a revision, a target met and one missed, and a metric of seven entities.
 */
export function compileSeriesFixture(): CompileResult {
  const folder = new URL('../fixtures/series/', import.meta.url)
  const reports = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: `series/${name}`, text: readFileSync(new URL(name, folder), 'utf8') }))
  return compileSources({
    reports,
    registry: {
      path: 'metrics.yaml',
      text: readFileSync(new URL('../fixtures/metrics.yaml', import.meta.url), 'utf8')
    },
    checkUnusedMetrics: false
  })
}
