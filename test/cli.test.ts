import { execFile, spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.js'
import { writeCorpus } from '../bench/corpus.mjs'
import { validators } from '../src/model/schemas.js'
import { seedNotes, seedReport, writeSeedProject } from './helpers/seed.js'

const repo = path.resolve(new URL('..', import.meta.url).pathname)
// The line of the report's overview paragraph, where the figures these tests break stand.
const overviewLine = seedReport.text.slice(0, seedReport.text.indexOf('生态环境质量稳定向好')).split('\n').length
let cwd: string

beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-cli-'))
  writeSeedProject(cwd)
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

const run = (...argv: string[]) => runCli(cwd, ...argv)

function breakSource(from: string, to: string): void {
  const file = path.join(cwd, 'source/xiamen-2025.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to))
}

describe('factmark build', () => {
  test('writes dist/xiamen-2025/facts.json, valid against the bundle schema', async () => {
    const { code, stderr } = await run('build')
    expect(code).toBe(0)
    expect(stderr).toMatch(/wrote \d+ files to dist\/ \(1 report, 128 facts\)/)
    const bundle: unknown = JSON.parse(readFileSync(path.join(cwd, 'dist/xiamen-2025/facts.json'), 'utf8'))
    expect(validators().bundle(bundle)).toBe(true)
  })

  test('names the cache, not the output folder, when the cache cannot be written', async () => {
    const cache = path.join(cwd, 'node_modules/.cache/factmark')
    mkdirSync(cache, { recursive: true })
    writeFileSync(path.join(cache, 'units'), 'not a folder\n')
    const { code, stderr } = await run('build')
    expect(code).toBe(2)
    expect(stderr).toMatch(
      /^factmark: Cannot write the cache folder node_modules\/\.cache\/factmark\/: ENOTDIR: not a directory, mkdir '[^']*\/units\/[0-9a-f]{2}'; nothing was written to dist\/\n$/
    )
  })

  const unmade: Array<[string, string[], string]> = [
    ['build below a file', ['build', '--cache-dir', 'notes.txt/cache'], 'notes.txt is a file'],
    ['check below a file', ['check', '--cache-dir', 'notes.txt/cache'], 'notes.txt is a file']
  ]
  // The kernel refuses a new folder there with ENOENT, where Node's recursive mkdir tries again for ever.
  if (process.platform === 'linux')
    unmade.push(['build in /proc', ['build', '--cache-dir', '/proc/factmark'], 'no such file or directory'])
  test.each(unmade)(
    'a cache folder that cannot be made is named before anything is done (%s)',
    async (_name, argv, why) => {
      writeFileSync(path.join(cwd, 'notes.txt'), 'mine\n')
      const named = argv[argv.length - 1] ?? ''
      // Named from the project when it is there, else in full.
      const absolute = path.resolve(cwd, named)
      const shown = absolute.startsWith(`${cwd}${path.sep}`) ? path.relative(cwd, absolute) : absolute
      expect(await run(...argv)).toEqual({
        code: 2,
        stdout: '',
        stderr: `factmark: Cannot keep the cache in ${shown}/: ${why}; name a folder factmark may write with --cache-dir or FACTMARK_CACHE_DIR\n`
      })
      expect(readdirSync(cwd).sort()).toEqual(['notes.txt', 'source'])
    }
  )

  test('FACTMARK_CACHE_DIR is checked as --cache-dir is', async () => {
    writeFileSync(path.join(cwd, 'notes.txt'), 'mine\n')
    process.env['FACTMARK_CACHE_DIR'] = 'notes.txt/cache'
    try {
      expect((await run('check')).stderr).toBe(
        'factmark: Cannot keep the cache in notes.txt/cache/: notes.txt is a file; name a folder factmark may write with --cache-dir or FACTMARK_CACHE_DIR\n'
      )
    } finally {
      delete process.env['FACTMARK_CACHE_DIR']
    }
  })

  test('a blank FACTMARK_CACHE_DIR is taken as unset, not as a folder named " "', async () => {
    process.env['FACTMARK_CACHE_DIR'] = ' '
    try {
      expect((await run('check')).code).toBe(0)
      expect(readdirSync(cwd)).toEqual(['source'])
    } finally {
      delete process.env['FACTMARK_CACHE_DIR']
    }
  })

  describe('a project whose node_modules cannot hold the cache', () => {
    let userCache = ''
    let before: string | undefined
    beforeEach(() => {
      mkdirSync(path.join(cwd, 'node_modules'))
      writeFileSync(path.join(cwd, 'node_modules/.cache'), 'mine\n')
      before = process.env['XDG_CACHE_HOME']
      userCache = path.join(cwd, 'home-cache')
      process.env['XDG_CACHE_HOME'] = userCache
    })
    afterEach(() => {
      if (before === undefined) delete process.env['XDG_CACHE_HOME']
      else process.env['XDG_CACHE_HOME'] = before
    })

    test('keeps it in the user cache folder, and builds from it again', async () => {
      const first = await run('build')
      expect(first.code).toBe(0)
      expect(readdirSync(path.join(userCache, 'factmark'))).toContain('units')
      expect(readFileSync(path.join(cwd, 'node_modules/.cache'), 'utf8')).toBe('mine\n')
      const again = await run('build')
      expect(again.code).toBe(0)
      expect(again.stderr).toMatch(/^factmark: dist\/ is up to date \(/m)
      expect((await run('check')).code).toBe(0)
    })

    test('names both folders when neither can hold it', async () => {
      writeFileSync(path.join(cwd, 'notes.txt'), 'mine\n')
      process.env['XDG_CACHE_HOME'] = path.join(cwd, 'notes.txt')
      expect(await run('build')).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'factmark: Cannot keep the cache in node_modules/.cache/factmark/: node_modules/.cache is a file, nor in notes.txt/factmark/: notes.txt is a file; name a folder factmark may write with --cache-dir or FACTMARK_CACHE_DIR\n'
      })
      expect(readdirSync(cwd).sort()).toEqual(['node_modules', 'notes.txt', 'source'])
    })

    test('does not stand in for a folder the user named', async () => {
      expect((await run('check', '--cache-dir', 'node_modules/.cache/mine')).stderr).toBe(
        'factmark: Cannot keep the cache in node_modules/.cache/mine/: node_modules/.cache is a file; name a folder factmark may write with --cache-dir or FACTMARK_CACHE_DIR\n'
      )
      expect(existsSync(userCache)).toBe(false)
    })
  })

  test('writes the site, and says so, when the cache cannot keep the record of the build', async () => {
    const cache = path.join(cwd, 'node_modules/.cache/factmark')
    mkdirSync(cache, { recursive: true })
    writeFileSync(path.join(cache, 'builds'), 'not a folder\n')
    const unrecorded = `factmark: the cache could not keep the record of this build (EEXIST: file already exists, mkdir '${cache}/builds'); the next build checks dist/ against the sources again\n`
    for (let build = 1; build <= 2; build++) {
      const { code, stderr } = await run('build')
      expect(code).toBe(0)
      expect(stderr).toMatch(/^factmark: wrote \d+ files to dist\/ \(1 report, 128 facts\)\n/)
      expect(stderr.endsWith(unrecorded)).toBe(true)
    }
    expect((await run('verify')).code).toBe(0)
  })

  test('counts one fact as one', async () => {
    rmSync(path.join(cwd, 'source/xiamen-2025.md'))
    const report = readFileSync('test/fixtures/blank-title/report.md', 'utf8').replace(
      /^(title|issuer): .*$/gm,
      '$1: 测试'
    )
    writeFileSync(path.join(cwd, 'source/one.md'), report)
    const { code, stderr } = await run('build')
    expect(code).toBe(0)
    expect(stderr).toMatch(/^factmark: wrote \d+ files to dist\/ \(1 report, 1 fact\)\n$/)
  })

  test('with files, publishes those reports alone and says which of the folder are left out', async () => {
    const copy = readFileSync(path.join(cwd, 'source/xiamen-2025.md'), 'utf8').replace(/^slug: .*$/m, 'slug: copy')
    writeFileSync(path.join(cwd, 'source/copy.md'), copy)
    const { code, stderr } = await run('build', 'source/xiamen-2025.md')
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /^factmark: wrote \d+ files to dist\/ \(1 report, 128 facts\)\nfactmark: dist\/ now holds the named report alone; the 1 other report of source\/ is not published \(build without files publishes them all\)\n$/
    )
    expect(existsSync(path.join(cwd, 'dist/copy'))).toBe(false)
    // Naming every report of the folder publishes them all, and says nothing more.
    expect((await run('build', 'source/copy.md', 'source/xiamen-2025.md')).stderr).toMatch(
      /^factmark: wrote \d+ files to dist\/ \(2 reports, 256 facts\)\n$/
    )
  })

  test('says which report folders it took down: a report deleted, or given another slug', async () => {
    const seed = readFileSync(path.join(cwd, 'source/xiamen-2025.md'), 'utf8')
    for (const slug of ['copy-a', 'copy-b'])
      writeFileSync(path.join(cwd, `source/${slug}.md`), seed.replace(/^slug: .*$/m, `slug: ${slug}`))
    expect((await run('build')).stderr).toMatch(/^factmark: wrote \d+ files to dist\/ \(3 reports, 384 facts\)\n$/)
    rmSync(path.join(cwd, 'source/copy-a.md'))
    const deleted = await run('build')
    expect(deleted.stderr).toMatch(
      /^factmark: wrote \d+ files to dist\/ \(2 reports, 256 facts\)\nfactmark: dist\/copy-a\/ was taken down: the site no longer publishes a report with the slug copy-a\n$/
    )
    expect(existsSync(path.join(cwd, 'dist/copy-a'))).toBe(false)
    writeFileSync(path.join(cwd, 'source/copy-b.md'), seed.replace(/^slug: .*$/m, 'slug: copy-c'))
    rmSync(path.join(cwd, 'source/xiamen-2025.md'))
    expect((await run('build')).stderr.split('\n').slice(1)).toEqual([
      'factmark: 2 report folders were taken down, as the site no longer publishes reports with their slugs: dist/copy-b/, dist/xiamen-2025/',
      ''
    ])
    // Without the cache's record of the last build, the manifest of dist/ tells what it held.
    writeFileSync(path.join(cwd, 'source/copy-b.md'), seed.replace(/^slug: .*$/m, 'slug: copy-d'))
    expect((await run('build', '--no-cache')).stderr.split('\n').slice(1)).toEqual([
      'factmark: dist/copy-c/ was taken down: the site no longer publishes a report with the slug copy-c',
      ''
    ])
    // Nothing changed: nothing taken down.
    expect((await run('build')).stderr).toMatch(/^factmark: dist\/ is up to date .*\n$/)
  })

  test('says which published files it wrote anew, modified since the last build wrote them', async () => {
    expect((await run('build')).code).toBe(0)
    const csv = path.join(cwd, 'dist/xiamen-2025/facts.csv')
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}hand,edit\n`)
    const { code, stderr } = await run('build')
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /^factmark: wrote \d+ files to dist\/ \(1 report, 128 facts\)\nfactmark: dist\/xiamen-2025\/facts\.csv was modified since the last build wrote it, and was written anew\n$/
    )
    expect(readFileSync(csv, 'utf8')).not.toContain('hand,edit')
    writeFileSync(path.join(cwd, 'dist/catalog.json'), '{}')
    writeFileSync(path.join(cwd, 'dist/index.html'), '')
    expect((await run('build')).stderr.split('\n').slice(1)).toEqual([
      'factmark: 2 files were modified since the last build wrote them, and were written anew: dist/catalog.json, dist/index.html',
      ''
    ])
    expect((await run('build')).stderr).toMatch(/^factmark: dist\/ is up to date .*\n$/)
    // The report's source changed too: its files are written anew all the same, and the edits lost.
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}hand,edit\n`)
    writeFileSync(path.join(cwd, 'dist/xiamen-2025/report.md'), 'mine\n')
    breakSource('。\n', '。新增一句。\n')
    expect((await run('build')).stderr.split('\n').slice(1)).toEqual([
      'factmark: 2 files were modified since the last build wrote them, and were written anew: dist/xiamen-2025/facts.csv, dist/xiamen-2025/report.md',
      ''
    ])
  })

  test('fails with exit 1 on a bad annotation and leaves the previous dist/ as it was', async () => {
    expect((await run('build')).code).toBe(0)
    const before = readFileSync(path.join(cwd, 'dist/xiamen-2025/facts.json'), 'utf8')
    breakSource('metric=air.pm25 unit', 'metric=air.pm2.5 unit')
    const { code, stdout, stderr } = await run('build')
    expect(code).toBe(1)
    expect(stdout).toMatch(/source\/xiamen-2025\.md:\d+:\d+ error Unknown metric/)
    expect(stdout).toContain('error Unknown metric "air.pm2.5", did you mean "air.pm25"? [unknown-metric]')
    expect(stderr).toBe('factmark: build failed: the sources have 1 error; dist/ was left as it was\n')
    expect(readFileSync(path.join(cwd, 'dist/xiamen-2025/facts.json'), 'utf8')).toBe(before)
  })

  test('--no-cache builds again what a build with nothing changed would leave as it is', async () => {
    expect((await run('build')).code).toBe(0)
    expect((await run('build')).stderr).toMatch(/^factmark: dist\/ is up to date \(\d+ files, 1 report, 128 facts\)/m)
    const { code, stderr } = await run('build', '--no-cache')
    expect(code).toBe(0)
    expect(stderr).toMatch(/^factmark: wrote \d+ files to dist\/ \(1 report, 128 facts\)\n$/)
  })

  test('--timings says where the time went: the steps of a build, then of one with nothing changed', async () => {
    /** The steps of the table, each with its wall and CPU time in seconds. */
    const stepsOf = (stderr: string) => {
      const table = stderr.slice(stderr.indexOf('factmark: where the time went\n'))
      const lines = table.split('\n').slice(1, -1)
      expect(lines[0]).toMatch(/^ {2}step +wall +CPU$/)
      return lines.slice(1).map((line) => /^ {2}(.+?) +\d+\.\d\d s +\d+\.\d\d s$/.exec(line)?.[1])
    }
    const cold = await run('build', '--timings')
    expect(cold.code).toBe(0)
    expect(cold.stderr).toMatch(
      /^factmark: wrote \d+ files to dist\/ \(1 report, 128 facts\)\nfactmark: where the time went\n/
    )
    expect(stepsOf(cold.stderr)).toEqual([
      'check the output folder',
      'read the sources',
      'compile 1 report',
      'rules across reports',
      'catalog and series',
      'tables of every fact',
      'manifest',
      'publish',
      'total'
    ])
    expect(stepsOf((await run('build', '--timings')).stderr)).toEqual([
      'check the output folder',
      'read the sources',
      'compare with the last build',
      'total'
    ])
    // A build prints no table unless asked.
    expect((await run('build')).stderr).not.toContain('where the time went')
  })

  test('--jobs says how many threads compile the reports, and FACTMARK_JOBS does for every command', async () => {
    writeCorpus(path.join(cwd, 'corpus'), 3)
    /** The compile step of the --timings table. */
    const compileStep = (stderr: string) => /^ {2}(compile .+?) +\d+\.\d\d s/m.exec(stderr)?.[1]
    const jobs2 = await run('build', '--src', 'corpus', '--out', 'out2', '--no-cache', '--jobs', '2', '--timings')
    expect(jobs2.code).toBe(0)
    // Three reports compile in the build's own thread unless more are asked for.
    expect(compileStep(jobs2.stderr)).toBe('compile 3 reports on 2 threads')
    const alone = await run('build', '--src', 'corpus', '--out', 'out1', '--no-cache', '--timings')
    expect(compileStep(alone.stderr)).toBe('compile 3 reports')
    // The same bytes either way.
    const files = (folder: string) =>
      readdirSync(path.join(cwd, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.json') || file.endsWith('.html') || file.endsWith('.csv'))
        .sort()
    expect(files('out2')).toEqual(files('out1'))
    for (const file of files('out1'))
      expect(readFileSync(path.join(cwd, 'out2', file), 'utf8'), file).toBe(
        readFileSync(path.join(cwd, 'out1', file), 'utf8')
      )
    process.env['FACTMARK_JOBS'] = '2'
    try {
      const fromEnvironment = await run('build', '--src', 'corpus', '--out', 'out3', '--no-cache', '--timings')
      expect(compileStep(fromEnvironment.stderr)).toBe('compile 3 reports on 2 threads')
      // --jobs wins over the environment.
      const named = await run('build', '--src', 'corpus', '--out', 'out4', '--no-cache', '--jobs', '1', '--timings')
      expect(compileStep(named.stderr)).toBe('compile 3 reports')
      // One thread for 8 reports or more is a worker thread, named as the others are.
      writeCorpus(path.join(cwd, 'corpus8'), 8)
      const eight = await run('build', '--src', 'corpus8', '--out', 'out5', '--no-cache', '--jobs', '1', '--timings')
      expect(compileStep(eight.stderr)).toBe('compile 8 reports on 1 thread')
      process.env['FACTMARK_JOBS'] = 'all'
      expect(await run('check')).toEqual({
        code: 2,
        stdout: '',
        stderr: 'factmark: FACTMARK_JOBS takes a whole number of threads, 1 or more, not "all"\n'
      })
    } finally {
      delete process.env['FACTMARK_JOBS']
    }
  })

  test('a thread that cannot write a report file says why, and the site it had stays', async () => {
    writeCorpus(path.join(cwd, 'corpus'), 3)
    // A limit on the size of a file this process writes (in kilobytes): a report's page is larger,
    // so a thread's write of it fails as one on a full disk does, with no file named by Node.
    const limited = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const command = `ulimit -f 150 && exec "${process.execPath}" "${path.join(repo, 'bin/factmark.js')}" build --src corpus --out site --no-cache --jobs 2`
        execFile('bash', ['-c', command], { cwd }, (error, _stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr })
        )
      })
    const beside = () =>
      readdirSync(cwd)
        .filter((name) => name.includes('site'))
        .sort()
    expect(await limited()).toEqual({
      code: 2,
      stderr: 'factmark: Cannot write site/: EFBIG: file too large, write; nothing was written to site/\n'
    })
    expect(beside()).toEqual([])
    expect((await run('build', '--src', 'corpus', '--out', 'site', '--no-cache')).code).toBe(0)
    const manifest = readFileSync(path.join(cwd, 'site/manifest.json'), 'utf8')
    const report = path.join(cwd, 'corpus/report-00001.md')
    writeFileSync(report, `${readFileSync(report, 'utf8')}\n又一句。\n`)
    expect(await limited()).toEqual({
      code: 2,
      stderr: 'factmark: Cannot write site/: EFBIG: file too large, write; site/ was left as it was\n'
    })
    expect(readFileSync(path.join(cwd, 'site/manifest.json'), 'utf8')).toBe(manifest)
    // Nothing of the failed build is left beside the site: no staged tree, no lock.
    expect(beside()).toEqual(['site'])
  })

  test('--out chooses the output folder', async () => {
    expect((await run('build', '--out', 'public')).code).toBe(0)
    expect(existsSync(path.join(cwd, 'public/xiamen-2025/facts.json'))).toBe(true)
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false)
  })
})

/** The first line of each message of text output, as `file:line:column severity rule`. */
function noteHeads(stdout: string): string[] {
  return [...stdout.matchAll(/^(\S+:\d+:\d+) (error|warning|info) .* \[([a-z-]+)\]$/gm)].map(
    ([, place, severity, rule]) => `${place ?? ''} ${severity ?? ''} ${rule ?? ''}`
  )
}

describe('factmark check', () => {
  test('exit 0 and no problems on the report: its notes, then the summary', async () => {
    const { code, stdout, stderr } = await run('check')
    expect({ code, stderr, notes: noteHeads(stdout) }).toEqual({ code: 0, stderr: '', notes: seedNotes })
    expect(stdout).toMatch(
      /\n\n✔ no problems, 3 notes\ncoverage: 100\.0% of figures annotated \(128 tagged, 0 untagged\)\n$/
    )
  })

  test('writes nothing', async () => {
    await run('check')
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false)
  })

  test('warns of more threads than the memory holds, and checks all the same', async () => {
    const first = await run('check')
    // No machine holds a hundred million threads of 80 MB.
    const many = await run('check', '--jobs', '100000000')
    expect(many.code).toBe(0)
    expect(many.stdout).toBe(first.stdout)
    expect(many.stderr).toMatch(
      /^factmark: --jobs allows 100000000 threads, more than the [\d,]+ MB of memory this process may use are counted to hold \(\d+\): compiling as many reports at once, factmark may run out of memory and be stopped by the system\n$/
    )
  })

  test('--no-cache neither needs a cache folder nor writes one', async () => {
    const first = await run('check')
    writeFileSync(path.join(cwd, 'notes.txt'), 'mine\n')
    // One that cannot be made, and one that could.
    expect(await run('check', '--no-cache', '--cache-dir', 'notes.txt/cache')).toEqual(first)
    expect(await run('check', '--no-cache', '--cache-dir', 'fresh')).toEqual(first)
    writeCorpus(path.join(cwd, 'corpus'), 8)
    const corpus = await run('check', '--no-cache', '--src', 'corpus', '--cache-dir', 'fresh')
    expect(corpus.code).toBe(0)
    expect(readdirSync(cwd).sort()).toEqual(['corpus', 'notes.txt', 'source'])
  })

  test('--no-cache reads the registry again and reports the same', async () => {
    const first = await run('check')
    expect(await run('check', '--no-cache')).toEqual(first)
    expect(await run('check')).toEqual(first)
  })

  test('--format json gives one object per diagnostic', async () => {
    breakSource('{metric=air.pm10}', '{metric=air.pm10 period=2025-13}')
    const { code, stdout } = await run('check', '--format', 'json')
    expect(code).toBe(1)
    const output = JSON.parse(stdout) as { errorCount: number; diagnostics: Array<{ ruleId: string }> }
    expect(output.errorCount).toBe(1)
    // The report's notes across reports come too: one error leaves it in the rules across reports.
    expect(output.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'period-invalid',
      'change-base-unpublished',
      'change-base-unpublished',
      'target-pending'
    ])
    expect(output.diagnostics.slice(0, 1)).toEqual([
      {
        file: 'source/xiamen-2025.md',
        line: overviewLine,
        column: 839,
        endLine: overviewLine,
        endColumn: 846,
        severity: 'error',
        ruleId: 'period-invalid',
        message: 'period="2025-13" is not a valid period: "2025-13" has no month 13',
        fix: 'Write the period as a year (2025), a month (2025-11), a day (2025-11-05) or an interval (2021/2024) that does not end before it starts; give a change the period it is measured from as base= (同比 in a report of 2025: base=2024).',
        url: 'docs/rules.md#period-invalid'
      }
    ])
  })

  test('--format github writes workflow annotations', async () => {
    breakSource(':fact[2.43]', ':fact[2.4.3]')
    const { code, stdout } = await run('check', '--format', 'github')
    expect(code).toBe(1)
    expect(stdout).toMatch(
      new RegExp(
        `^::error file=source/xiamen-2025\\.md,line=${overviewLine},col=547,endLine=${overviewLine},endColumn=552,title=label-unparseable::Cannot read a figure from "2\\.4\\.3"`
      )
    )
  })

  test('the fixes name the registry of the source folder given with --src', async () => {
    renameSync(path.join(cwd, 'source'), path.join(cwd, 'reports'))
    const file = path.join(cwd, 'reports/xiamen-2025.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('{metric=air.pm10}', '{metric=air.pm_10}'))
    const fix =
      'Use the id the message suggests or lists, or declare the metric in reports/metrics.yaml; if the suggested id is the one misspelt (then no report uses it, and a metric-unused warning names it), correct it in the registry.'
    for (const command of ['check', 'build']) {
      const { code, stdout } = await run(command, '--src', 'reports', '--format', 'json')
      expect(code).toBe(1)
      const { diagnostics } = JSON.parse(stdout) as { diagnostics: Array<{ ruleId: string; fix: string }> }
      expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'unknown-metric')?.fix).toBe(fix)
    }
    expect((await run('check', '--src', 'reports')).stdout).toContain(`  fix: ${fix} (`)
  })

  test('checks only the files named', async () => {
    writeFileSync(path.join(cwd, 'source/broken.md'), 'no front matter\n')
    expect((await run('check')).code).toBe(1)
    expect((await run('check', 'source/xiamen-2025.md')).code).toBe(0)
  })
})

describe('coverage and suggest', () => {
  const untag = () => breakSource(':fact[205个]{metric=water.outfalls_remediated}', '205个')

  test('every figure of the report is annotated', async () => {
    expect(await run('check', '--min-coverage', '100')).toMatchObject({ code: 0 })
    expect(await run('suggest')).toEqual({ code: 0, stdout: '✔ every figure is annotated\n', stderr: '' })
  })

  test('an untagged figure is a warning with a proposal, and costs coverage', async () => {
    untag()
    const { code, stdout } = await run('check')
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /source\/xiamen-2025\.md:\d+:\d+ warning The figure "205个" is not annotated \(proposed: :fact\[205个\]\{metric=water\.outfalls_remediated\}\) \[untagged-figure\]/
    )
    expect(stdout).toContain('coverage: 99.2% of figures annotated (127 tagged, 1 untagged)\n')
  })

  test('--min-coverage and --strict fail on it', async () => {
    untag()
    const { code, stderr } = await run('check', '--min-coverage', '100')
    expect(code).toBe(1)
    expect(stderr).toBe('factmark: coverage 99.2% is below --min-coverage 100\n')
    expect((await run('check', '--min-coverage', '99')).code).toBe(0)
    expect((await run('check', '--strict')).code).toBe(1)
  })

  test('suggest lists it, as text and as JSON', async () => {
    untag()
    const text = await run('suggest')
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(
      /^source\/xiamen-2025\.md:(\d+):(\d+) {2}205个 {2}:fact\[205个\]\{metric=water\.outfalls_remediated\}\n1 untagged figure in 1 file\n$/
    )
    const json = JSON.parse((await run('suggest', '--format', 'json')).stdout) as {
      count: number
      files: Array<{ file: string; untagged: Array<Record<string, unknown>> }>
    }
    expect(json.count).toBe(1)
    expect(json.files[0]?.untagged[0]).toMatchObject({
      text: '205个',
      kind: 'count',
      value: 205,
      unit: '1',
      metric: 'water.outfalls_remediated',
      proposal: ':fact[205个]{metric=water.outfalls_remediated}'
    })
  })

  test('--min-coverage must be a percentage', async () => {
    const { code, stderr } = await run('check', '--min-coverage', 'all')
    expect(code).toBe(2)
    expect(stderr).toBe('factmark: --min-coverage must be a percentage from 0 to 100, not "all"\n')
  })
})

describe('usage and I/O errors exit 2 with a message, never a stack trace', () => {
  // prettier-ignore
  test.each([
    [['frobnicate'], 'factmark: unknown command "frobnicate"; the commands are init, new, build, check, suggest, watch, verify (factmark --help says what each does)\n'],
    [['chek'], 'factmark: unknown command "chek" (did you mean "check"?); the commands are'],
    [['help', 'chek'], 'factmark: unknown command "chek" (did you mean "check"?); the commands are'],
    [['chek', '--help'], 'factmark: unknown command "chek" (did you mean "check"?); the commands are'],
    [['check', '--strict=false'], 'factmark: --strict takes no value: name it to turn it on, leave it out to leave it off\n'],
    [['build', '--timings=yes'], 'factmark: --timings takes no value: name it to turn it on, leave it out to leave it off\n'],
    [[], 'Usage: factmark'],
    [['check', '--format', 'xml'], '--format must be one of text, json, github, not "xml"'],
    [['check', '--colour'], 'factmark: unknown option "--colour"; factmark check --help lists its options\n'],
    [['check', '--min-coverge', '100'], 'factmark: unknown option "--min-coverge" (did you mean "--min-coverage"?); factmark check --help lists its options\n'],
    [['build', '--min-coverge', '3'], 'factmark: unknown option "--min-coverge"; factmark build --help lists its options\n'],
    [['--colour'], 'factmark: unknown option "--colour"; factmark --help lists the options\n'],
    [['check', '--src', 'missing'], 'Cannot read the source folder missing: no such file or directory'],
    [['check', '--min-coverage', '-5'], 'factmark: --min-coverage needs a value, and "-5" reads as an option: write --min-coverage=-5 to give it as the value\n'],
    [['check', '--min-coverage=-5'], 'factmark: --min-coverage must be a percentage from 0 to 100, not "-5"\n'],
    [['build', '--out'], 'factmark: --out needs a value (factmark --help lists the options)\n'],
    [['build', '--out', '--strict'], 'factmark: --out needs a value (factmark --help lists the options)\n'],
    [['check', 'source/none.md'], 'Cannot read source/none.md: no such file or directory'],
    [['verify', '--strict'], 'factmark: --strict does not apply to verify\n\nUsage: factmark verify [options] [dir]\n'],
    [['suggest', '--min-coverage', '5'], '--min-coverage does not apply to suggest'],
    [['check', '--out', 'x', '--strict'], '--out does not apply to check'],
    [['verify', '--src', 'a', '--out', 'b'], '--src, --out do not apply to verify'],
    [['build', '--jobs', '0'], 'factmark: --jobs takes a whole number of threads, 1 or more, not "0"\n'],
    [['check', '--jobs', '1.5'], 'factmark: --jobs takes a whole number of threads, 1 or more, not "1.5"\n'],
    [['watch', '--jobs', 'two'], 'factmark: --jobs takes a whole number of threads, 1 or more, not "two"\n'],
    [['suggest', '--jobs', '2'], '--jobs does not apply to suggest'],
    [['suggest', '--write', '--dry-run'], 'factmark: suggest takes --write or --dry-run, not both: --dry-run shows what --write would change\n']
  ])('%j', async (argv, message) => {
    const { code, stderr } = await run(...argv)
    expect(code).toBe(2)
    expect(stderr).toContain(message)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  test('help, --help and -h print the usage', async () => {
    const { stdout } = await run('--help')
    expect(stdout).toMatch(/^Usage: factmark <command>/)
    for (const argv of [['help'], ['-h']]) expect(await run(...argv)).toEqual({ code: 0, stdout, stderr: '' })
  })

  test("a command's help says what each option does to that command alone, in its own words", async () => {
    const check = (await run('check', '--help')).stdout
    expect(check).toContain(
      [
        "  --no-cache       compile every report and read the registry's YAML again,",
        '                   neither taking from a cache nor keeping anything'
      ].join('\n')
    )
    expect(check).toContain('  --min-coverage <percent>\n                   fail when fewer figures are annotated\n')
    const suggest = (await run('suggest', '--help')).stdout
    expect(suggest).toContain('  --dry-run        print the diff --write would make, write nothing\n')
    expect(suggest).not.toContain('suggest:')
    const watch = (await run('watch', '--help')).stdout
    expect(watch).toContain('  --port <n>       port to serve on, 0 for any free port            [4321]\n')
  })

  test('help <command> and <command> --help print the command, and the options it takes alone', async () => {
    const { stdout } = await run('help', 'verify')
    expect(stdout).toBe(
      [
        'Usage: factmark verify [options] [dir]',
        '',
        'check a published tree (factmark verify [dir], default dist) against',
        'its manifest.json and schemas: missing, extra and changed files',
        '',
        'Options:',
        '  --format <fmt>   diagnostics as text, json or github              [text]',
        '',
        'factmark --help lists every command and option.',
        ''
      ].join('\n')
    )
    expect(await run('verify', '--help')).toEqual({ code: 0, stdout, stderr: '' })
    const build = (await run('build', '-h')).stdout
    expect(build.match(/^ {2}--[\w-]+/gm)).toEqual([
      '  --src',
      '  --out',
      '  --format',
      '  --strict',
      '  --no-cache',
      '  --cache-dir',
      '  --jobs',
      '  --timings',
      '  --verbose'
    ])
  })

  test('a missing registry', async () => {
    rmSync(path.join(cwd, 'source/metrics.yaml'))
    const { code, stderr } = await run('check')
    expect(code).toBe(2)
    expect(stderr).toBe('factmark: Cannot read source/metrics.yaml: no such file or directory\n')
  })
})

describe('the installed command', () => {
  test('bin/factmark.js runs the compiled CLI', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repo, 'bin/factmark.js'), 'check'], {
      cwd
    })
    expect(noteHeads(stdout)).toEqual(seedNotes)
    expect(stdout).toMatch(
      /✔ no problems, 3 notes\ncoverage: 100\.0% of figures annotated \(128 tagged, 0 untagged\)\n$/
    )
  })
  test('bin/factmark.js check --no-cache makes no cache folder, not even for its code', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(repo, 'bin/factmark.js'), 'check', '--no-cache', '--cache-dir', 'fresh'],
      { cwd }
    )
    expect(stdout).toMatch(/coverage: 100\.0% of figures annotated/)
    expect(readdirSync(cwd)).toEqual(['source'])
  })
  // Eight reports are enough for threads on two cores: tinypool, bundled, starts them on a file of its own
  // (scripts/bundles.mjs), and the build command and its parts run from V8's code they kept.
  test('bin/factmark.js builds a collection on threads, and again from the code it kept', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'factmark-threads-'))
    try {
      writeCorpus(path.join(folder, 'source'), 8)
      const build = () =>
        promisify(execFile)(process.execPath, [path.join(repo, 'bin/factmark.js'), 'build'], {
          cwd: folder,
          env: { ...process.env, XDG_CACHE_HOME: path.join(folder, 'cache') }
        })
      expect((await build()).stderr).toBe('factmark: wrote 281 files to dist/ (8 reports, 1024 facts)\n')
      const kept = readdirSync(path.join(folder, 'cache/factmark/code'))
      expect(kept).toContainEqual(expect.stringMatching(/^build\.cjs-[0-9a-f]{8}-[0-9a-f]{16}\.v8$/))
      expect(kept).toContainEqual(expect.stringMatching(/^stage-site\.cjs-/))
      rmSync(path.join(folder, 'dist'), { recursive: true })
      rmSync(path.join(folder, 'cache/factmark/units'), { recursive: true })
      expect((await build()).stderr).toBe('factmark: wrote 281 files to dist/ (8 reports, 1024 facts)\n')
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

test('a reader that stops reading (factmark check | head) ends the output, and the check ends with its own code', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'factmark-pipe-'))
  try {
    writeCorpus(path.join(folder, 'source'), 8)
    // Far more than a pipe holds: the reader is gone long before the last of it is written.
    const child = spawn(process.execPath, [path.join(repo, 'bin/factmark.js'), 'check', '--verbose'], {
      cwd: folder,
      env: { ...process.env, XDG_CACHE_HOME: path.join(folder, 'cache') }
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})

describe('terminal and CI safety: what a source or a file name holds is printed, never obeyed', () => {
  const ESC = '\u001b'

  test('a report named like a workflow command, with a runner command and bidi overrides in its text', async () => {
    const name = '::error file=x::pwned.md'
    writeFileSync(
      path.join(cwd, name),
      `---\ntitle: 测试\nissuer: 测试局\nentity: 测试市\nperiod: "2025"\nlanguage: zh-CN\nslug: test\n---\n\n##[error]:fact[17.4]{metric=air.pm2.5}\u202e浓度。\n`
    )
    const { code, stdout } = await run('check', name)
    expect(code).toBe(1)
    expect(stdout).toBe(
      [
        '\\u{3a}:error file=x::pwned.md:10:29 error Unknown metric "air.pm2.5", did you mean "air.pm25"? [unknown-metric]',
        '  10 | ##\\u{5b}error]:fact[17.4]{metric=air.pm2.5}\\u{202e}浓度。',
        '     |                                  ^^^^^^^^^',
        `  fix: Use the id the message suggests or lists, or declare the metric in source/metrics.yaml; if the suggested id is the one misspelt (then no report uses it, and a metric-unused warning names it), correct it in the registry. (${repo}/docs/rules.md#unknown-metric)`,
        '',
        '✖ 1 error, 0 warnings',
        'coverage: 100.0% of figures annotated (1 tagged, 0 untagged)',
        ''
      ].join('\n')
    )
    // One workflow command per diagnostic: the file name's colons cannot end its properties.
    expect((await run('check', '--format', 'github', name)).stdout).toBe(
      `::error file=%3A%3Aerror file=x%3A%3Apwned.md,line=10,col=29,endLine=10,endColumn=38,title=unknown-metric::Unknown metric "air.pm2.5", did you mean "air.pm25"?%0AUse the id the message suggests or lists, or declare the metric in source/metrics.yaml; if the suggested id is the one misspelt (then no report uses it, and a metric-unused warning names it), correct it in the registry. (${repo}/docs/rules.md#unknown-metric)\n`
    )
  })

  test('a file argument with a line break and a workflow command', async () => {
    const { code, stderr } = await run('check', `a\n::error::x${ESC}[2J.md`)
    expect(code).toBe(2)
    expect(stderr).toBe('factmark: Cannot read a\n\\u{3a}:error::x\\u{1b}[2J.md: no such file or directory\n')
  })
})
