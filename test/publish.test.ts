import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.js'
import { publishSteps, recoverOutput } from '../src/build/publish.js'
import { build } from '../src/build/build.js'
import { snapshot } from './helpers/snapshot.js'

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

/** The lock a publication by this process id leaves beside dist/ when it is killed. */
function lockRecord(pid: number): string {
  return `${JSON.stringify({ factmark: 'publish', pid, new: `.dist-new-${pid}`, old: `.dist-old-${pid}`, trash: `.dist-trash-${pid}` })}\n`
}

// Ids of killed builds that no running process can have (Linux's highest is 2^22; Windows' are
// multiples of 4): a lock whose process runs is not stale, and 12345 was one in a busy test run.
const killed = 999_999_991
const killedAgain = 999_999_993

/**
 * What a build killed between the two renames of its swap leaves: no dist/, the whole tree beside
 * it, a half-written new one, and its lock.
 */
function interrupt(pid: number): void {
  renameSync(path.join(cwd, 'dist'), path.join(cwd, `.dist-old-${pid}`))
  mkdirSync(path.join(cwd, `.dist-new-${pid}/kitchen-sink`), { recursive: true })
  writeFileSync(path.join(cwd, `.dist-new-${pid}/kitchen-sink/facts.json`), '{')
  writeFileSync(path.join(cwd, '.dist.lock'), lockRecord(pid))
}

/** The files of a tree as its manifest lists them, and as they are on disk: equal when the tree is whole. */
function manifestAndDisk(dir: string): [Record<string, string>, Record<string, string>] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    files: Array<{ path: string; sha256: string }>
  }
  const listed = Object.fromEntries(manifest.files.map((file) => [file.path, file.sha256]))
  const present = Object.fromEntries(
    Object.entries(snapshot(dir, { folders: true })).filter(
      ([name, hash]) => hash !== 'folder' && name !== 'manifest.json'
    )
  )
  return [listed, present]
}

function expectComplete(dir: string): void {
  const [listed, present] = manifestAndDisk(dir)
  expect(present).toEqual(listed)
}

describe('build refuses an output folder it does not own, and touches nothing', () => {
  const cases: Array<[string, string, (root: string) => void, string]> = [
    [
      'the source folder',
      'source',
      () => undefined,
      'Refusing to write source: it is the source folder; nothing was changed'
    ],
    [
      'a folder inside the source folder',
      'source/out',
      () => undefined,
      'Refusing to write source/out: it lies inside the source folder; nothing was changed'
    ],
    [
      'the working directory',
      '.',
      () => undefined,
      'Refusing to write .: it is the working directory; nothing was changed'
    ],
    [
      'an ancestor of the working directory',
      '..',
      () => undefined,
      `Refusing to write ..: it holds the working directory; nothing was changed`
    ],
    [
      'a folder holding the source folder',
      'project',
      (root) => cpSync(path.join(root, 'source'), path.join(root, 'project/source'), { recursive: true }),
      'Refusing to write project: it is a folder factmark did not write (it has no factmark manifest.json); choose an empty or new folder; nothing was changed'
    ],
    [
      'an existing file',
      'notes.txt',
      (root) => writeFileSync(path.join(root, 'notes.txt'), '笔记\n'),
      'Refusing to write notes.txt: it is a file, not a folder factmark wrote; nothing was changed'
    ],
    [
      'a folder of someone else',
      'mine',
      (root) => {
        mkdirSync(path.join(root, 'mine'))
        writeFileSync(path.join(root, 'mine/a.txt'), 'a\n')
      },
      'Refusing to write mine: it is a folder factmark did not write (it has no factmark manifest.json); choose an empty or new folder; nothing was changed'
    ],
    [
      'a folder with only an empty folder in it',
      'mine',
      (root) => mkdirSync(path.join(root, 'mine/empty'), { recursive: true }),
      'Refusing to write mine: it is a folder factmark did not write (it has no factmark manifest.json); choose an empty or new folder; nothing was changed'
    ],
    [
      'a link to a folder',
      'link',
      (root) => {
        mkdirSync(path.join(root, 'target'))
        symlinkSync(path.join(root, 'target'), path.join(root, 'link'))
      },
      'Refusing to write link: it is a symbolic link, and factmark replaces only folders it wrote; nothing was changed'
    ],
    [
      'a link to the source folder',
      'link',
      (root) => symlinkSync(path.join(root, 'source'), path.join(root, 'link')),
      'Refusing to write link: it is the source folder; nothing was changed'
    ],
    [
      'a manifest that is not factmark’s',
      'site',
      (root) => {
        mkdirSync(path.join(root, 'site'))
        writeFileSync(path.join(root, 'site/manifest.json'), '{"files": []}')
      },
      'Refusing to write site: it is a folder factmark did not write (its manifest.json is not a factmark manifest); choose an empty or new folder; nothing was changed'
    ]
  ]
  test.each(cases)('%s', async (_name, out, prepare, message) => {
    prepare(cwd)
    const before = snapshot(cwd, { folders: true })
    const { code, stdout, stderr } = await run('build', '--out', out)
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `factmark: ${message}\n` })
    expect(snapshot(cwd, { folders: true })).toEqual(before)
  })

  // A tree a build published, changed by hand, then built again: refused, and nothing touched.
  const changedByHand: Array<[string, () => void, string]> = [
    [
      'a tree factmark wrote with a file added by hand, naming the file',
      () => {
        writeFileSync(path.join(cwd, 'dist/CNAME'), 'example.org\n')
        mkdirSync(path.join(cwd, 'dist/extra'))
        writeFileSync(path.join(cwd, 'dist/extra/a.txt'), 'a\n')
        writeFileSync(path.join(cwd, 'dist/kitchen-sink/notes.md'), 'n\n')
        writeFileSync(path.join(cwd, 'dist/z.txt'), 'z\n')
      },
      'it holds files factmark did not write, which its manifest.json does not list (dist/CNAME, dist/extra/a.txt, dist/kitchen-sink/notes.md and 1 more); move them elsewhere or choose another folder'
    ],
    [
      'a tree factmark wrote whose manifest was replaced by hand: the manifest is read, not the record of the build',
      () => writeFileSync(path.join(cwd, 'dist/manifest.json'), '{"files": []}'),
      'it is a folder factmark did not write (its manifest.json is not a factmark manifest); choose an empty or new folder'
    ]
  ]
  test.each(changedByHand)('%s', async (_name, change, why) => {
    expect((await run('build')).code).toBe(0)
    change()
    const before = snapshot(cwd, { folders: true })
    const { code, stderr } = await run('build')
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `factmark: Refusing to write dist: ${why}; nothing was changed\n`
    })
    expect(snapshot(cwd, { folders: true })).toEqual(before)
  })

  test('is replaced when an entry was taken from its manifest by hand, of a file the last build wrote as it stands', async () => {
    expect((await run('build')).code).toBe(0)
    const manifestFile = path.join(cwd, 'dist/manifest.json')
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: Array<{ path: string }> }
    const entries = manifest.files.length
    manifest.files = manifest.files.filter((entry) => entry.path !== 'catalog.json')
    writeFileSync(manifestFile, JSON.stringify(manifest))
    expect((await run('build')).code).toBe(0)
    const written = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: Array<{ path: string }> }
    expect(written.files.length).toBe(entries)
    expect(written.files.map((entry) => entry.path)).toContain('catalog.json')
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
    writeFileSync(path.join(cwd, '.dist.lock'), lockRecord(process.ppid))
    const before = snapshot(cwd, { folders: true })
    const { code, stderr } = await run('build')
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `factmark: Refusing to write dist: process ${process.ppid} is writing it (a factmark build, or a watch building after a save); build again once it is done, or remove .dist.lock if no factmark runs; nothing was changed\n`
    })
    expect(snapshot(cwd, { folders: true })).toEqual(before)
  })

  test('when the lock file was not written by factmark', async () => {
    writeFileSync(path.join(cwd, '.dist.lock'), 'my notes\n')
    const { code, stderr } = await run('build')
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr:
        'factmark: Refusing to write dist: .dist.lock beside it was not written by factmark; if no build is running, remove it; nothing was changed\n'
    })
    expect(readFileSync(path.join(cwd, '.dist.lock'), 'utf8')).toBe('my notes\n')
  })

  // Where the file system has no hard links, another build creates its lock, then writes its
  // record in it: read in between, the lock is empty.
  test('while another build has created the lock and not yet written its record', async () => {
    const lock = path.join(cwd, '.dist.lock')
    writeFileSync(lock, '')
    setTimeout(() => writeFileSync(lock, lockRecord(process.ppid)), 50)
    await expect(recoverOutput(path.join(cwd, 'dist'))).rejects.toThrow(
      `Refusing to write dist: process ${process.ppid} is writing it (a factmark build, or a watch building after a save); build again once it is done, or remove .dist.lock if no factmark runs; nothing was changed`
    )
  })

  test('once another build has let go of the lock it held as this one looked at it', async () => {
    const lock = path.join(cwd, '.dist.lock')
    writeFileSync(lock, '')
    setTimeout(() => rmSync(lock), 50)
    expect(await recoverOutput(path.join(cwd, 'dist'))).toEqual({ restored: false, removed: [] })
    expect(existsSync(lock)).toBe(false)
  })

  // A build writes its record beside the lock and links it into place, so that no build killed
  // meanwhile leaves an empty lock that every later build would refuse.
  test('the records that builds now gone wrote beside the lock are removed, whole or cut short, and no other file', async () => {
    writeFileSync(path.join(cwd, `.dist.lock.${killed}`), lockRecord(killed))
    writeFileSync(path.join(cwd, `.dist.lock.${process.ppid}`), lockRecord(process.ppid))
    // Cut short by the kill, after its first bytes or before any.
    writeFileSync(path.join(cwd, `.dist.lock.${killedAgain}`), lockRecord(killedAgain).slice(0, 12))
    writeFileSync(path.join(cwd, '.dist.lock.999999997'), '')
    writeFileSync(path.join(cwd, '.dist.lock.notes'), 'mine\n')
    // Named as a record is, but of other text, or of another process.
    writeFileSync(path.join(cwd, '.dist.lock.999999995'), 'my notes\n')
    writeFileSync(path.join(cwd, '.dist.lock.999999999'), lockRecord(killed))
    expect((await run('build')).code).toBe(0)
    expect(readdirSync(cwd).sort()).toEqual([
      `.dist.lock.${process.ppid}`,
      '.dist.lock.999999995',
      '.dist.lock.999999999',
      '.dist.lock.notes',
      'dist',
      'source'
    ])
  })

  test('a lock whose record cannot be written (a full disk) leaves nothing beside the output folder', async () => {
    // No file this process writes may hold a byte: the record written beside the lock fails as on a full disk.
    const script = `import { placeWhole } from ${JSON.stringify(path.join(repo, 'lib/model/placed-file.js'))}
      await placeWhole('.dist.lock', '{"factmark":"publish"}\\n').catch((error) => console.log(error.code))`
    const { stdout } = await promisify(execFile)(
      'bash',
      ['-c', `ulimit -f 0 && exec "${process.execPath}" --input-type=module -e "$0"`, script],
      { cwd }
    )
    expect(stdout).toBe('EFBIG\n')
    expect(readdirSync(cwd).sort()).toEqual(['source'])
  })

  test('a lock left by a process that is gone is taken over, and only the folders it names are removed', async () => {
    writeFileSync(path.join(cwd, '.dist.lock'), lockRecord(999999999))
    mkdirSync(path.join(cwd, '.dist-new-999999999'))
    writeFileSync(path.join(cwd, '.dist-new-999999999/half.json'), '{')
    // Folders that only look like leftovers are someone else's.
    mkdirSync(path.join(cwd, '.dist-old-5'))
    writeFileSync(path.join(cwd, '.dist-old-5/notes.txt'), 'precious\n')
    writeFileSync(path.join(cwd, '.dist-trash-7'), 'a file\n')
    expect((await run('build')).code).toBe(0)
    expect(readdirSync(cwd).sort()).toEqual(['.dist-old-5', '.dist-trash-7', 'dist', 'source'])
    expect(readFileSync(path.join(cwd, '.dist-old-5/notes.txt'), 'utf8')).toBe('precious\n')
  })

  test('names the folder as it was given', async () => {
    const foreign = path.join(cwd, 'mine')
    mkdirSync(foreign)
    writeFileSync(path.join(foreign, 'a.txt'), 'a\n')
    const { stderr } = await run('build', '--out', `${foreign}/`)
    expect(stderr).toBe(
      `factmark: Refusing to write ${foreign}: it is a folder factmark did not write (it has no factmark manifest.json); choose an empty or new folder; nothing was changed\n`
    )
  })

  test('a manifest that is not valid JSON is not factmark’s', async () => {
    mkdirSync(path.join(cwd, 'site'))
    writeFileSync(path.join(cwd, 'site/manifest.json'), '{')
    const { stderr } = await run('build', '--out', 'site')
    expect(stderr).toBe(
      'factmark: Refusing to write site: it is a folder factmark did not write (its manifest.json is not a factmark manifest); choose an empty or new folder; nothing was changed\n'
    )
  })
})

describe('a build killed at any step of publishing', () => {
  // The child builds from the compiled library, as the command line does, and kills itself with SIGKILL after the step:
  // no cleanup code runs, exactly as when the machine or an impatient user stops it.
  const child = `
    const { build } = await import(${JSON.stringify(path.join(repo, 'lib/build/build.js'))})
    const step = process.argv[1]
    await build({ onPublishStep: (at) => { if (at === step) process.kill(process.pid, 'SIGKILL') } })
    console.log('finished')
  `

  test.each(publishSteps)(
    'after "%s": the next build finds a complete tree or restores one, and cleans up',
    async (step) => {
      expect((await build({ cwd })).ok).toBe(true)
      const previous = snapshot(path.join(cwd, 'dist'), { folders: true })
      const report = path.join(cwd, 'source/report.md')
      writeFileSync(report, readFileSync(report, 'utf8').replace('title: 示例报告', 'title: 新的示例报告'))

      const killed = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', child, step], {
        cwd
      }).then(
        () => 'finished',
        (error: unknown) => (error as { signal?: string }).signal
      )
      expect(killed).toBe('SIGKILL')

      // Right after the kill: the previous tree, the new one, or (in the window between the two
      // renames) the previous one kept whole beside it.
      const leftovers = readdirSync(cwd).filter((name) => name.startsWith('.dist'))
      if (existsSync(path.join(cwd, 'dist'))) {
        expectComplete(path.join(cwd, 'dist'))
      } else {
        expect(step).toBe('retired')
        const kept = leftovers.find((name) => name.startsWith('.dist-old-'))
        expect(kept).toBeDefined()
        expect(snapshot(path.join(cwd, kept as string), { folders: true })).toEqual(previous)
      }

      // The next build restores what it must, publishes, and leaves nothing behind.
      const next = await build({ cwd })
      expect(next.ok).toBe(true)
      expect(next.ok && next.value.restored).toBe(step === 'retired')
      expect(readdirSync(cwd).sort()).toEqual(['dist', 'source'])
      expectComplete(path.join(cwd, 'dist'))
      expect(readFileSync(path.join(cwd, 'dist/kitchen-sink/facts.json'), 'utf8')).toContain('"title": "新的示例报告')
    }
  )

  test('the command line says when it restored an interrupted build', async () => {
    expect((await run('build')).code).toBe(0)
    interrupt(killed)
    // The restored tree is the one these sources build: nothing is written.
    const restored = await run('build')
    expect(restored.code).toBe(0)
    expect(restored.stderr).toMatch(
      /^factmark: an earlier build was interrupted; its complete dist\/ was restored\nfactmark: dist\/ is up to date \(\d+ files, 1 report, \d+ facts\): nothing changed since it was built\n$/
    )
    await run('build')
    const report = path.join(cwd, 'source/report.md')
    writeFileSync(report, readFileSync(report, 'utf8').replace('title: 示例报告', 'title: 新的示例报告'))
    interrupt(killedAgain)
    const { code, stderr } = await run('build')
    expect(code).toBe(0)
    expect(stderr).toMatch(
      /^factmark: an earlier build was interrupted; its complete dist\/ was restored before this one replaced it\nfactmark: wrote \d+ files to dist\//
    )
    expect(readdirSync(cwd).sort()).toEqual(['dist', 'source'])
  })

  test('a build that fails after an interrupted one still leaves the restored tree', async () => {
    expect((await run('build')).code).toBe(0)
    const before = snapshot(path.join(cwd, 'dist'), { folders: true })
    interrupt(killed)
    const report = path.join(cwd, 'source/report.md')
    writeFileSync(report, readFileSync(report, 'utf8').replace('metric=air.pm25', 'metric=air.pm2.5'))
    const { code, stderr } = await run('build')
    expect(code).toBe(1)
    expect(stderr).toBe(
      'factmark: an earlier build was interrupted; its complete dist/ was restored\nfactmark: build failed: the sources have 1 error; dist/ was left as it was\n'
    )
    expect(snapshot(path.join(cwd, 'dist'), { folders: true })).toEqual(before)
    expect(readdirSync(cwd).sort()).toEqual(['dist', 'source'])
  })
})

describe('build names the real problem', () => {
  test('a missing source folder is not a write error', async () => {
    const { code, stderr } = await run('build', '--src', 'nowhere')
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr:
        'factmark: Cannot read the source folder nowhere: no such file or directory; nothing was written to dist/\n'
    })
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false)
  })
})
