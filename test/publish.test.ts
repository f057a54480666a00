import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.js'
import { publishSteps } from '../src/publish.js'
import { build } from '../src/site.js'

const repo = path.resolve(new URL('..', import.meta.url).pathname)
const fixtures = path.join(repo, 'test/fixtures')
let cwd: string

/** A project with one small report and the fixtures' registry. */
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'factmark-publish-'))
  mkdirSync(path.join(cwd, 'source'))
  cpSync(path.join(fixtures, 'metrics.yaml'), path.join(cwd, 'source/metrics.yaml'))
  cpSync(path.join(fixtures, 'kitchen-sink/report.md'), path.join(cwd, 'source/report.md'))
})
afterEach(() => rmSync(cwd, { recursive: true, force: true }))

const run = (...argv: string[]) => runCli(cwd, ...argv)

/** Every file and folder under a folder with the SHA-256 of each file, so that any change shows. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      const relative = path.relative(root, full)
      if (statSync(full).isDirectory()) {
        files[`${relative}/`] = 'folder'
        walk(full)
      } else {
        files[relative] = createHash('sha256').update(readFileSync(full)).digest('hex')
      }
    }
  }
  walk(root)
  return files
}

/** The files of a tree as its manifest lists them, and as they are on disk: equal when the tree is whole. */
function manifestAndDisk(dir: string): [Record<string, string>, Record<string, string>] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }
  const listed = Object.fromEntries(manifest.files.map((file) => [file.path, file.sha256]))
  const present = Object.fromEntries(Object.entries(snapshot(dir)).filter(([name, hash]) => hash !== 'folder' && name !== 'manifest.json'))
  return [listed, present]
}

function expectComplete(dir: string): void {
  const [listed, present] = manifestAndDisk(dir)
  expect(present).toEqual(listed)
}

describe('build refuses an output folder it does not own, and touches nothing', () => {
  const cases: Array<[string, string, (root: string) => void, string]> = [
    ['the source folder', 'source', () => undefined, 'Refusing to write source: it is the source folder; nothing was changed'],
    ['a folder inside the source folder', 'source/out', () => undefined, 'Refusing to write source/out: it lies inside the source folder; nothing was changed'],
    ['the working directory', '.', () => undefined, 'Refusing to write .: it is the working directory; nothing was changed'],
    ['an ancestor of the working directory', '..', () => undefined, `Refusing to write ..: it holds the working directory; nothing was changed`],
    ['a folder holding the source folder', 'project', (root) => cpSync(path.join(root, 'source'), path.join(root, 'project/source'), { recursive: true }), 'Refusing to write project: it is a folder factmark did not write (it has no factmark manifest.json); choose an empty or new folder; nothing was changed'],
    ['an existing file', 'notes.txt', (root) => writeFileSync(path.join(root, 'notes.txt'), '笔记\n'), 'Refusing to write notes.txt: it is a file, not a folder factmark wrote; nothing was changed'],
    ['a folder of someone else', 'mine', (root) => { mkdirSync(path.join(root, 'mine')); writeFileSync(path.join(root, 'mine/a.txt'), 'a\n') }, 'Refusing to write mine: it is a folder factmark did not write (it has no factmark manifest.json); choose an empty or new folder; nothing was changed'],
    ['a folder with only an empty folder in it', 'mine', (root) => mkdirSync(path.join(root, 'mine/empty'), { recursive: true }), 'Refusing to write mine: it is a folder factmark did not write (it has no factmark manifest.json); choose an empty or new folder; nothing was changed'],
    ['a link to a folder', 'link', (root) => { mkdirSync(path.join(root, 'target')); symlinkSync(path.join(root, 'target'), path.join(root, 'link')) }, 'Refusing to write link: it is a symbolic link, and factmark replaces only folders it wrote; nothing was changed'],
    ['a link to the source folder', 'link', (root) => symlinkSync(path.join(root, 'source'), path.join(root, 'link')), 'Refusing to write link: it is the source folder; nothing was changed'],
    ['a manifest that is not factmark’s', 'site', (root) => { mkdirSync(path.join(root, 'site')); writeFileSync(path.join(root, 'site/manifest.json'), '{"files": []}') }, 'Refusing to write site: it is a folder factmark did not write (it has no factmark manifest.json); choose an empty or new folder; nothing was changed']
  ]
  test.each(cases)('%s', async (_name, out, prepare, message) => {
    prepare(cwd)
    const before = snapshot(cwd)
    const { code, stdout, stderr } = await run('build', '--out', out)
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `factmark: ${message}\n` })
    expect(snapshot(cwd)).toEqual(before)
  })

  test('a tree factmark wrote with a file added by hand, naming the file', async () => {
    expect((await run('build')).code).toBe(0)
    writeFileSync(path.join(cwd, 'dist/CNAME'), 'example.org\n')
    mkdirSync(path.join(cwd, 'dist/extra'))
    writeFileSync(path.join(cwd, 'dist/extra/a.txt'), 'a\n')
    writeFileSync(path.join(cwd, 'dist/kitchen-sink/notes.md'), 'n\n')
    writeFileSync(path.join(cwd, 'dist/z.txt'), 'z\n')
    const before = snapshot(cwd)
    const { code, stderr } = await run('build')
    expect(code).toBe(2)
    expect(stderr).toBe(
      'factmark: Refusing to write dist: it holds files factmark did not write (dist/CNAME, dist/extra/a.txt, dist/kitchen-sink/notes.md and 1 more); move them elsewhere or choose another folder; nothing was changed\n'
    )
    expect(snapshot(cwd)).toEqual(before)
  })

  test('is replaced when it is missing, empty, or a tree factmark wrote', async () => {
    mkdirSync(path.join(cwd, 'empty'))
    expect((await run('build', '--out', 'empty')).code).toBe(0)
    expect((await run('build', '--out', 'empty')).code).toBe(0)
    expect((await run('build', '--out', 'new/nested')).code).toBe(0)
    expectComplete(path.join(cwd, 'empty'))
    expectComplete(path.join(cwd, 'new/nested'))
  })

  test('while another build holds the lock', async () => {
    expect((await run('build')).code).toBe(0)
    // The parent of this test's process is alive, so its lock is not stale.
    writeFileSync(path.join(cwd, '.dist.lock'), `${process.ppid}\n`)
    const before = snapshot(path.join(cwd, 'dist'))
    const { code, stderr } = await run('build')
    expect(code).toBe(2)
    expect(stderr).toBe(`factmark: Another factmark process (${process.ppid}) is writing dist; if none is, remove ${path.join(cwd, '.dist.lock')}\n`)
    expect(snapshot(path.join(cwd, 'dist'))).toEqual(before)
  })

  test('a lock left by a process that is gone is taken over', async () => {
    writeFileSync(path.join(cwd, '.dist.lock'), '999999999\n')
    expect((await run('build')).code).toBe(0)
    expect(readdirSync(cwd).sort()).toEqual(['dist', 'source'])
  })
})

describe('a build killed at any step of publishing', () => {
  // The child builds from the compiled library, as the command line does, and kills itself with SIGKILL after the step:
  // no cleanup code runs, exactly as when the machine or an impatient user stops it.
  const child = `
    const { build } = await import(${JSON.stringify(path.join(repo, 'lib/site.js'))})
    const step = process.argv[1]
    await build({ onPublishStep: (at) => { if (at === step) process.kill(process.pid, 'SIGKILL') } })
    console.log('finished')
  `

  test.each(publishSteps)('after "%s": the next build finds a complete tree or restores one, and cleans up', async (step) => {
    expect((await build({ cwd })).ok).toBe(true)
    const previous = snapshot(path.join(cwd, 'dist'))
    const report = path.join(cwd, 'source/report.md')
    writeFileSync(report, readFileSync(report, 'utf8').replace('title: 示例报告', 'title: 新的示例报告'))

    const killed = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', child, step], { cwd }).then(
      () => 'finished',
      (error: { signal?: string }) => error.signal
    )
    expect(killed).toBe('SIGKILL')

    // Right after the kill: the previous tree, the new one, or (in the window between the two renames) the previous one kept whole beside it.
    const leftovers = readdirSync(cwd).filter((name) => name.startsWith('.dist'))
    if (existsSync(path.join(cwd, 'dist'))) {
      expectComplete(path.join(cwd, 'dist'))
    } else {
      expect(step).toBe('retired')
      const kept = leftovers.find((name) => name.startsWith('.dist-old-'))
      expect(kept).toBeDefined()
      expect(snapshot(path.join(cwd, kept as string))).toEqual(previous)
    }

    // The next build restores what it must, publishes, and leaves nothing behind.
    const next = await build({ cwd })
    expect(next.ok).toBe(true)
    expect(next.ok && next.restored).toBe(step === 'retired')
    expect(readdirSync(cwd).sort()).toEqual(['dist', 'source'])
    expectComplete(path.join(cwd, 'dist'))
    expect(readFileSync(path.join(cwd, 'dist/kitchen-sink/facts.json'), 'utf8')).toContain('"title": "新的示例报告')
  })

  test('the command line says when it restored an interrupted build', async () => {
    expect((await run('build')).code).toBe(0)
    const { renameSync } = await import('node:fs')
    renameSync(path.join(cwd, 'dist'), path.join(cwd, '.dist-old-12345'))
    mkdirSync(path.join(cwd, '.dist-new-12345/kitchen-sink'), { recursive: true })
    writeFileSync(path.join(cwd, '.dist-new-12345/kitchen-sink/facts.json'), '{')
    const { code, stderr } = await run('build')
    expect(code).toBe(0)
    expect(stderr).toMatch(/^factmark: an earlier build was interrupted; its complete dist\/ was restored before this one replaced it\nfactmark: wrote \d+ files to dist\//)
    expect(readdirSync(cwd).sort()).toEqual(['dist', 'source'])
  })
})

describe('build names the real problem', () => {
  test('a missing source folder is not a write error', async () => {
    const { code, stderr } = await run('build', '--src', 'nowhere')
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'factmark: Cannot read the source folder nowhere: no such file or directory; dist/ was left as it was\n' })
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false)
  })
})
