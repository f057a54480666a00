import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { compileSources } from '../src/compile.js'
import { seedBuild } from './helpers/seed-build.js'
import { hasJava, toolsRequired, writeTemporaryDist } from './helpers/tools.js'

const vnu = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar')
const read = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')

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
  const output = await promisify(execFile)('java', ['-jar', vnu, '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stderr?: string }) => ({ stderr: error.stderr ?? '' })
  )
  return (JSON.parse(output.stderr) as { messages: NuMessage[] }).messages
}

describe.skipIf(!hasJava && !toolsRequired)('the W3C Nu HTML Checker', () => {
  test('reports no error on any page of the seed or of a hostile source', async () => {
    const seed = await writeTemporaryDist(seedBuild().result)
    const hostile = await writeTemporaryDist(
      compileSources({ reports: [{ path: 'hostile/report.md', text: read('hostile/report.md') }], registry: { path: 'metrics.yaml', text: read('metrics.yaml') }, checkUnusedMetrics: false })
    )
    const files = [path.join(seed, 'index.html'), path.join(seed, 'xiamen-2025/index.html'), path.join(hostile, 'index.html'), path.join(hostile, 'hostile/index.html')]
    const messages = await check(files)
    const errors = messages.filter((message) => message.type === 'error' || message.subType === 'fatal')
    expect(errors.map((error) => `${path.basename(path.dirname(error.url))}:${error.lastLine} ${error.message}`)).toEqual([])
    // The seed's pages give no warnings either.
    expect(messages.filter((message) => message.url.includes(seed))).toEqual([])
  }, 120_000)
})
