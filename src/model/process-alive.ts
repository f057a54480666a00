import { isNodeError } from './node-error.js'

/** Whether a process of this id runs; one of another user's counts (it may not be signalled, but is there). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return isNodeError(error, 'EPERM')
  }
}
