import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { withControlCharacters } from './helpers/adversarial.js'
import { seedBuild } from './helpers/seed-build.js'
import { compileSeriesFixture } from './helpers/series-fixture.js'
import { compileFixture, hasJava, toolsRequired, writeTemporaryDist } from './helpers/tools.js'

const vnu = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar'
)

interface NuMessage {
  type: string
  subType?: string
  url: string
  lastLine?: number
  message: string
}

/** The W3C Nu HTML Checker's messages for some files, run with the machine's Java. */
async function check(files: string[]): Promise<NuMessage[]> {
  // vnu exits non-zero when it finds errors; its report is on stderr either way.
  const output = await promisify(execFile)('java', ['-jar', vnu, '--format', 'json', ...files], {
    maxBuffer: 64 * 1024 * 1024
  }).catch((error: unknown) => ({ stderr: (error as { stderr?: string }).stderr ?? '' }))
  return (JSON.parse(output.stderr) as { messages: NuMessage[] }).messages
}

describe.skipIf(!hasJava && !toolsRequired)('the W3C Nu HTML Checker', () => {
  test('reports no error on any page of the seed, of every Markdown construct, of a hostile or adversarial source, or of a collection', async () => {
    const seed = await writeTemporaryDist(seedBuild().result)
    const hostile = await writeTemporaryDist(compileFixture('hostile'))
    const kitchen = await writeTemporaryDist(compileFixture('kitchen-sink'))
    const tables = await writeTemporaryDist(compileFixture('table'))
    // Facts in links, headings, quotes and lists, dimension values with spaces, ids the page uses itself.
    const adversarial = await writeTemporaryDist(compileFixture('adversarial'))
    // The same with control characters in the title, the issuer, the text and a fact's id.
    const controls = await writeTemporaryDist(withControlCharacters(compileFixture('adversarial')))
    // A title of blanks, which the front matter lets through.
    const blank = await writeTemporaryDist(compileFixture('blank-title'))
    // Two reports read as one collection: series pages with inferred points, a revision and targets.
    const series = await writeTemporaryDist(compileSeriesFixture())
    const files = [
      path.join(seed, 'index.html'),
      path.join(seed, 'xiamen-2025/index.html'),
      path.join(hostile, 'index.html'),
      path.join(hostile, 'hostile/index.html'),
      path.join(kitchen, 'kitchen-sink/index.html'),
      path.join(tables, 'table/index.html'),
      path.join(adversarial, 'index.html'),
      path.join(adversarial, 'adversarial/index.html'),
      path.join(controls, 'index.html'),
      path.join(controls, 'adversarial/index.html'),
      path.join(blank, 'index.html'),
      path.join(blank, 'blank-title/index.html'),
      path.join(series, 'index.html'),
      path.join(series, 'series-2025/index.html'),
      path.join(series, 'series/air.pm25.html'),
      path.join(series, 'series/air.aqi_rank.html'),
      path.join(series, 'series/enforcement.cases.html')
    ]
    const messages = await check(files)
    const errors = messages.filter((message) => message.type === 'error' || message.subType === 'fatal')
    expect(
      errors.map((error) => `${path.basename(path.dirname(error.url))}:${error.lastLine} ${error.message}`)
    ).toEqual([])
    // The seed's pages and the pages of every construct and of tables give no warnings either.
    expect(
      messages.filter((message) => [seed, kitchen, tables, adversarial].some((dist) => message.url.includes(dist)))
    ).toEqual([])
  }, 120_000)
})
