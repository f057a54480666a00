import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { seedBuild } from './helpers/seed-build.js'
import { compileFixture, hasJava, toolsRequired, writeTemporaryDist } from './helpers/tools.js'

const vnu = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar')

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
  test('reports no error on any page of the seed, of every Markdown construct, or of a hostile source', async () => {
    const seed = await writeTemporaryDist(seedBuild().result)
    const hostile = await writeTemporaryDist(compileFixture('hostile'))
    const kitchen = await writeTemporaryDist(compileFixture('kitchen-sink'))
    const files = [
      path.join(seed, 'index.html'),
      path.join(seed, 'xiamen-2025/index.html'),
      path.join(hostile, 'index.html'),
      path.join(hostile, 'hostile/index.html'),
      path.join(kitchen, 'kitchen-sink/index.html')
    ]
    const messages = await check(files)
    const errors = messages.filter((message) => message.type === 'error' || message.subType === 'fatal')
    expect(errors.map((error) => `${path.basename(path.dirname(error.url))}:${error.lastLine} ${error.message}`)).toEqual([])
    // The seed's pages and the page of every construct give no warnings either.
    expect(messages.filter((message) => message.url.includes(seed) || message.url.includes(kitchen))).toEqual([])
  }, 120_000)
})
