/**
 * Thrown when the summary of a unit that has one cannot be read: lost from the cache, or changed
 * there by hand. A caller that can keep it again does, and runs the rules again (see mendedOnce).
 */
export class SummaryUnreadable extends Error {
  constructor(readonly path: string) {
    super(`the summary of ${path} could not be kept in the cache`)
  }
}
