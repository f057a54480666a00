import { availableParallelism } from 'node:os'
import { groupFile, leastGroupLimit, readText, type GroupLimit, type ReadText } from './control-groups.js'

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
  const quota = leastGroupLimit(read, cpuTime)
  return Math.max(1, quota === undefined ? cpus : Math.min(cpus, quota))
}

const cpuTime: GroupLimit = {
  controller: 'cpu',
  // `max 100000` sets no limit; `150000 100000` allows one core and a half.
  v2: (read, folder) => {
    const [quota, period] = groupFile(read, folder, 'cpu.max')?.split(/\s+/) ?? []
    return coresOf(quota, period)
  },
  v1: (read, folder) =>
    coresOf(groupFile(read, folder, 'cpu.cfs_quota_us'), groupFile(read, folder, 'cpu.cfs_period_us'))
}

/** Whole cores in a quota of CPU time per period, at least 1; undefined for no limit (`max`, -1). */
function coresOf(quota: string | undefined, period: string | undefined): number | undefined {
  if (quota === undefined || period === undefined || !/^\d+$/.test(quota) || !/^\d+$/.test(period)) return undefined
  const time = Number(quota)
  const per = Number(period)
  if (time <= 0 || per <= 0) return undefined
  return Math.max(1, Math.floor(time / per))
}
