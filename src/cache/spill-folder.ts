import { randomBytes } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { isAlive } from '../model/process-alive.js'

/** The name of a spill folder: the process's id, and random hex so that two builds of one process differ. */
const spillName = /^(\d+)-[0-9a-f]{12}$/

/**
 * A folder of the cache where a build keeps what it cannot hold (see FactGroups), not made yet;
 * the build removes it when it ends. Those left by processes that have ended (a build killed
 * midway: at 10,000 reports one holds more than a gigabyte) are removed first; a folder of
 * another name is not factmark's, and is left alone.
 */
export function spillFolder(cacheFolder: string): string {
  const parent = path.join(cacheFolder, 'spill')
  let entries: string[] = []
  try {
    entries = readdirSync(parent)
  } catch {
    // No build has spilled into this cache yet.
  }
  for (const entry of entries) {
    const pid = spillName.exec(entry)?.[1]
    if (pid !== undefined && !isAlive(Number(pid))) rmSync(path.join(parent, entry), { recursive: true, force: true })
  }
  return path.join(parent, `${process.pid}-${randomBytes(6).toString('hex')}`)
}
