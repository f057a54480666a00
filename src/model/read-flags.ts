import { constants } from 'node:fs'

// Typed as numbers, but missing on Windows, where a file is opened without them.
const noFollow = constants.O_NOFOLLOW as number | undefined
const noWait = constants.O_NONBLOCK as number | undefined

/** Open for reading without following a last link and without waiting for a writer at a FIFO. */
export const readFlags = constants.O_RDONLY | (noFollow ?? 0) | (noWait ?? 0)
