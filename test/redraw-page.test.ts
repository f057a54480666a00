import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { readUnit, unitFile } from '../src/build/build-cache.js'
import { runUnitTask, type UnitTask } from '../src/build/unit-task.js'
import { collectionLookup, levelKey, type PublishedLevel } from '../src/emit/html/collection-lookup.js'
import { compileSeriesFixture } from './helpers/series-fixture.js'

// A build draws each page first without the collection, and draws again those whose charts the
// collection answers otherwise. Drawn again from the staged page or rendered anew, the page and
// the unit kept of the report are the same.

const report = fileURLToPath(new URL('fixtures/series/series-2025.md', import.meta.url))
const registry = {
  path: 'metrics.yaml',
  text: readFileSync(new URL('fixtures/metrics.yaml', import.meta.url), 'utf8')
}
const page = 'series-2025/index.html'

/** The levels of the collection the 2025 page asks for, as the build gives them to it. */
function answersOfCollection(): Array<[string, PublishedLevel]> {
  const result = compileSeriesFixture()
  const titles = new Map(result.reports.map((entry) => [entry.frontMatter.slug, entry.frontMatter.title]))
  const lookup = collectionLookup(result.collection, (slug) => titles.get(slug) ?? slug)
  const compiled = result.reports.find((entry) => entry.frontMatter.slug === 'series-2025')
  const asked = (compiled?.bundle.facts ?? []).map((fact) => ({ ...fact, period: fact.basePeriod ?? '' }))
  return asked.flatMap((query): Array<[string, PublishedLevel]> => {
    const answer = lookup.publishedLevel(query)
    return answer ? [[levelKey(query), answer]] : []
  })
}

let work: string
const at = (...parts: string[]) => path.join(work, ...parts)
const task = (place: string, extra: Partial<UnitTask> = {}): UnitTask => ({
  source: { path: 'series/series-2025.md', file: report },
  registry,
  environment: 'test',
  root: at(place, 'site'),
  cacheFolder: at(place, 'cache'),
  ...extra
})

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'factmark-redraw-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

describe('a page drawn again with the levels of the collection', () => {
  const answers = answersOfCollection()

  test('is the page rendered with them, and keeps the unit rendering keeps', () => {
    expect(answers).toHaveLength(2)
    const rendered = runUnitTask(task('rendered', { answers }))
    const { key } = runUnitTask(task('redrawn'))
    const first = readFileSync(at('redrawn', 'site', page), 'utf8')
    // Kept whole, each file of a unit is a new file: the report compiled again would keep its rows anew.
    const rows = () => statSync(unitFile(at('redrawn', 'cache'), key).replace(/\.json$/, '.rows.json')).ino
    const rowsBefore = rows()
    const redrawn = runUnitTask(task('redrawn', { answers, pageOnly: true }))
    expect(rows()).toBe(rowsBefore)
    const again = readFileSync(at('redrawn', 'site', page), 'utf8')
    expect(again).not.toBe(first)
    expect(again).toBe(readFileSync(at('rendered', 'site', page), 'utf8'))
    expect(redrawn.key).toBe(rendered.key)
    expect(redrawn.unit).toEqual(rendered.unit)
    expect(readUnit(unitFile(at('redrawn', 'cache'), redrawn.key))).toEqual(
      readUnit(unitFile(at('rendered', 'cache'), rendered.key))
    )
  })

  test('is rendered anew when the staged page is not the one its unit describes', () => {
    runUnitTask(task('rendered', { answers }))
    const { key } = runUnitTask(task('redrawn'))
    const rows = () => statSync(unitFile(at('redrawn', 'cache'), key).replace(/\.json$/, '.rows.json')).ino
    const rowsBefore = rows()
    appendFileSync(at('redrawn', 'site', page), ' ')
    const redrawn = runUnitTask(task('redrawn', { answers, pageOnly: true }))
    expect(rows()).not.toBe(rowsBefore)
    expect(readFileSync(at('redrawn', 'site', page), 'utf8')).toBe(readFileSync(at('rendered', 'site', page), 'utf8'))
    expect(redrawn.unit.files?.find((file) => file.path === page)?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(readUnit(unitFile(at('redrawn', 'cache'), redrawn.key))?.files).toEqual(
      readUnit(unitFile(at('rendered', 'cache'), redrawn.key))?.files
    )
  })
})
