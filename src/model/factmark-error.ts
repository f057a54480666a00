/**
 * What a user can fix when factmark cannot go on: sources that cannot be read, an output folder it
 * must not replace; or what passes by itself: a source saved again (FACTMARK_SAVED_AGAIN), or
 * removed, renamed or replaced (FACTMARK_SOURCE_GONE), while a build used it, which a build that
 * starts over reads as it is then, and an output folder another build is writing (FACTMARK_BUSY),
 * which a build may write once that one is done.
 */
export type FactmarkErrorCode =
  'FACTMARK_SOURCES' | 'FACTMARK_OUTPUT' | 'FACTMARK_SAVED_AGAIN' | 'FACTMARK_SOURCE_GONE' | 'FACTMARK_BUSY'

/** The file a problem is about, and where in it when that is known. */
export interface ErrorPlace {
  path: string
  line?: number
  column?: number
}

/**
 * A problem the user caused and can fix, thrown because factmark cannot go
 * on. Its message is written for the user, and the command line prints it
 * as a diagnostic, without a stack; any other thrown error is a bug in
 * factmark. Problems in the content of the sources are never thrown: they
 * are diagnostics on their files.
 */
export class FactmarkError extends Error {
  override readonly name = 'FactmarkError'
  readonly code: FactmarkErrorCode
  readonly place?: ErrorPlace

  constructor(code: FactmarkErrorCode, message: string, options: { place?: ErrorPlace; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    if (options.place) this.place = options.place
  }
}

/** Whether a build failed because a report changed while it ran: one that starts over reads it as it is then. */
export function changedMeanwhile(error: unknown): boolean {
  return (
    error instanceof FactmarkError && (error.code === 'FACTMARK_SAVED_AGAIN' || error.code === 'FACTMARK_SOURCE_GONE')
  )
}
