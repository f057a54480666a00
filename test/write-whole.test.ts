import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, expect, test } from 'vitest'

const repo = path.resolve(new URL('..', import.meta.url).pathname)
let cwd: string
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-write-whole-'))
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

test.each([
  ['a text', "'{}'"],
  ['a text in pieces', "['{', '}']"]
])(
  'a file of the cache that cannot be written (%s, on a full disk) names itself and leaves no part behind',
  async (_name, content) => {
    // No file this process writes may hold a byte: the write fails as on a full disk, on an open file.
    const script = `import { writeWholeSync } from ${JSON.stringify(path.join(repo, 'lib/cache/cache-folder.js'))}
      try { writeWholeSync('unit.json', ${content}) } catch (error) { console.log(error.code, error.path) }`
    const { stdout } = await promisify(execFile)(
      'bash',
      ['-c', `ulimit -f 0 && exec "${process.execPath}" --input-type=module -e "$0"`, script],
      { cwd }
    )
    expect(stdout).toBe('EFBIG unit.json\n')
    expect(readdirSync(cwd)).toEqual([])
  }
)
