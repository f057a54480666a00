import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.js'
import { seedOriginal } from './helpers/seed.js'

const repo = path.resolve(new URL('..', import.meta.url).pathname)
const starter = (name: string) => readFileSync(path.join(repo, 'starter', name), 'utf8')
const fixture = (name: string) => readFileSync(path.join(repo, 'test/fixtures/scaffold', name), 'utf8')
let cwd: string

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-scaffold-'))
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

const run = (...argv: string[]) => runCli(cwd, ...argv)
const read = (file: string) => readFileSync(path.join(cwd, file), 'utf8')
const write = (file: string, content: string | Uint8Array) => {
  mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true })
  writeFileSync(path.join(cwd, file), content)
}
/** Every file of the project and what it holds, so that a refusal can be shown to have written nothing. */
const tree = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(cwd, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((file) => [file, statSync(path.join(cwd, file)).isDirectory() ? '(folder)' : read(file)])
  )

const initOutput = (gitignore: string) =>
  [
    'wrote source/metrics.yaml      a starter registry: 8 metrics, every field shown',
    'wrote source/example-2025.md   a sample report that builds clean; replace it with yours',
    ...(gitignore === '' ? [] : [gitignore]),
    'next:',
    '  npx factmark new <slug> --from report.txt   add a report from its plain text',
    '  npx factmark build                          compile source/ into dist/',
    ''
  ].join('\n')

describe('factmark init', () => {
  test('in an empty folder: the starter registry, the sample report and .gitignore, then the next commands', async () => {
    expect(await run('init')).toEqual({
      code: 0,
      stdout: initOutput(
        'wrote .gitignore               ignores dist/ (the build output) and .factmark-cache/ (a cache kept for CI)'
      ),
      stderr: ''
    })
    expect(read('source/metrics.yaml')).toBe(starter('metrics.yaml'))
    expect(read('source/example-2025.md')).toBe(starter('example-2025.md'))
    expect(read('.gitignore')).toBe('dist/\n.factmark-cache/\n')
    expect(Object.keys(tree())).toEqual(['.gitignore', 'source', 'source/example-2025.md', 'source/metrics.yaml'])
  })

  test('the project it writes checks and builds clean: no warning, no untagged figure', async () => {
    await run('init')
    expect(await run('check')).toEqual({
      code: 0,
      stdout: '✔ no problems\ncoverage: 100.0% of figures annotated (8 tagged, 0 untagged)\n',
      stderr: ''
    })
    const built = await run('build')
    expect({ code: built.code, stdout: built.stdout }).toEqual({ code: 0, stdout: '✔ no problems\n' })
    expect(built.stderr).toMatch(/^factmark: wrote \d+ files to dist\/ \(1 report, 8 facts\)\n$/)
  })

  test('every metric of the starter registry has a definition and is used by the sample', () => {
    const metrics = [...starter('metrics.yaml').matchAll(/^ {2}([a-z_.0-9]+):$/gm)].map((match) => match[1])
    expect(metrics).toHaveLength(8)
    expect(starter('metrics.yaml').match(/^ {4}definition:$/gm)).toHaveLength(8)
    for (const metric of metrics) expect(starter('example-2025.md')).toContain(`metric=${metric}`)
  })

  test('adds dist/ and .factmark-cache/ to a .gitignore that lacks them, after its last line', async () => {
    write('.gitignore', 'node_modules')
    expect((await run('init')).stdout).toBe(
      initOutput(
        'wrote .gitignore               adds dist/ (the build output) and .factmark-cache/ (a cache kept for CI)'
      )
    )
    expect(read('.gitignore')).toBe('node_modules\ndist/\n.factmark-cache/\n')
  })

  test.each(['dist/', '/dist', 'dist'])('adds only .factmark-cache/ to a .gitignore that has %s', async (line) => {
    write('.gitignore', `node_modules/\n${line}\n`)
    expect((await run('init')).stdout).toBe(
      initOutput('wrote .gitignore               adds .factmark-cache/ (a cache kept for CI)')
    )
    expect(read('.gitignore')).toBe(`node_modules/\n${line}\n.factmark-cache/\n`)
  })

  test.each([
    ['dist/', '.factmark-cache/'],
    ['/dist', '/.factmark-cache'],
    ['dist', '.factmark-cache']
  ])('leaves a .gitignore that has %s and %s as it was', async (output, cache) => {
    write('.gitignore', `node_modules/\n${output}\n${cache}\n`)
    expect((await run('init')).stdout).toBe(initOutput('.gitignore already ignores dist/ and .factmark-cache/'))
    expect(read('.gitignore')).toBe(`node_modules/\n${output}\n${cache}\n`)
  })

  test('--src names the folder, and the commands shown name it too', async () => {
    const { code, stdout } = await run('init', '--src', 'reports')
    expect(code).toBe(0)
    expect(stdout).toContain('wrote reports/metrics.yaml ')
    expect(stdout).toContain('  npx factmark build --src reports ')
    expect((await run('check', '--src', 'reports')).code).toBe(0)
  })

  test('refuses, writing nothing, when source/ holds anything', async () => {
    write('source/xiamen-2025.md', '---\n')
    write('source/notes.txt', '')
    expect(await run('init')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'factmark: source/ already holds notes.txt, xiamen-2025.md; init starts a new project and changes nothing in an existing one\n'
    })
    expect(Object.keys(tree())).toEqual(['source', 'source/notes.txt', 'source/xiamen-2025.md'])
  })

  test('refuses when source is a file', async () => {
    write('source', 'not a folder')
    expect(await run('init')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factmark: source exists and is not a folder; init writes nothing over it\n'
    })
    expect(Object.keys(tree())).toEqual(['source'])
  })

  test('an empty source/ is no project yet', async () => {
    mkdirSync(path.join(cwd, 'source'))
    expect((await run('init')).code).toBe(0)
  })

  test('takes no files', async () => {
    expect(await run('init', 'here')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'factmark: init takes no files; it starts a project in the current folder\n'
    })
  })

  test('works as an installed package runs it: bin/factmark.js, the starter read from the package', async () => {
    const factmark = (...argv: string[]) =>
      promisify(execFile)(process.execPath, [path.join(repo, 'bin/factmark.js'), ...argv], { cwd })
    expect((await factmark('init')).stdout).toBe(
      initOutput(
        'wrote .gitignore               ignores dist/ (the build output) and .factmark-cache/ (a cache kept for CI)'
      )
    )
    expect((await factmark('build')).stdout).toBe('✔ no problems\n')
    expect(existsSync(path.join(cwd, 'dist/example-2025/facts.json'))).toBe(true)
  })

  test('the package ships the starter files', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: repo
    })
    const [packed] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>
    const files = (packed?.files ?? []).map((file) => file.path).filter((file) => file.startsWith('starter/'))
    expect(files.sort()).toEqual(['starter/example-2025.md', 'starter/metrics.yaml'])
  })
})

/** GB18030 bytes of a text, from the two-byte table TextDecoder decodes (GBK, which covers the fixture). */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, [number, number]>()
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++)
      if (trail !== 0x7f) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail])
  return Uint8Array.from([...text].flatMap((char) => table.get(char) ?? [char.codePointAt(0) ?? 0]))
}

const newOutput = (file: string, from = 'report.txt') =>
  [
    `wrote ${file}: 7 headings (the title among them) and 7 paragraphs from ${from}`,
    `guessed title: 厦门市生态环境局2022年工作总结 (from the first line of ${from})`,
    'guessed issuer: 厦门市生态环境局 (from the title)',
    'guessed entity: 厦门市 (from the title)',
    'guessed period: 2022 (from the title)',
    'add published: YYYY-MM-DD to the front matter once you know the day it came out: it tells which of two reports that disagree is the later',
    `confirm the front matter of ${file}, then annotate the figures:`,
    'next:',
    `  npx factmark suggest ${file}   the figures and a proposed annotation for each`,
    `  npx factmark check ${file}     what is left to do`,
    ''
  ].join('\n')

describe('factmark new', () => {
  beforeEach(() => mkdirSync(path.join(cwd, 'source')))

  test('--from: the title, the headings of the enumerators and each paragraph, front matter from the title', async () => {
    write('report.txt', fixture('report.txt'))
    expect(await run('new', 'xiamen-2022', '--from', 'report.txt')).toEqual({
      code: 0,
      stdout: newOutput('source/xiamen-2022.md'),
      stderr: ''
    })
    expect(read('source/xiamen-2022.md')).toBe(fixture('report.md'))
  })

  test('--from a text outside the project names it by the path given, not as ../ upon ../', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'factmark-text-'))
    try {
      const text = path.join(elsewhere, 'report.txt')
      writeFileSync(text, fixture('report.txt'))
      expect(await run('new', 'xiamen-2022', '--from', text)).toEqual({
        code: 0,
        stdout: newOutput('source/xiamen-2022.md', text),
        stderr: ''
      })
    } finally {
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })

  test.each<[string, (text: string) => Uint8Array, string]>([
    ['CRLF line ends', (text) => Buffer.from(text.replace(/\n/g, '\r\n')), ''],
    ['GB18030', encodeGb18030, 'GB18030 (GBK)'],
    [
      'UTF-16 with a byte order mark',
      (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'UTF-16 LE (it starts with a byte order mark)'
    ]
  ])('a text saved with %s gives the same report', async (_name, encode, encoding) => {
    write('report.txt', encode(fixture('report.txt')))
    const { code, stdout } = await run('new', 'xiamen-2022', '--from', 'report.txt')
    expect(code).toBe(0)
    const iconv = encoding.startsWith('GB') ? 'GB18030' : 'UTF-16'
    const warning = `report.txt:1:1 warning The file is saved as ${encoding}, not UTF-8, and was read as such: save it as UTF-8 in your editor, or convert it with \`iconv -f ${iconv} -t UTF-8\` [encoding-not-utf8]`
    // The warning, its code frame and fix, the summary, and a blank line before what was written.
    if (encoding === '') expect(stdout).toBe(newOutput('source/xiamen-2022.md'))
    else {
      expect(stdout.startsWith(`${warning}\n`)).toBe(true)
      expect(stdout.endsWith(`\n\n⚠ 0 errors, 1 warning\n\n${newOutput('source/xiamen-2022.md')}`)).toBe(true)
    }
    expect(read('source/xiamen-2022.md')).toBe(fixture('report.md'))
  })

  test('without --from: front matter with a placeholder for each field, which check refuses until filled', async () => {
    expect(await run('new', 'xiamen-2022')).toEqual({
      code: 0,
      stdout: [
        'wrote source/xiamen-2022.md: front matter to fill in',
        'to fill in: title, issuer, entity, period (check fails with front-matter-invalid until they are)',
        'add published: YYYY-MM-DD to the front matter once you know the day it came out: it tells which of two reports that disagree is the later',
        'confirm the front matter of source/xiamen-2022.md, then annotate the figures:',
        'next:',
        '  npx factmark suggest source/xiamen-2022.md   the figures and a proposed annotation for each',
        '  npx factmark check source/xiamen-2022.md     what is left to do',
        ''
      ].join('\n'),
      stderr: ''
    })
    expect(read('source/xiamen-2022.md')).toBe(
      [
        '---',
        'title: "" # fill in: the title as printed',
        'issuer: "" # fill in: the body that published the report, e.g. 厦门市生态环境局',
        'entity: "" # fill in: whom the figures are about, e.g. 厦门市',
        'period: "" # fill in: the year the figures are of, quoted: "2024"',
        'language: zh-CN',
        'slug: xiamen-2022',
        '---',
        ''
      ].join('\n')
    )
    write('source/metrics.yaml', 'metrics: {}\n')
    const checked = await run('check', '--format', 'json')
    expect(checked.code).toBe(1)
    const { diagnostics } = JSON.parse(checked.stdout) as { diagnostics: Array<{ line: number; ruleId: string }> }
    expect(diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual([
      '2 front-matter-invalid',
      '3 front-matter-invalid',
      '4 front-matter-invalid',
      '5 front-matter-invalid'
    ])
  })

  test('a title without a year: the period is asked for, and only it keeps check failing', async () => {
    write('report.txt', '厦门市生态环境局工作总结\n全年工作顺利完成。\n')
    const { stdout } = await run('new', 'xiamen', '--from', 'report.txt')
    expect(stdout).toContain(
      'guessed entity: 厦门市 (from the title)\nto fill in: period (check fails with front-matter-invalid until it is)\n'
    )
    expect(read('source/xiamen.md')).toContain('\nperiod: "" # fill in: the year the figures are of, quoted: "2024"\n')
    write('source/metrics.yaml', 'metrics: {}\n')
    const { code, stdout: checked } = await run('check', '--format', 'json')
    expect(code).toBe(1)
    expect(JSON.parse(checked)).toMatchObject({
      errorCount: 1,
      diagnostics: [
        { line: 5, ruleId: 'front-matter-invalid', message: expect.stringMatching(/^Front matter: period ""/) }
      ]
    })
  })

  test('the seed as published becomes a report that passes check apart from its untagged figures', async () => {
    rmSync(path.join(cwd, 'source'), { recursive: true })
    await run('init')
    write('xiamen-2025.txt', seedOriginal)
    expect((await run('new', 'xiamen-2025', '--from', 'xiamen-2025.txt')).code).toBe(0)
    const { code, stdout } = await run('check', '--format', 'json')
    expect(code).toBe(0)
    const output = JSON.parse(stdout) as { warningCount: number; diagnostics: Array<{ ruleId: string }> }
    expect(new Set(output.diagnostics.map((d) => d.ruleId))).toEqual(new Set(['untagged-figure']))
    expect(output.warningCount).toBe(157)
  })

  // prettier-ignore
  test.each<[string, () => void, string[], string]>([
    ['the file exists', () => write('source/xiamen-2022.md', 'mine\n'), ['xiamen-2022'],
      'factmark: source/xiamen-2022.md already exists; new never overwrites a file: choose another slug, or edit that report\n'],
    ['another report has the slug', () => write('source/2022.md', '---\ntitle: ""\nslug: xiamen-2022\n---\n'), ['xiamen-2022'],
      'factmark: source/2022.md already has slug: xiamen-2022; choose another slug\n'],
    ['the slug is reserved', () => undefined, ['series'],
      'factmark: the slug "series" cannot name a report: the site keeps series/ for the series of each metric across reports\n'],
    ['the slug is a Windows device', () => undefined, ['con'],
      'factmark: the slug "con" cannot name a report: Windows reserves "con" for a device, so no folder can have that name there\n'],
    ['the slug is not one', () => undefined, ['Xiamen_2022'],
      'factmark: "Xiamen_2022" is not a valid slug: write lower-case ASCII letters and digits, in words joined by hyphens (xiamen-2022)\n'],
    ['there is no source folder', () => rmSync(path.join(cwd, 'source'), { recursive: true }), ['xiamen-2022'],
      'factmark: there is no source folder source/: run `npx factmark init` to start a project first\n'],
    ['no slug is given', () => undefined, [],
      "factmark: new takes one slug, the report's name in dist/ (factmark new xiamen-2022)\n"],
    ['two are', () => undefined, ['a', 'b'],
      "factmark: new takes one slug, the report's name in dist/ (factmark new xiamen-2022)\n"],
    ['the plain text is missing', () => undefined, ['xiamen-2022', '--from', 'missing.txt'],
      'factmark: Cannot read missing.txt: no such file or directory\n']
  ])('refuses, exit 2, writing nothing, when %s', async (_name, arrange, argv, stderr) => {
    arrange()
    const before = tree()
    expect(await run('new', ...argv)).toEqual({ code: 2, stdout: '', stderr })
    expect(tree()).toEqual(before)
  })

  test('refuses, exit 1, a plain text that is not text, with its diagnostic', async () => {
    write('report.txt', Uint8Array.from([0x68, 0x69, 0xff, 0x0a]))
    const { code, stdout, stderr } = await run('new', 'xiamen-2022', '--from', 'report.txt')
    expect(code).toBe(1)
    expect(stdout).toMatch(/^report\.txt:1:3 error The file is not valid UTF-8: the byte 0xFF here cannot be read/)
    expect(stderr).toBe("factmark: report.txt cannot be read as a report's text; nothing was written\n")
    expect(existsSync(path.join(cwd, 'source/xiamen-2022.md'))).toBe(false)
  })

  test('--from does not apply to other commands', async () => {
    expect((await run('check', '--from', 'report.txt')).stderr).toMatch(/^factmark: --from does not apply to check\n/)
  })
})
