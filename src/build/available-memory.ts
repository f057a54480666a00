import { totalmem } from 'node:os'
import { groupFile, leastGroupLimit, readText, type GroupLimit, type ReadText } from './control-groups.js'

/**
 * The memory, in bytes, this process may take: the machine's, and no more than its control groups
 * allow (a container run with `--memory=1g`, a CI runner's or a Kubernetes pod's memory limit),
 * where going beyond ends the process with no word of why.
 */
export function availableMemory(): number {
  return (memory ??= memoryAllowed(totalmem(), readText))
}

let memory: number | undefined

/**
 * `total`, or less where the control groups of this process (read through `read`) allow less: the
 * least limit of the process's group or of any group above it, in cgroup v2 (`memory.max`) or v1
 * (`memory.limit_in_bytes`, which says "no limit" with a number near 2^63).
 */
export function memoryAllowed(total: number, read: ReadText): number {
  const limit = leastGroupLimit(read, memoryLimit)
  return limit === undefined ? total : Math.min(total, limit)
}

const memoryLimit: GroupLimit = {
  controller: 'memory',
  v2: (read, folder) => bytesOf(groupFile(read, folder, 'memory.max')),
  v1: (read, folder) => bytesOf(groupFile(read, folder, 'memory.limit_in_bytes'))
}

/** A limit in bytes; undefined for none (`max`) or for what is not a number. */
function bytesOf(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined
}
