import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { compile, FactmarkError, type Diagnostic } from '../src/index.js'
import { readSources } from '../src/load/sources.js'
import { runCli } from './helpers/run-cli.js'
import { problemsOf, writeSeedProject } from './helpers/seed.js'

// What a source folder may hold besides reports: pipes, sockets, devices,
// folders and links named *.md. None may hang the build, and none may carry
// the text of a file outside the folder into a diagnostic. Each case is made
// here in a temporary folder, as git keeps neither pipes nor sockets.
const secret = 'SECRET: a line of a file outside the source folder'
const posix = process.platform !== 'win32'
let cwd: string
let servers: Server[] = []

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-sources-'))
  writeSeedProject(cwd)
  writeFileSync(path.join(cwd, 'private.txt'), `${secret}\n`)
})
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  servers = []
  rmSync(cwd, { recursive: true, force: true })
})

const run = (...argv: string[]) => runCli(cwd, ...argv)

const at = (...parts: string[]) => path.join(cwd, ...parts)
const fifo = (file: string) => execFileSync('mkfifo', [file])
async function socket(file: string): Promise<void> {
  const server = createServer()
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(file, resolve))
}
const skipped = (file: string, reason: string) => `${file}:1:1 warning Skipped: ${reason} [source-skipped]`

describe.skipIf(!posix)('a source folder', () => {
  const cases: Array<[string, () => void | Promise<void>, string]> = [
    [
      'a named pipe',
      () => fifo(at('source/pipe.md')),
      skipped('source/pipe.md', 'it is a named pipe (FIFO), not a file')
    ],
    ['a socket', () => socket(at('source/socket.md')), skipped('source/socket.md', 'it is a socket, not a file')],
    ['a folder', () => mkdirSync(at('source/notes.md')), skipped('source/notes.md', 'it is a folder, not a file')],
    [
      'a link out of the folder',
      () => symlinkSync('../private.txt', at('source/private.md')),
      skipped(
        'source/private.md',
        'it is a symbolic link to ../private.txt, outside its folder, and links out of it are not followed'
      )
    ],
    [
      'a link to a device',
      () => symlinkSync('/dev/zero', at('source/zero.md')),
      skipped(
        'source/zero.md',
        'it is a symbolic link to /dev/zero, outside its folder, and links out of it are not followed'
      )
    ],
    [
      'a link to nothing',
      () => symlinkSync('gone.md', at('source/broken.md')),
      skipped(
        'source/broken.md',
        'it is a symbolic link to gone.md, which cannot be followed (no such file or directory)'
      )
    ],
    [
      'a loop of links',
      () => {
        symlinkSync('b.md', at('source/a.md'))
        symlinkSync('a.md', at('source/b.md'))
      },
      skipped(
        'source/a.md',
        'it is a symbolic link to b.md, which cannot be followed (too many levels of symbolic links)'
      )
    ]
  ]

  test.each(cases)('%s named *.md is skipped with a warning, and the rest is built', async (_name, make, warning) => {
    await make()
    const { code, stdout, stderr } = await run('check')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    // The first problem printed (the seed's notes come before it, in file order).
    expect(stdout.split('\n').find((line) => / (error|warning) /.test(line) && !line.startsWith(' '))).toBe(warning)
    expect(stdout).toContain(
      'coverage of source/xiamen-2025.md: 100.0% of figures annotated (128 tagged, 0 untagged)\n'
    )
    expect(stdout).not.toContain('SECRET')
    // Its facts are missing, so no metric can be called unused.
    expect(stdout).not.toContain('[metric-unused]')
  })

  test('a link that stays inside the folder is read', async () => {
    mkdirSync(at('source/drafts'))
    writeFileSync(
      at('source/drafts/note.md'),
      '---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: note\n---\n\n正文。\n'
    )
    symlinkSync('drafts/note.md', at('source/note.md'))
    const sources = await readSources({ src: 'source', cwd })
    expect(sources.ok && sources.value.reports.map((report) => report.path)).toEqual([
      'source/note.md',
      'source/xiamen-2025.md'
    ])
    expect(sources.ok && sources.value.skipped).toEqual([])
  })

  test('a build goes on without the skipped path, and its JSON output carries the warning', async () => {
    fifo(at('source/pipe.md'))
    const { code, stdout } = await run('build', '--format', 'json')
    expect(code).toBe(0)
    expect(problemsOf((JSON.parse(stdout) as { diagnostics: Diagnostic[] }).diagnostics)).toEqual([
      expect.objectContaining({
        file: 'source/pipe.md',
        line: 1,
        column: 1,
        severity: 'warning',
        ruleId: 'source-skipped',
        message: 'Skipped: it is a named pipe (FIFO), not a file'
      })
    ])
  })

  test('when no report can be read, nothing is built', async () => {
    rmSync(at('source/xiamen-2025.md'))
    fifo(at('source/pipe.md'))
    expect(await run('build')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'factmark: No report could be read: source/pipe.md: it is a named pipe (FIFO), not a file; nothing was written to dist/\n'
    })
  })

  test('when no report of many can be read, the message names the first three and counts the rest', async () => {
    rmSync(at('source/xiamen-2025.md'))
    for (const name of ['a', 'b', 'c', 'd', 'e']) fifo(at(`source/${name}.md`))
    const pipe = (name: string) => `source/${name}.md: it is a named pipe (FIFO), not a file`
    expect(await run('build')).toEqual({
      code: 2,
      stdout: '',
      stderr: `factmark: No report could be read: ${pipe('a')}; ${pipe('b')}; ${pipe('c')}; and 2 more files skipped; nothing was written to dist/\n`
    })
  })
})

describe.skipIf(!posix)('reports in folders inside the source folder', () => {
  const nested = (file: string) =>
    `${file}:1:1 warning Not read: it is in a folder inside source, and only the reports that stand in source itself are compiled [source-nested]`
  const report = (slug: string) =>
    `---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "2024"\nlanguage: zh-CN\nslug: ${slug}\n---\n\n办理:fact[92件]{metric=enforcement.cases}。\n`
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(at(file)), { recursive: true })
    writeFileSync(at(file), text)
  }
  const problemLines = (stdout: string) =>
    stdout.split('\n').filter((line) => / (error|warning) /.test(line) && !line.startsWith(' '))

  test('each is named with a warning, in path order, and the rest is built without it', async () => {
    put('source/2024/b.md', report('b'))
    put('source/2024/a.md', report('a'))
    put('source/2023/deeper/c.md', report('c'))
    put('source/2024/notes.txt', 'not a report')
    // Not looked into: others' folders, a folder named *.md (named itself), a link to a folder.
    put('source/.git/d.md', report('d'))
    put('source/node_modules/pkg/README.md', report('e'))
    put('source/notes.md/f.md', report('f'))
    put('outside/g.md', report('g'))
    symlinkSync('../outside', at('source/linked'))
    const { code, stdout, stderr } = await run('build')
    expect(code).toBe(0)
    expect(problemLines(stdout)).toEqual([
      nested('source/2023/deeper/c.md'),
      nested('source/2024/a.md'),
      nested('source/2024/b.md'),
      skipped('source/notes.md', 'it is a folder, not a file')
    ])
    expect(stderr).toBe('factmark: wrote 232 files to dist/ (1 report, 128 facts)\n')
    expect(readdirSync(at('dist')).filter((name) => /^(a|b|c|d|e|f|g)$/.test(name))).toEqual([])
  })

  test('the report a link in the folder leads to is read through it, and the others are named', async () => {
    put('source/drafts/linked.md', report('linked'))
    put('source/drafts/other.md', report('other'))
    symlinkSync('drafts/linked.md', at('source/linked.md'))
    const sources = await readSources({ src: 'source', cwd })
    expect(sources.ok && sources.value.reports.map((entry) => entry.path)).toEqual([
      'source/linked.md',
      'source/xiamen-2025.md'
    ])
    expect(sources.ok && sources.value.skipped).toEqual([
      {
        path: 'source/drafts/other.md',
        reason: 'it is in a folder inside source, and only the reports that stand in source itself are compiled',
        nested: true
      }
    ])
  })

  test('unused metrics are still reported, and the report left out has no coverage', async () => {
    put('source/2024/a.md', report('a'))
    const registry = readFileSync(at('source/metrics.yaml'), 'utf8')
    writeFileSync(
      at('source/metrics.yaml'),
      registry.replace(
        /^metrics:\n/m,
        'metrics:\n  test.unused:\n    label: { zh: 未用, en: Unused }\n    definition: { zh: 无人使用的指标。, en: A metric no report uses. }\n    kind: count\n    unit: "1"\n    better: neutral\n'
      )
    )
    const { code, stdout } = await run('check', '--format', 'json')
    const result = JSON.parse(stdout) as { diagnostics: Diagnostic[]; coverage: { reports: Array<{ path: string }> } }
    expect(code).toBe(0)
    expect(problemsOf(result.diagnostics).map((d) => `${d.file} ${d.ruleId}`)).toEqual([
      'source/2024/a.md source-nested',
      'source/metrics.yaml metric-unused'
    ])
    expect(result.coverage.reports.map((entry) => entry.path)).toEqual(['source/xiamen-2025.md'])
  })

  test('a build after one is added or removed says so, as a cold build would', async () => {
    expect((await run('build')).stdout).not.toContain('[source-nested]')
    put('source/2024/a.md', report('a'))
    expect(problemLines((await run('build')).stdout)).toEqual([nested('source/2024/a.md')])
    rmSync(at('source/2024'), { recursive: true })
    expect((await run('build')).stdout).not.toContain('[source-nested]')
  })

  test('when the folder itself holds no report, nothing is built, and the message names them', async () => {
    rmSync(at('source/xiamen-2025.md'))
    for (const name of ['a', 'b', 'c', 'd']) put(`source/2024/${name}.md`, report(name))
    expect(await run('build')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'factmark: No reports (*.md) in source; those in folders inside it are not read (source/2024/a.md, source/2024/b.md, source/2024/c.md and 1 more): move the reports to publish into source itself; nothing was written to dist/\n'
    })
  })
})

describe.skipIf(!posix)('report files named on the command line get the same checks', () => {
  test('a pipe is skipped, not opened', async () => {
    fifo(at('pipe.md'))
    const { code, stdout } = await run('check', 'pipe.md', 'source/xiamen-2025.md')
    expect(code).toBe(0)
    expect(stdout.split('\n')[0]).toBe(skipped('pipe.md', 'it is a named pipe (FIFO), not a file'))
  })

  test('a link out of its folder is not followed', async () => {
    mkdirSync(at('drafts'))
    symlinkSync('../private.txt', at('drafts/private.md'))
    const { stdout } = await run('check', 'drafts/private.md', 'source/xiamen-2025.md')
    expect(stdout.split('\n')[0]).toBe(
      skipped(
        'drafts/private.md',
        'it is a symbolic link to ../private.txt, outside its folder, and links out of it are not followed'
      )
    )
    expect(stdout).not.toContain('SECRET')
  })

  test('a file named twice is read once, as if named once', async () => {
    const once = await run('check', 'source/xiamen-2025.md')
    expect(once.code).toBe(0)
    expect(await run('check', 'source/xiamen-2025.md', './source/xiamen-2025.md', at('source/xiamen-2025.md'))).toEqual(
      once
    )
  })

  test('a device', async () => {
    expect(await run('check', '/dev/null')).toEqual({
      code: 2,
      stdout: '',
      stderr: `factmark: No report could be read: ${path.relative(cwd, '/dev/null')}: it is a character device, not a file\n`
    })
  })

  test('a file that does not exist', async () => {
    expect(await run('check', 'nope.md')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factmark: Cannot read nope.md: no such file or directory\n'
    })
  })
})

describe.skipIf(!posix)('the registry and the source folder: a message that names them, and nothing read', () => {
  const cases: Array<[string, () => void, string]> = [
    [
      'the registry is missing',
      () => rmSync(at('source/metrics.yaml')),
      'Cannot read source/metrics.yaml: no such file or directory'
    ],
    [
      'the registry is a pipe',
      () => (rmSync(at('source/metrics.yaml')), fifo(at('source/metrics.yaml'))),
      'Cannot read source/metrics.yaml: it is a named pipe (FIFO), not a file'
    ],
    [
      'the registry is a folder',
      () => {
        rmSync(at('source/metrics.yaml'))
        mkdirSync(at('source/metrics.yaml'))
      },
      'Cannot read source/metrics.yaml: it is a folder, not a file'
    ],
    [
      'the registry links out of the folder',
      () => {
        rmSync(at('source/metrics.yaml'))
        symlinkSync('../private.txt', at('source/metrics.yaml'))
      },
      'Cannot read source/metrics.yaml: it is a symbolic link to ../private.txt, outside its folder, and links out of it are not followed'
    ],
    [
      'the source folder is missing',
      () => rmSync(at('source'), { recursive: true }),
      'Cannot read the source folder source: no such file or directory; run `npx factmark init` to start a project here'
    ],
    [
      'the source folder is a file',
      () => {
        rmSync(at('source'), { recursive: true })
        writeFileSync(at('source'), 'x')
      },
      'Cannot read the source folder source: not a folder'
    ],
    ['the source folder has no report', () => rmSync(at('source/xiamen-2025.md')), 'No reports (*.md) in source']
  ]
  test.each(cases)('%s', async (_name, make, message) => {
    make()
    expect(await run('check')).toEqual({ code: 2, stdout: '', stderr: `factmark: ${message}\n` })
  })

  test('the library throws a FactmarkError with the code and the path', async () => {
    rmSync(at('source/metrics.yaml'))
    const error = await compile({ cwd }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(FactmarkError)
    expect(error).toMatchObject({
      code: 'FACTMARK_SOURCES',
      message: 'Cannot read source/metrics.yaml: no such file or directory',
      place: { path: 'source/metrics.yaml' }
    })
  })
})

test('a file four times the size limit is refused before it is read, and the other reports are checked', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'factmark-huge-'))
  try {
    mkdirSync(path.join(folder, 'source'))
    copyFileSync(new URL('fixtures/metrics.yaml', import.meta.url), path.join(folder, 'source/metrics.yaml'))
    writeFileSync(path.join(folder, 'source/huge.md'), '')
    // A sparse file: its size is what counts, and it takes no room on disk.
    truncateSync(path.join(folder, 'source/huge.md'), 40 * 1024 * 1024)
    writeFileSync(
      path.join(folder, 'source/small.md'),
      '---\ntitle: 小\nissuer: 局\nentity: 市\nperiod: "2025"\nlanguage: zh-CN\nslug: small\n---\n\n办理:fact[92件]{metric=enforcement.cases}。\n'
    )
    const { code, stdout } = await runCli(folder, 'check', '--format', 'json')
    const report = JSON.parse(stdout) as {
      diagnostics: Array<{ file: string; line: number; ruleId: string; message: string }>
    }
    expect(code).toBe(1)
    expect(
      report.diagnostics
        .filter((d) => d.ruleId !== 'metric-unused')
        .map((d) => `${d.file}:${d.line} ${d.ruleId} ${d.message}`)
    ).toEqual([
      'source/huge.md:1 input-limit The report is 40 MB; factmark reads reports of at most 8 MB (of UTF-8 text, front matter included): split it into several reports'
    ])
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})

test('a file too large to read is quoted as the compiler read it, by a check of many reports and by a build', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'factmark-huge-'))
  try {
    mkdirSync(path.join(folder, 'source'))
    mkdirSync(path.join(folder, 'node_modules'))
    copyFileSync(new URL('fixtures/metrics.yaml', import.meta.url), path.join(folder, 'source/metrics.yaml'))
    writeFileSync(path.join(folder, 'source/huge.md'), '')
    truncateSync(path.join(folder, 'source/huge.md'), 40 * 1024 * 1024)
    // Eight reports or more are checked report by report, their texts read again to quote them.
    for (let at = 1; at <= 8; at++)
      writeFileSync(
        path.join(folder, `source/small-${at}.md`),
        `---\ntitle: 小${at}\nissuer: 局\nentity: 市\nperiod: "2025"\nlanguage: zh-CN\nslug: small-${at}\n---\n\n办理:fact[92件]{metric=enforcement.cases}。\n`
      )
    const quoted = [
      'source/huge.md:1:1 error The report is 40 MB; factmark reads reports of at most 8 MB (of UTF-8 text, front matter included): split it into several reports [input-limit]',
      '  1 | ',
      '    | ^'
    ].join('\n')
    const check = await runCli(folder, 'check')
    expect(check.stdout).toContain(quoted)
    expect(check).toEqual(await runCli(folder, 'check', '--no-cache'))
    const build = await runCli(folder, 'build')
    expect(build.code).toBe(1)
    expect(build.stdout).toContain(quoted)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})

test('reports lent to `keep` one after another through one buffer each give their own bytes, whatever their sizes', async () => {
  // 200 KB, then 3 bytes, then 100 KB: the buffer grows past its first size, and a smaller file
  // after a larger one is not given the larger one's tail.
  const texts = ['甲'.repeat(70_000), 'abc', 'x'.repeat(100_000)]
  const folder = mkdtempSync(path.join(tmpdir(), 'factmark-lent-'))
  try {
    mkdirSync(path.join(folder, 'source'))
    copyFileSync(new URL('fixtures/metrics.yaml', import.meta.url), path.join(folder, 'source/metrics.yaml'))
    texts.forEach((text, index) => writeFileSync(path.join(folder, `source/r${index}.md`), text))
    const seen: Array<[string, number, string]> = []
    const sources = await readSources({
      src: 'source',
      cwd: folder,
      lend: true,
      keep: (source) => {
        const bytes = source.text as Uint8Array
        seen.push([source.path, bytes.byteLength, Buffer.from(bytes).toString('utf8').slice(-3)])
        return { path: source.path, text: '' }
      }
    })
    expect(sources.ok).toBe(true)
    expect(seen).toEqual([
      ['source/r0.md', 210_000, '甲甲甲'],
      ['source/r1.md', 3, 'abc'],
      ['source/r2.md', 100_000, 'xxx']
    ])
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})
