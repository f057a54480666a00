import { lstat, mkdir, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { manifestName, type OutputCheck } from './output-folder.js'

/** One output file, its path relative to the output folder. */
export interface Artifact {
  path: string
  content: string
}

/**
 * The points of a publication at which a process can die, in order. After
 * each one, the output folder is either the previous tree or the new one,
 * or (between `retired` and `published`) missing with the previous tree
 * kept whole beside it, which the next run puts back.
 */
export const publishSteps = ['locked', 'recovered', 'staging', 'staged', 'retired', 'published', 'discarded', 'cleaned'] as const
export type PublishStep = (typeof publishSteps)[number]

export interface PublishOptions {
  /** Whether `out` may be replaced: asked before anything is touched, and again under the lock once leftovers are dealt with. */
  check?: () => Promise<OutputCheck>
  /** Called after each step; fault-injection tests end the process here. */
  onStep?: (step: PublishStep) => void | Promise<void>
}

export interface PublishResult {
  /** Set when an interrupted earlier publication left `out` missing and its last complete tree was put back. */
  restored: boolean
  /** Leftover folders of interrupted publications that were removed. */
  removed: string[]
}

/** Why a publication did not start; its message is for the user, and nothing was changed. */
export interface PublishRefusal extends Error {
  code: 'FACTMARK_OUTPUT'
}

function refusal(message: string): PublishRefusal {
  return Object.assign(new Error(message), { code: 'FACTMARK_OUTPUT' as const })
}

export function isPublishRefusal(error: unknown): error is PublishRefusal {
  return error instanceof Error && (error as Partial<PublishRefusal>).code === 'FACTMARK_OUTPUT'
}

/**
 * The names of a publication's folders beside `out`. The new tree is
 * written into `new`; the previous tree moves to `old` (always complete,
 * the one to restore) and then to `trash` (garbage from then on).
 */
function places(out: string, tag: string) {
  const parent = path.dirname(out)
  const base = path.basename(out)
  return {
    parent,
    lock: path.join(parent, `.${base}.lock`),
    new: path.join(parent, `.${base}-new-${tag}`),
    old: path.join(parent, `.${base}-old-${tag}`),
    trash: path.join(parent, `.${base}-trash-${tag}`),
    leftover: new RegExp(`^\\.${escapeRegExp(base)}-(new|old|trash)-(.+)$`)
  }
}

/**
 * Write a complete new tree beside `out` and swap it in. Readers and a
 * failing build never see a half-written tree, and a process killed at any
 * point leaves either a complete tree at `out` or one the next publication
 * restores before it does anything else. The caller has checked that `out`
 * may be replaced.
 */
export async function publish(out: string, artifacts: readonly Artifact[], options: PublishOptions = {}): Promise<PublishResult> {
  const target = path.resolve(out)
  const tag = String(process.pid)
  const at = places(target, tag)
  const step = async (name: PublishStep) => options.onStep?.(name)

  const checked = async () => {
    const allowed = await options.check?.()
    if (allowed && !allowed.ok) throw refusal(allowed.message)
  }
  await checked()
  await mkdir(at.parent, { recursive: true })
  await lock(at.lock)
  try {
    await step('locked')
    const result = await recover(target)
    await step('recovered')
    await checked()
    await rm(at.new, { recursive: true, force: true })
    const ordered = [...artifacts].sort((a, b) => Number(a.path === manifestName) - Number(b.path === manifestName))
    let first = true
    for (const artifact of ordered) {
      const file = path.join(at.new, artifact.path)
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, artifact.content)
      if (first) await step('staging')
      first = false
    }
    await mkdir(at.new, { recursive: true })
    await step('staged')
    try {
      const hadPrevious = await renameIfPresent(target, at.old)
      await step('retired')
      try {
        await rename(at.new, target)
      } catch (error) {
        if (hadPrevious) await rename(at.old, target)
        throw error
      }
      await step('published')
      if (hadPrevious) await rename(at.old, at.trash)
      await step('discarded')
      await rm(at.trash, { recursive: true, force: true })
      await step('cleaned')
    } finally {
      await rm(at.new, { recursive: true, force: true })
    }
    return result
  } finally {
    await unlink(at.lock).catch(() => undefined)
  }
}

/**
 * Put back what an interrupted publication left: when `out` is missing and
 * a previous tree is kept beside it, that tree returns; every other
 * leftover is removed. Runs under the lock, so no live publication owns
 * the leftovers.
 */
export async function recover(out: string): Promise<PublishResult> {
  const at = places(out, '')
  const leftovers = (await readdir(at.parent)).flatMap((name) => {
    const match = at.leftover.exec(name)
    return match ? [{ name, kind: match[1] as 'new' | 'old' | 'trash', full: path.join(at.parent, name) }] : []
  })
  let restored = false
  if (!(await exists(out))) {
    for (const leftover of leftovers) {
      if (leftover.kind !== 'old' || !(await exists(path.join(leftover.full, manifestName)))) continue
      await rename(leftover.full, out)
      restored = true
      break
    }
  }
  const removed: string[] = []
  for (const leftover of leftovers) {
    if (!(await exists(leftover.full))) continue
    // A kept tree is renamed to trash before it is removed, so that a tree half removed is never taken for a complete one.
    const trash = leftover.kind === 'trash' ? leftover.full : path.join(at.parent, leftover.name.replace(/-(new|old)-/, '-trash-'))
    if (trash !== leftover.full) await rename(leftover.full, trash)
    await rm(trash, { recursive: true, force: true })
    removed.push(leftover.name)
  }
  return { restored, removed }
}

/**
 * Take the lock of an output folder: a file created exclusively, holding
 * the owner's process id. A lock whose process is gone is stale and taken
 * over.
 */
async function lock(file: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10)
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw refusal(`Another factmark process (${owner}) is writing ${path.basename(file).slice(1, -'.lock'.length)}; if none is, remove ${file}`)
    }
    await unlink(file).catch(() => undefined)
  }
  throw refusal(`Could not take the lock ${file}`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function renameIfPresent(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false
  )
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
