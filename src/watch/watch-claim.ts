import { createHash } from 'node:crypto'
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isNodeError } from '../model/node-error.js'
import { placeWhole } from '../model/placed-file.js'
import { isAlive } from '../model/process-alive.js'

/** Another watch that serves and rebuilds the same output folder. */
export interface OtherWatch {
  pid: number
  url?: string
}

export interface WatchClaim {
  /** Say where the site is served, for a watch started after this one to tell. */
  serving(url: string): Promise<void>
  release(): Promise<void>
}

/** The claims this process holds, by file. */
const claimedHere = new Set<string>()

/**
 * Claim the output folder `out` for this process's watch, in the cache folder: two watches of one
 * folder would both rebuild it at each save, and the one that finds it locked tells of a failed
 * build where nothing is wrong. The claim of a process that is gone is taken over. A cache folder
 * that cannot be written claims nothing, and the watch goes on: the builds' own lock still keeps
 * their writes apart.
 */
export async function claimOutput(out: string, cacheFolder: string): Promise<WatchClaim | OtherWatch> {
  const folder = path.join(cacheFolder, 'watching')
  const file = path.join(folder, `${createHash('sha256').update(out).digest('hex').slice(0, 16)}.json`)
  const record = (url?: string) => `${JSON.stringify({ pid: process.pid, out, ...(url && { url }) })}\n`
  const unclaimed: WatchClaim = { serving: () => Promise.resolve(), release: () => Promise.resolve() }
  try {
    await mkdir(folder, { recursive: true })
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await placeWhole(file, record())) {
        claimedHere.add(file)
        return {
          serving: (url) => writeFile(file, record(url)).catch(() => undefined),
          release: async () => {
            claimedHere.delete(file)
            // Only this process's claim: a later watch may have taken over the folder meanwhile.
            if ((await readClaim(file))?.pid === process.pid) await unlink(file).catch(() => undefined)
          }
        }
      }
      const other = await readClaim(file)
      // A claim under this process's own id is another watch of this process, or one left by an
      // earlier process that had the same id.
      const live = other && (other.pid === process.pid ? claimedHere.has(file) : isAlive(other.pid))
      if (other && live) return other
      await unlink(file).catch(() => undefined)
    }
  } catch (error) {
    if (!isNodeError(error)) throw error
  }
  return unclaimed
}

async function readClaim(file: string): Promise<OtherWatch | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'))
    if (typeof value !== 'object' || value === null) return undefined
    const { pid, url } = value as Record<string, unknown>
    if (typeof pid !== 'number') return undefined
    return { pid, ...(typeof url === 'string' && { url }) }
  } catch {
    return undefined
  }
}
