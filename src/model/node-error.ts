import { FactmarkError } from './factmark-error.js'

/**
 * Whether an error is one of Node's own, with its code (`ENOENT`, `EACCES`,
 * `ERR_FS_FILE_TOO_LARGE`); given a code, whether it is that one. A
 * FactmarkError carries a code too, but it is factmark's, not Node's.
 */
export function isNodeError(error: unknown, code?: string): error is NodeJS.ErrnoException & { code: string } {
  if (!(error instanceof Error) || error instanceof FactmarkError) return false
  const found = (error as NodeJS.ErrnoException).code
  return typeof found === 'string' && (code === undefined || found === code)
}

/**
 * The error of a write, naming `file` where Node's does not: a write to an open file (a full disk,
 * a file size limit) fails with no path, and the message that tells the user where comes from it.
 */
export function namingFile(error: unknown, file: string): unknown {
  if (isNodeError(error) && error.path === undefined) error.path = file
  return error
}
