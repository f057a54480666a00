import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startWatch, type WatchedBuild, type Watching } from '../src/watch/watch.js'
import { openEvents, starterProject, type EventStream } from './helpers/watch.js'
import { writeCorpus } from '../bench/corpus.mjs'

const sample = 'source/example-2025.md'

describe('factmark watch on a project', { timeout: 120_000 }, () => {
  let project: string
  let watching: Watching
  let events: EventStream
  const builds: WatchedBuild[] = []
  let seen = 0
  /**
   * Wait for builds until `done` holds once they have all finished: how many builds a change
   * makes depends on how the file system reports it, which a test must not rely on.
   */
  const builtUntil = async (done: () => boolean) => {
    for (;;) {
      const state = await events.next((announced) => announced.build > seen)
      seen = state.build
      await watching.settled()
      if (done()) return state
    }
  }
  const read = (file: string) => readFileSync(path.join(project, file), 'utf8')
  const write = (file: string, text: string) => writeFileSync(path.join(project, file), text)

  beforeAll(async () => {
    project = starterProject()
    watching = await startWatch({ cwd: project, port: 0, onBuild: (watched) => builds.push(watched) })
    events = await openEvents(watching.url)
    await builtUntil(() => true)
  }, 120_000)
  afterAll(async () => {
    events.close()
    await watching.close()
  })

  test('the first build writes dist/ and is served', async () => {
    expect(builds[0]?.changed).toEqual([])
    expect(builds[0]?.outcome.ok).toBe(true)
    const page = await (await fetch(new URL('example-2025/', watching.url))).text()
    expect(page).toContain('本报告是factmark的示例')
  })

  test('saving a report rebuilds it and announces the new build to the pages', async () => {
    write(sample, read(sample).replace('本报告是factmark的示例', '本报告是改过的示例'))
    const state = await builtUntil(() => read('dist/example-2025/index.html').includes('本报告是改过的示例'))
    expect(state).toEqual({ build: seen })
    expect(builds.at(-1)?.changed).toEqual([sample])
  })

  test('a save with an error announces its diagnostics, and the last good output stays', async () => {
    write(sample, read(sample).replace('metric=air.pm25}', 'metric=air.pm99}'))
    const state = await events.next((announced) => announced.problem !== undefined)
    expect(state.build).toBe(seen)
    expect(state.problem?.message).toBe('build failed: the sources have 1 error')
    expect(state.problem?.diagnostics).toEqual([
      expect.objectContaining({ file: sample, ruleId: 'unknown-metric', severity: 'error', line: expect.any(Number) })
    ])
    expect(read('dist/example-2025/index.html')).toContain('本报告是改过的示例')
    write(sample, read(sample).replace('metric=air.pm99}', 'metric=air.pm25}'))
    expect(await builtUntil(() => true)).toEqual({ build: seen })
  })

  test('a save that builds with warnings announces them with the new build, and a save without takes them away', async () => {
    const tagged = ':fact[205个]{metric=water.outfalls_remediated}'
    write(sample, read(sample).replace(tagged, '205个'))
    const state = await builtUntil(
      () =>
        read('dist/example-2025/index.html').includes('205个') &&
        !read('dist/example-2025/index.html').includes('water.outfalls_remediated')
    )
    expect(state.problem).toBeUndefined()
    expect(state.warnings).toEqual({
      count: 2,
      shown: [
        expect.objectContaining({ file: sample, severity: 'warning', ruleId: 'untagged-figure', line: 25, column: 3 }),
        expect.objectContaining({ file: 'source/metrics.yaml', severity: 'warning', ruleId: 'metric-unused' })
      ]
    })
    write(sample, read(sample).replace('205个', tagged))
    expect(await builtUntil(() => read('dist/example-2025/index.html').includes('water.outfalls_remediated'))).toEqual({
      build: seen
    })
  })

  test('a save while another build writes the output is built once that build is done, and no problem is announced', async () => {
    // As factmark writes it: another live process (this one's parent) holds the output.
    const lock = path.join(project, '.dist.lock')
    const pid = process.ppid
    const record = {
      factmark: 'publish',
      pid,
      new: `.dist-new-${pid}`,
      old: `.dist-old-${pid}`,
      trash: `.dist-trash-${pid}`
    }
    write('.dist.lock', `${JSON.stringify(record)}\n`)
    const from = builds.length
    write(sample, read(sample).replace('本报告是改过的示例', '本报告是锁住时改过的示例'))
    await new Promise<void>((resolve) => {
      const look = setInterval(() => {
        if (builds.slice(from).some((watched) => watched.retrying === true)) {
          clearInterval(look)
          resolve()
        }
      }, 20)
    })
    expect(read('dist/example-2025/index.html')).not.toContain('本报告是锁住时改过的示例')
    unlinkSync(lock)
    const state = await builtUntil(() => read('dist/example-2025/index.html').includes('本报告是锁住时改过的示例'))
    expect(state.problem).toBeUndefined()
    const retried = builds.slice(from).filter((watched) => watched.retrying === true)
    expect(retried[0]?.outcome.ok === false && retried[0].outcome.error.message).toMatch(
      /^Refusing to write dist: process \d+ is writing it/
    )
    // The build that was done names the save the refused ones could not build.
    expect(builds.at(-1)?.changed).toEqual([sample])
    expect(builds.at(-1)?.retrying).toBeUndefined()
  })

  test('a report that is renamed, added or deleted is followed', async () => {
    // What the builds since `from` say was added and removed (the events of one change may start two builds).
    const told = (from: number) => ({
      added: builds.slice(from).flatMap((watched) => watched.added),
      removed: builds.slice(from).flatMap((watched) => watched.removed)
    })
    const text = read(sample).replace('slug: example-2025', 'slug: renamed-2025')
    write(sample, text)
    let from = builds.length
    renameSync(path.join(project, sample), path.join(project, 'source/renamed-2025.md'))
    // chokidar holds back the removal of a file about 100 ms, for a save that replaces it: the
    // addition may be built first.
    await builtUntil(
      () => existsSync(path.join(project, 'dist/renamed-2025/index.html')) && told(from).removed.length > 0
    )
    expect(existsSync(path.join(project, 'dist/example-2025'))).toBe(false)
    expect(told(from)).toEqual({ added: ['source/renamed-2025.md'], removed: [sample] })

    from = builds.length
    write('source/second-2025.md', text.replace('slug: renamed-2025', 'slug: second-2025'))
    await builtUntil(() => existsSync(path.join(project, 'dist/second-2025/index.html')))
    expect(told(from)).toEqual({ added: ['source/second-2025.md'], removed: [] })

    from = builds.length
    unlinkSync(path.join(project, 'source/second-2025.md'))
    await builtUntil(() => !existsSync(path.join(project, 'dist/second-2025')))
    expect(told(from)).toEqual({ added: [], removed: ['source/second-2025.md'] })
    expect(readdirSync(path.join(project, 'dist')).filter((name) => name.endsWith('-2025'))).toEqual(['renamed-2025'])
  })

  test('saving the registry rebuilds too', async () => {
    write('source/metrics.yaml', `${read('source/metrics.yaml')}# a comment saved in the registry\n`)
    await builtUntil(() => builds.at(-1)?.changed.includes('source/metrics.yaml') === true)
    expect(builds.at(-1)?.outcome.ok).toBe(true)
  })

  test('a report saved into a folder inside is named at once, and is not published', async () => {
    mkdirSync(path.join(project, 'source/2024'))
    write(
      'source/2024/nested-2024.md',
      read('source/renamed-2025.md').replace('slug: renamed-2025', 'slug: nested-2024')
    )
    await builtUntil(() => builds.at(-1)?.changed.includes('source/2024/nested-2024.md') === true)
    const outcome = builds.at(-1)?.outcome
    expect(
      outcome?.ok &&
        outcome.value.result.diagnostics.filter((d) => d.ruleId === 'source-nested').map((d) => `${d.file}:${d.line}`)
    ).toEqual(['source/2024/nested-2024.md:1'])
    expect(existsSync(path.join(project, 'dist/nested-2024'))).toBe(false)
  })

  test('a second watch of the same output folder is refused, and says where the first serves it', async () => {
    await expect(startWatch({ cwd: project, port: 0 })).rejects.toThrow(
      `dist/ is served at ${watching.url} and rebuilt at each save by another factmark watch (process ${process.pid}): open that one, or stop it first; a second watch of the same folder would build it again at each save, and find it locked`
    )
    // Of another output folder, it runs beside it.
    const beside = await startWatch({ cwd: project, out: 'preview', port: 0 })
    await beside.settled()
    await beside.close()
    expect(existsSync(path.join(project, 'preview/manifest.json'))).toBe(true)
  })

  test('a page that connects after a build it did not see is told of it at once', async () => {
    const late = await openEvents(watching.url)
    // With the warnings of that build: the report left in a folder inside source/ is not read.
    expect(await late.next(() => true)).toEqual({
      build: seen,
      warnings: {
        count: 1,
        shown: [expect.objectContaining({ ruleId: 'source-nested', file: 'source/2024/nested-2024.md' })]
      }
    })
    late.close()
  })
})

describe('the watch command', () => {
  /** `factmark watch --port 0` on a project, and what it prints. */
  function watchCommand(project: string, ...extra: string[]) {
    const child = spawn(process.execPath, [path.resolve('bin/factmark.js'), 'watch', '--port', '0', ...extra], {
      cwd: project
    })
    const out = { stdout: '', stderr: '' }
    const printed = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve) => {
        const look = () => {
          const match = pattern.exec(out.stderr)
          if (match) {
            child.stderr.off('data', look)
            resolve(match)
          }
        }
        child.stderr.on('data', look)
        look()
      })
    child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    return { child, out, printed, exited }
  }

  test('serves, rebuilds on a save, prints the diagnostics with the text formatter, and stops on SIGINT with exit 0', async () => {
    const project = starterProject()
    const { child, out, printed, exited } = watchCommand(project)

    const [, url] = await printed(/serving dist\/ at (http:\/\/127\.0\.0\.1:\d+\/)/)
    await printed(/built dist\/ in \d+ ms \(1 report, 8 facts\)/)
    const file = path.join(project, sample)
    writeFileSync(file, readFileSync(file, 'utf8').replace('metric=air.pm25}', 'metric=air.pm99}'))
    await printed(
      /example-2025\.md changed; rebuild failed in \d+ ms: the sources have 1 error; dist\/ was left as it was and is still served/
    )
    expect(out.stdout).toMatch(/example-2025\.md:\d+:\d+.*unknown-metric/)
    expect((await fetch(url as string)).status).toBe(200)

    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(out.stderr).toMatch(/SIGINT: stopping\n$/)
  }, 120_000)

  test.each([
    ['..', 'it holds the working directory'],
    ['source', 'it is the source folder'],
    ['source/metrics.yaml', 'it lies inside the source folder']
  ])(
    'refuses an output folder no build may write, --out %s, and serves nothing',
    async (folder, why) => {
      const project = starterProject()
      const { out, exited } = watchCommand(project, '--out', folder)
      expect(await exited).toBe(2)
      expect(out.stderr).toBe(`factmark: Refusing to write ${folder}: ${why}; nothing was changed\n`)
      expect(out.stdout).toBe('')
    },
    120_000
  )

  test('says when a first build that failed has nothing to serve, and serves the first that succeeds', async () => {
    const project = starterProject()
    const file = path.join(project, sample)
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.replace('metric=air.pm25}', 'metric=air.pm99}'))
    const { child, printed, exited } = watchCommand(project)

    await printed(
      /build failed in \d+ ms: the sources have 1 error; nothing was written to dist\/, and nothing is served until a build succeeds\n/
    )
    writeFileSync(file, text)
    await printed(/example-2025\.md changed; rebuilt dist\/ in \d+ ms \(1 report, 8 facts\)/)

    child.kill('SIGINT')
    expect(await exited).toBe(0)
  }, 120_000)
})

describe('factmark watch --jobs', { timeout: 120_000 }, () => {
  /** The compile step of each build of a watch with `threads`, the first and after a save. */
  const compileSteps = async (threads: number) => {
    const project = starterProject()
    writeCorpus(path.join(project, 'source'), 3)
    const steps: string[] = []
    const watching = await startWatch({
      cwd: project,
      port: 0,
      threads,
      onProgress: (told) => {
        if (told.kind === 'step' && told.step.step.startsWith('compile')) steps.push(told.step.step)
      }
    })
    try {
      await watching.settled()
      const file = path.join(project, 'source/report-00002.md')
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n又一句。\n`)
      while (steps.length < 2) await new Promise((resolve) => setTimeout(resolve, 20))
      await watching.settled()
    } finally {
      await watching.close()
    }
    return steps
  }

  test('compiles on the threads it is given, kept from build to build', async () => {
    expect(await compileSteps(2)).toEqual([
      'compile 4 reports on 2 threads',
      'compile 1 report on 2 threads, take 3 from earlier builds'
    ])
  })

  test('with one, compiles in its own thread', async () => {
    expect(await compileSteps(1)).toEqual(['compile 4 reports', 'compile 1 report, take 3 from earlier builds'])
  })
})
