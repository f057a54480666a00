import { FactmarkError, type ErrorPlace, type FactmarkErrorCode } from '../model/factmark-error.js'
import { isNodeError } from '../model/node-error.js'

/**
 * An error the user can act on, as a worker thread hands it back in place of throwing it: a
 * thrown error crosses to the build's thread as a bare Error, without the code that tells a full
 * disk (ENOSPC) or one of factmark's own refusals from a bug in factmark.
 */
export interface CarriedError {
  carried:
    | { factmark: FactmarkErrorCode; message: string; place?: ErrorPlace }
    | { node: string; message: string; path?: string; syscall?: string }
}

/** What `run` gives, or the error it throws when the user can act on it (see CarriedError); other errors are thrown. */
export async function carryingErrors<T>(run: () => T | Promise<T>): Promise<T | CarriedError> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof FactmarkError)
      return { carried: { factmark: error.code, message: error.message, ...(error.place && { place: error.place }) } }
    if (isNodeError(error)) {
      const { code, message, path, syscall } = error
      return {
        carried: { node: code, message, ...(path !== undefined && { path }), ...(syscall !== undefined && { syscall }) }
      }
    }
    throw error
  }
}

/** What a thread gave, or the error it carried back thrown again as it was thrown there. */
export function thrownAgain<T>(result: T | CarriedError): T {
  if (!isCarried(result)) return result
  const { carried } = result
  if ('factmark' in carried)
    throw new FactmarkError(carried.factmark, carried.message, carried.place ? { place: carried.place } : {})
  throw Object.assign(new Error(carried.message), {
    code: carried.node,
    ...(carried.path !== undefined && { path: carried.path }),
    ...(carried.syscall !== undefined && { syscall: carried.syscall })
  })
}

function isCarried(value: unknown): value is CarriedError {
  return typeof value === 'object' && value !== null && 'carried' in value
}
