import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { claimOutput } from '../src/watch/watch-claim.js'

let cache: string
const out = '/project/dist'
const claimFile = () =>
  path.join(cache, 'watching', `${createHash('sha256').update(out).digest('hex').slice(0, 16)}.json`)
const claimedBy = (pid: number, url?: string) => {
  mkdirSync(path.join(cache, 'watching'), { recursive: true })
  writeFileSync(claimFile(), `${JSON.stringify({ pid, out, ...(url && { url }) })}\n`)
}

beforeEach(() => {
  cache = mkdtempSync(path.join(tmpdir(), 'factmark-claim-'))
})
afterEach(() => rmSync(cache, { recursive: true, force: true }))

test('a claim is kept until it is released, and refuses a second meanwhile', async () => {
  const claim = await claimOutput(out, cache)
  expect('release' in claim).toBe(true)
  if (!('release' in claim)) return
  await claim.serving('http://127.0.0.1:4321/')
  expect(await claimOutput(out, cache)).toEqual({ pid: process.pid, url: 'http://127.0.0.1:4321/' })
  await claim.release()
  expect(readdirSync(path.join(cache, 'watching'))).toEqual([])
  const again = await claimOutput(out, cache)
  expect('release' in again).toBe(true)
})

test('the claim of another process that runs refuses; of one that is gone, or unreadable, is taken over', async () => {
  claimedBy(process.ppid, 'http://127.0.0.1:5000/')
  expect(await claimOutput(out, cache)).toEqual({ pid: process.ppid, url: 'http://127.0.0.1:5000/' })
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  const takenOver = async () => {
    const claim = await claimOutput(out, cache)
    if ('release' in claim) await claim.release()
    return 'release' in claim
  }
  claimedBy(Number(gone.stdout))
  expect(await takenOver()).toBe(true)
  mkdirSync(path.join(cache, 'watching'), { recursive: true })
  writeFileSync(claimFile(), 'not a claim\n')
  expect(await takenOver()).toBe(true)
  // One this process left under its own id, and holds no more.
  claimedBy(process.pid)
  expect(await takenOver()).toBe(true)
})

test('a cache folder that cannot be written claims nothing, and refuses nothing', async () => {
  writeFileSync(path.join(cache, 'watching'), 'a file where the folder would be\n')
  const claim = await claimOutput(out, cache)
  expect('release' in claim).toBe(true)
  expect(existsSync(claimFile())).toBe(false)
})
