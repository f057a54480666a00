import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { knownDigest, seenFile, type FileStats, type SeenFile } from '../src/build/build-record.js'
import { readSources } from '../src/load/sources.js'

// A build takes the digest of a report whose file's stats are those the last build saw, without
// reading it; a file changed since has other stats, and one changed around the time it was read
// is not known by its stats at all.

const started = Date.parse('2026-12-01T10:00:00Z')
const stats = (extra: Partial<FileStats> = {}): FileStats => ({
  dev: 1,
  ino: 2,
  size: 300,
  mtimeMs: started - 60_000,
  ctimeMs: started - 60_000,
  ...extra
})
const seen = seenFile(stats(), 'digest', started) as SeenFile

describe('seenFile', () => {
  test('keeps a file left alone before the build began', () => {
    expect(seen).toEqual({
      dev: 1,
      ino: 2,
      size: 300,
      mtimeMs: started - 60_000,
      ctimeMs: started - 60_000,
      digest: 'digest'
    })
  })

  test.each<[string, Partial<FileStats>]>([
    ['modified in the last two seconds', { mtimeMs: started - 1_000 }],
    ['its inode changed in the last two seconds', { ctimeMs: started - 1_000 }],
    ['modified while the build ran', { mtimeMs: started + 10, ctimeMs: started + 10 }]
  ])('does not keep a file %s', (_, extra) => {
    expect(seenFile(stats(extra), 'digest', started)).toBeUndefined()
  })
})

describe('knownDigest', () => {
  test('is the digest when every stat is the same', () => {
    expect(knownDigest(seen, stats())).toBe('digest')
  })

  test.each<[string, Partial<FileStats>]>([
    ['another device', { dev: 9 }],
    ['another file in its place', { ino: 9 }],
    ['another size', { size: 301 }],
    ['another modification time', { mtimeMs: started - 30_000 }],
    ['another change time, as after a write that put its modification time back', { ctimeMs: started - 30_000 }]
  ])('is undefined for %s', (_, extra) => {
    expect(knownDigest(seen, stats(extra))).toBeUndefined()
  })

  test('is undefined for a file no build saw', () => {
    expect(knownDigest(undefined, stats())).toBeUndefined()
  })
})

describe('readSources with reports known by their stats', () => {
  let src: string
  beforeEach(() => {
    src = path.join(mkdtempSync(path.join(tmpdir(), 'factmark-seen-')), 'source')
    mkdirSync(src)
    writeFileSync(path.join(src, 'metrics.yaml'), 'metrics: {}\n')
    writeFileSync(path.join(src, 'a.md'), 'A')
    writeFileSync(path.join(src, 'b.md'), 'B')
  })
  afterEach(() => rmSync(path.dirname(src), { recursive: true, force: true }))

  test('takes a known report as the caller gives it, and reads and keeps the others', async () => {
    const keptFiles: string[] = []
    const knownAsked: Array<[string, number]> = []
    const sources = await readSources({
      src,
      cwd: path.dirname(src),
      keep: (report, file, fileStats) => {
        keptFiles.push(`${path.basename(file)} ${fileStats.size}`)
        return report
      },
      known: (shown, file, fileStats) => {
        knownAsked.push([shown, fileStats.size])
        return path.basename(file) === 'a.md' ? { path: shown, text: new TextEncoder().encode('known') } : undefined
      }
    })
    expect(sources.ok).toBe(true)
    const decoded = sources.ok
      ? sources.value.reports.map((report) =>
          typeof report.text === 'string' ? report.text : new TextDecoder().decode(report.text)
        )
      : []
    expect(decoded).toEqual(['known', 'B'])
    expect(knownAsked).toEqual([
      ['source/a.md', 1],
      ['source/b.md', 1]
    ])
    expect(keptFiles).toEqual(['b.md 1'])
  })
})
