import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.js'
import { verify } from '../src/verify/verify.js'
import { seedBuild } from './helpers/seed-build.js'
import { writeTemporaryDist } from './helpers/tools.js'

let built: string
let cwd: string
let dist: string

beforeAll(async () => {
  built = await writeTemporaryDist(seedBuild().result)
})
afterAll(() => rmSync(path.dirname(built), { recursive: true, force: true }))
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-verify-'))
  dist = path.join(cwd, 'dist')
  cpSync(built, dist, { recursive: true })
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

const run = (...argv: string[]) => runCli(cwd, ...argv)

const file = (name: string) => path.join(dist, name)
const sha256 = (name: string) =>
  createHash('sha256')
    .update(readFileSync(file(name)))
    .digest('hex')
const size = (name: string) => readFileSync(file(name)).length

interface ManifestFile {
  path: string
  bytes: number
  sha256: string
}
const readManifest = () =>
  JSON.parse(readFileSync(file('manifest.json'), 'utf8')) as { files: ManifestFile[] } & Record<string, unknown>
const writeManifest = (manifest: object) =>
  writeFileSync(file('manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
const listed = (name: string) => readManifest().files.find((entry) => entry.path === name) as ManifestFile

/** Change a file and list its new size and hash, as a forger would: only the schema check can catch it. */
function forge(name: string, content: string): void {
  writeFileSync(file(name), content)
  const manifest = readManifest()
  manifest.files = manifest.files.map((entry) =>
    entry.path === name ? { path: name, bytes: size(name), sha256: sha256(name) } : entry
  )
  writeManifest(manifest)
}

/** Flip one bit of a byte in the middle of a file. */
function flipByte(name: string): void {
  const content = readFileSync(file(name))
  const index = Math.floor(content.length / 2)
  content[index] = (content[index] as number) ^ 1
  writeFileSync(file(name), content)
}

describe('factmark verify: a tree as built', () => {
  test('exit 0, every file matches', async () => {
    expect(await run('verify')).toEqual({
      code: 0,
      stdout: '✔ dist/manifest.json and the 231 files it lists: all match\n',
      stderr: ''
    })
    expect(await run('verify', 'dist/')).toEqual({
      code: 0,
      stdout: '✔ dist/manifest.json and the 231 files it lists: all match\n',
      stderr: ''
    })
  })

  test('the library returns the same as data', async () => {
    expect(await verify({ dir: 'dist', cwd })).toEqual({
      status: 'valid',
      dir: 'dist',
      listed: 231,
      matched: 231,
      problems: []
    })
  })

  test('a link to the tree is followed: it is the folder the user named', async () => {
    symlinkSync('dist', path.join(cwd, 'current'))
    expect(await run('verify', 'current')).toEqual({
      code: 0,
      stdout: '✔ current/manifest.json and the 231 files it lists: all match\n',
      stderr: ''
    })
  })
})

describe('factmark verify: files that differ from the manifest', () => {
  test('a changed byte', async () => {
    const expected = listed('xiamen-2025/facts.csv')
    flipByte('xiamen-2025/facts.csv')
    expect(await run('verify')).toEqual({
      code: 1,
      stdout: `dist/xiamen-2025/facts.csv changed: sha256 ${sha256('xiamen-2025/facts.csv')} expected ${expected.sha256}, size ${expected.bytes}\n✖ 1 problem\n`,
      stderr: ''
    })
  })

  test('missing, extra and changed files, in path order', async () => {
    const page = listed('index.html')
    rmSync(file('xiamen-2025/report.md'))
    writeFileSync(file('xiamen-2025/notes.txt'), 'not published\n')
    mkdirSync(file('empty'))
    writeFileSync(file('index.html'), 'replaced')
    expect(await run('verify')).toEqual({
      code: 1,
      stdout: [
        'dist/empty/ extra: not in the manifest',
        `dist/index.html changed: sha256 ${sha256('index.html')} expected ${page.sha256}, size 8 expected ${page.bytes}`,
        'dist/xiamen-2025/notes.txt extra: not in the manifest',
        'dist/xiamen-2025/report.md missing',
        '✖ 4 problems',
        ''
      ].join('\n'),
      stderr: ''
    })
  })

  test('--format json', async () => {
    const expected = listed('xiamen-2025/facts.csv')
    flipByte('xiamen-2025/facts.csv')
    rmSync(file('xiamen-2025/report.md'))
    const { code, stdout, stderr } = await run('verify', '--format', 'json')
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' })
    const actual = { bytes: expected.bytes, sha256: sha256('xiamen-2025/facts.csv') }
    const gone = listed('xiamen-2025/report.md')
    expect(JSON.parse(stdout)).toEqual({
      dir: 'dist',
      status: 'invalid',
      listed: 231,
      matched: 229,
      problemCount: 2,
      problems: [
        {
          kind: 'changed',
          path: 'xiamen-2025/facts.csv',
          actual,
          expected: { bytes: expected.bytes, sha256: expected.sha256 },
          message: `dist/xiamen-2025/facts.csv changed: sha256 ${actual.sha256} expected ${expected.sha256}, size ${expected.bytes}`
        },
        {
          kind: 'missing',
          path: 'xiamen-2025/report.md',
          expected: { bytes: gone.bytes, sha256: gone.sha256 },
          message: 'dist/xiamen-2025/report.md missing'
        }
      ]
    })
  })

  test('--format github: one workflow command per problem', async () => {
    rmSync(file('xiamen-2025/report.md'))
    writeFileSync(file('extra,file:a.txt'), '')
    expect(await run('verify', '--format', 'github')).toEqual({
      code: 1,
      stdout:
        '::error title=factmark verify::dist/extra,file:a.txt extra: not in the manifest\n::error title=factmark verify::dist/xiamen-2025/report.md missing\n',
      stderr: ''
    })
  })
})

describe('factmark verify: JSON that breaks its schema, with the manifest forged to match', () => {
  test('facts.json', async () => {
    const bundle = JSON.parse(readFileSync(file('xiamen-2025/facts.json'), 'utf8')) as {
      facts: Array<Record<string, unknown>>
    }
    const first = bundle.facts[0] as Record<string, unknown>
    first['value'] = String(first['value'])
    forge('xiamen-2025/facts.json', JSON.stringify(bundle))
    expect(await run('verify')).toEqual({
      code: 1,
      stdout: `dist/xiamen-2025/facts.json does not meet bundle.schema.json: facts › item 1 › value must be a number, found "${String(first['value'])}"\n✖ 1 problem\n`,
      stderr: ''
    })
  })

  test('more than three schema errors are counted, not all printed', async () => {
    const bundle = JSON.parse(readFileSync(file('xiamen-2025/facts.json'), 'utf8')) as {
      facts: Array<Record<string, unknown>>
    }
    for (const fact of bundle.facts.slice(0, 5)) delete fact['unit']
    forge('xiamen-2025/facts.json', JSON.stringify(bundle))
    const { code, stdout } = await run('verify')
    expect(code).toBe(1)
    expect(stdout).toBe(
      'dist/xiamen-2025/facts.json does not meet bundle.schema.json: Missing required key "unit" in facts › item 1; Missing required key "unit" in facts › item 2; Missing required key "unit" in facts › item 3; and 2 more\n✖ 1 problem\n'
    )
  })

  test('a page of the catalog that does not meet its schema', async () => {
    const page = JSON.parse(readFileSync(file('catalog/1.json'), 'utf8')) as Record<string, unknown>
    delete page['page']
    forge('catalog/1.json', JSON.stringify(page))
    const { code, stdout } = await run('verify')
    expect(code).toBe(1)
    expect(stdout).toMatch(
      /^dist\/catalog\/1\.json does not meet catalog-page\.schema\.json: Missing required key "page"/
    )
    expect(stdout).toMatch(/\n✖ 1 problem\n$/)
  })

  test('catalog.json that is not JSON', async () => {
    forge('catalog.json', '{"reports": [')
    expect(await run('verify')).toEqual({
      code: 1,
      stdout: 'dist/catalog.json is not valid JSON: Unexpected end of JSON input\n✖ 1 problem\n',
      stderr: ''
    })
  })

  test('manifest.json without its generator: the files are still checked', async () => {
    const { generator: _generator, ...manifest } = readManifest()
    writeManifest(manifest)
    rmSync(file('xiamen-2025/report.md'))
    expect(await run('verify')).toEqual({
      code: 1,
      stdout:
        'dist/manifest.json does not meet manifest.schema.json: Missing required key "generator"\ndist/xiamen-2025/report.md missing\n✖ 2 problems\n',
      stderr: ''
    })
  })

  test('manifest.json that is not JSON: nothing else can be checked', async () => {
    writeFileSync(file('manifest.json'), '')
    expect(await run('verify')).toEqual({
      code: 1,
      stdout: 'dist/manifest.json is not valid JSON: Unexpected end of JSON input\n✖ 1 problem\n',
      stderr: ''
    })
  })

  test.each([
    ['null', 'null'],
    ['[]', 'a list'],
    ['"x"', '"x"']
  ])('manifest.json that is %s: its schema problem, nothing else', async (json, found) => {
    writeFileSync(file('manifest.json'), `${json}\n`)
    expect(await run('verify')).toEqual({
      code: 1,
      stdout:
        `dist/manifest.json does not meet manifest.schema.json: the document must be a mapping, found ${found} ` +
        '(dist/manifest.json: every file of the site but itself, with its size and SHA-256, so that a mirror ' +
        'can check what it serves)\n✖ 1 problem\n',
      stderr: ''
    })
  })

  test('a manifest that names paths outside the tree, or a path twice', async () => {
    writeFileSync(path.join(cwd, 'secret.txt'), 'outside\n')
    const manifest = readManifest()
    const outside = { path: '../secret.txt', bytes: 8, sha256: createHash('sha256').update('outside\n').digest('hex') }
    manifest.files.push(
      outside,
      { ...outside, path: '/etc/hostname' },
      { ...outside, path: 'a/./b' },
      listed('catalog.json')
    )
    writeManifest(manifest)
    expect(await run('verify')).toEqual({
      code: 1,
      stdout: [
        'dist/manifest.json lists "../secret.txt", which is not a path inside the tree',
        'dist/manifest.json lists "/etc/hostname", which is not a path inside the tree',
        'dist/manifest.json lists "a/./b", which is not a path inside the tree',
        'dist/manifest.json lists "catalog.json" twice',
        '✖ 4 problems',
        ''
      ].join('\n'),
      stderr: ''
    })
  })
})

describe('factmark verify: links, FIFOs and hostile names', () => {
  test('a listed file replaced by a link to the same bytes outside the tree, and a linked folder', async () => {
    const outside = path.join(cwd, 'outside')
    mkdirSync(outside)
    cpSync(file('xiamen-2025/facts.csv'), path.join(outside, 'facts.csv'))
    rmSync(file('xiamen-2025/facts.csv'))
    symlinkSync(path.join(outside, 'facts.csv'), file('xiamen-2025/facts.csv'))
    symlinkSync(outside, file('mirror'))
    expect(await run('verify')).toEqual({
      code: 1,
      stdout:
        'dist/mirror extra: a symbolic link, not in the manifest\ndist/xiamen-2025/facts.csv is a symbolic link, not a regular file\n✖ 2 problems\n',
      stderr: ''
    })
  })

  test('a linked manifest.json is not read', async () => {
    cpSync(file('manifest.json'), path.join(cwd, 'manifest.json'))
    rmSync(file('manifest.json'))
    symlinkSync(path.join(cwd, 'manifest.json'), file('manifest.json'))
    expect(await run('verify')).toEqual({
      code: 1,
      stdout: 'dist/manifest.json is a symbolic link, not a regular file\n✖ 1 problem\n',
      stderr: ''
    })
  })

  test.skipIf(process.platform === 'win32')(
    'FIFOs are reported, never opened for reading, so nothing hangs',
    async () => {
      rmSync(file('xiamen-2025/facts.json'))
      execFileSync('mkfifo', [file('xiamen-2025/facts.json'), file('pipe')])
      expect(await run('verify')).toEqual({
        code: 1,
        stdout:
          'dist/pipe extra: a FIFO, not in the manifest\ndist/xiamen-2025/facts.json is a FIFO, not a regular file\n✖ 2 problems\n',
        stderr: ''
      })
    }
  )

  test('a file name with a line break and a workflow command stays on its line', async () => {
    writeFileSync(file('a\n::error::pwned\u001b[2J'), '')
    expect(await run('verify')).toEqual({
      code: 1,
      stdout: 'dist/a\\u{a}::error::pwned\\u{1b}[2J extra: not in the manifest\n✖ 1 problem\n',
      stderr: ''
    })
  })

  test.skipIf(process.getuid?.() === 0)('a file that cannot be read is an I/O error: exit 2', async () => {
    chmodSync(file('xiamen-2025/facts.csv'), 0)
    expect(await run('verify')).toEqual({
      code: 2,
      stdout: 'dist/xiamen-2025/facts.csv cannot be read: permission denied\n✖ 1 problem\n',
      stderr: ''
    })
  })

  test.skipIf(process.getuid?.() === 0)(
    'a folder that cannot be read is named alone, not each file in it',
    async () => {
      chmodSync(file('series'), 0)
      try {
        expect(await run('verify')).toEqual({
          code: 2,
          stdout: 'dist/series/ cannot be read: permission denied\n✖ 1 problem\n',
          stderr: ''
        })
      } finally {
        chmodSync(file('series'), 0o755)
      }
    }
  )
})

describe('factmark verify: nothing to verify is exit 2', () => {
  // prettier-ignore
  test.each([
    [['verify', 'missing'], 'factmark: Cannot verify missing: no such folder\n'],
    [['verify', 'dist/manifest.json'], 'factmark: Cannot verify dist/manifest.json: not a folder\n'],
    [['verify', 'dist/xiamen-2025'], 'factmark: Cannot verify dist/xiamen-2025: it has no manifest.json, so it is not a tree factmark wrote\n'],
    [['verify', 'dist', 'public'], 'factmark: verify checks one folder, not 2\n']
  ])('%j', async (argv, stderr) => {
    expect(await run(...argv)).toEqual({ code: 2, stdout: '', stderr })
  })

  test('--format json says so on stdout too', async () => {
    const { code, stdout } = await run('verify', 'missing', '--format', 'json')
    expect(code).toBe(2)
    expect(JSON.parse(stdout)).toEqual({
      dir: 'missing',
      status: 'unusable',
      listed: 0,
      matched: 0,
      problemCount: 0,
      problems: [],
      message: 'Cannot verify missing: no such folder'
    })
  })
})

describe('docs/building.md', () => {
  test('its example of factmark verify is a real run', async () => {
    const building = readFileSync(new URL('../docs/building.md', import.meta.url), 'utf8')
    const section = building.slice(building.indexOf('## Checking a published tree'))
    const shown = /```console\n\$ factmark verify dist\n([\s\S]*?)```/.exec(section)?.[1]
    // The edits it describes: a value of facts.csv, report.md deleted, a file added.
    const csv = file('xiamen-2025/facts.csv')
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('17.4', '17.5'))
    rmSync(file('xiamen-2025/report.md'))
    writeFileSync(file('xiamen-2025/notes.txt'), 'x')
    expect((await run('verify', 'dist')).stdout).toBe(shown)
  })
})
