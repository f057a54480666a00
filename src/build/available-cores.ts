import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'

/** A file's text, or undefined when it is not there or cannot be read. */
export type ReadText = (file: string) => string | undefined

/**
 * How many cores this process may keep busy: the CPUs it may run on, and no more than the CPU
 * time its control groups allow (a container run with `--cpus=2`, a CI runner's or a Kubernetes
 * pod's CPU limit). Node 20's availableParallelism counts the CPUs the process may run on, all of
 * a host's 64 in a container limited to 2: a build would start 64 threads, each with a compiler
 * and a heap of its own, to share 2 cores. At least 1.
 */
export function availableCores(): number {
  return (cores ??= coresAllowed(availableParallelism(), readText))
}

let cores: number | undefined

/**
 * `cpus`, or fewer where the control groups of this process (read through `read`) allow less CPU
 * time: the quota over the period, rounded down, of the process's group or of any group above it,
 * whichever allows least; in cgroup v2 (`cpu.max`) or v1 (`cpu.cfs_quota_us`, `cpu.cfs_period_us`).
 * As Rust's standard library and libuv from 1.49 count them.
 */
export function coresAllowed(cpus: number, read: ReadText): number {
  const quota = cpuQuota(read)
  return Math.max(1, quota === undefined ? cpus : Math.min(cpus, quota))
}

/** The least CPU time any group of the process allows, in whole cores; undefined when none sets a limit. */
function cpuQuota(read: ReadText): number | undefined {
  const groups = read('/proc/self/cgroup')
  const mounts = read('/proc/self/mountinfo')
  if (groups === undefined || mounts === undefined) return undefined
  const mounted = mountsOf(mounts)
  let least: number | undefined
  for (const group of groupsOf(groups)) {
    const mount = mounted.find((entry) =>
      group.version === 2 ? entry.type === 'cgroup2' : entry.type === 'cgroup' && entry.options.includes('cpu')
    )
    if (!mount) continue
    for (const folder of foldersUp(mount, group.path)) {
      const allowed = group.version === 2 ? quotaV2(read(path.posix.join(folder, 'cpu.max'))) : quotaV1(read, folder)
      if (allowed !== undefined) least = Math.min(least ?? allowed, allowed)
    }
  }
  return least
}

interface Group {
  version: 1 | 2
  /** The group's path in its hierarchy, from /proc/self/cgroup. */
  path: string
}

/** The group of the unified (v2) hierarchy, and the v1 group that holds the `cpu` controller. */
function groupsOf(text: string): Group[] {
  const found: Group[] = []
  for (const line of text.split('\n')) {
    const [, controllers, place] = /^\d+:([^:]*):(.+)$/.exec(line) ?? []
    if (controllers === undefined || place === undefined) continue
    if (controllers === '') found.push({ version: 2, path: place })
    else if (controllers.split(',').includes('cpu')) found.push({ version: 1, path: place })
  }
  return found
}

interface Mount {
  /** The folder of the hierarchy this mount shows. */
  root: string
  /** Where it is mounted. */
  point: string
  type: string
  /** Its super options: a v1 hierarchy's controllers (`rw,cpu,cpuacct`). */
  options: string[]
}

/** The mounts of /proc/self/mountinfo: `id parent dev root point options [tags] - type source options`. */
function mountsOf(text: string): Mount[] {
  return text.split('\n').flatMap((line) => {
    const [own, rest] = line.split(' - ')
    const fields = own?.split(' ') ?? []
    const [type, , options] = rest?.split(' ') ?? []
    const root = fields[3]
    const point = fields[4]
    if (root === undefined || point === undefined || type === undefined) return []
    return [{ root: unescapeMount(root), point: unescapeMount(point), type, options: options?.split(',') ?? [] }]
  })
}

/** mountinfo writes a space, a tab, a line break and a backslash in a path as octal escapes. */
function unescapeMount(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_escape, code: string) => String.fromCharCode(Number.parseInt(code, 8)))
}

/**
 * The folders of a group and of each group above it, as far as the mount shows them. In a
 * container the mount's root is the container's own group, and the path of /proc/self/cgroup is
 * often the host's: a path outside the root is taken from the mount point.
 */
function foldersUp(mount: Mount, group: string): string[] {
  const relative = path.posix.relative(mount.root, group)
  const inside = relative.startsWith('..') ? '' : relative
  const folders = [mount.point]
  let folder = mount.point
  for (const part of inside.split('/').filter((name) => name !== '')) {
    folder = path.posix.join(folder, part)
    folders.push(folder)
  }
  return folders
}

/** `cpu.max`: `max 100000` sets no limit; `150000 100000` allows one core and a half. */
function quotaV2(text: string | undefined): number | undefined {
  const [quota, period] = text?.trim().split(/\s+/) ?? []
  return coresOf(quota, period)
}

function quotaV1(read: ReadText, folder: string): number | undefined {
  const quota = read(path.posix.join(folder, 'cpu.cfs_quota_us'))?.trim()
  const period = read(path.posix.join(folder, 'cpu.cfs_period_us'))?.trim()
  return coresOf(quota, period)
}

/** Whole cores in a quota of CPU time per period, at least 1; undefined for no limit (`max`, -1). */
function coresOf(quota: string | undefined, period: string | undefined): number | undefined {
  if (quota === undefined || period === undefined || !/^\d+$/.test(quota) || !/^\d+$/.test(period)) return undefined
  const time = Number(quota)
  const per = Number(period)
  if (time <= 0 || per <= 0) return undefined
  return Math.max(1, Math.floor(time / per))
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
