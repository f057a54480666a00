import { readFileSync } from 'node:fs'
import path from 'node:path'

/** A file's text, or undefined when it is not there or cannot be read. */
export type ReadText = (file: string) => string | undefined

/** How a limit is read from a group's folder, in either version of the hierarchy. */
export interface GroupLimit {
  /** The cgroup v1 controller whose hierarchy holds the limit (`cpu`, `memory`). */
  controller: string
  /** The limit a v2 group's folder sets, undefined for none. */
  v2: (read: ReadText, folder: string) => number | undefined
  /** The limit a v1 group's folder sets, undefined for none. */
  v1: (read: ReadText, folder: string) => number | undefined
}

/**
 * The least limit that the control groups of this process (read through `read`) set: of the
 * process's own group or of any group above it, in cgroup v2 or v1, as far as the mounts show
 * them. A CI job's group often sets none and its slice does. Undefined when none sets a limit, or
 * there are no control groups to read (not Linux).
 */
export function leastGroupLimit(read: ReadText, limit: GroupLimit): number | undefined {
  const groups = read('/proc/self/cgroup')
  const mounts = read('/proc/self/mountinfo')
  if (groups === undefined || mounts === undefined) return undefined
  const mounted = mountsOf(mounts)
  let least: number | undefined
  for (const group of groupsOf(groups, limit.controller)) {
    const mount = mounted.find((entry) =>
      group.version === 2
        ? entry.type === 'cgroup2'
        : entry.type === 'cgroup' && entry.options.includes(limit.controller)
    )
    if (!mount) continue
    for (const folder of foldersUp(mount, group.path)) {
      const allowed = group.version === 2 ? limit.v2(read, folder) : limit.v1(read, folder)
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

/** The group of the unified (v2) hierarchy, and the v1 group that holds `controller`. */
function groupsOf(text: string, controller: string): Group[] {
  const found: Group[] = []
  for (const line of text.split('\n')) {
    const [, controllers, place] = /^\d+:([^:]*):(.+)$/.exec(line) ?? []
    if (controllers === undefined || place === undefined) continue
    if (controllers === '') found.push({ version: 2, path: place })
    else if (controllers.split(',').includes(controller)) found.push({ version: 1, path: place })
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

/** The text of a group's file, trimmed, through `read`. */
export function groupFile(read: ReadText, folder: string, name: string): string | undefined {
  return read(path.posix.join(folder, name))?.trim()
}

/** Reads a file of this machine, undefined when it is not there or cannot be read. */
export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
