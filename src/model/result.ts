/**
 * What a step gives when it can fail for a reason the caller must handle:
 * its value, or an error that says why not. Every stage returns this one
 * shape, so that a caller reads `ok`, then `value` or `error`, whichever
 * stage it calls. A thrown error is kept for bugs and for `FactmarkError`.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error }
}
