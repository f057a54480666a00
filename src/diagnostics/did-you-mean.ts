import { distance } from 'fastest-levenshtein'

/**
 * The candidate closest to `input` (the first in name order of those as
 * close), when it is close enough to be a likely typo: at most a third of
 * the input's length in edits (at least one), two letters typed the wrong
 * way round (bsae for base) being one.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  return didYouMeanAll(input, candidates)[0]
}

/**
 * Every candidate as close to `input` as the closest, in name order, when that is close enough to
 * be a likely typo (see didYouMean): a slip in air.pm99 is as near air.pm10 as air.pm25, and naming
 * one alone would send the editor to the wrong metric half the time.
 */
function didYouMeanAll(input: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(1, Math.floor(input.length / 3))
  const typed = input.toLowerCase()
  const near = [...candidates].map((candidate) => ({
    candidate,
    edits: typoDistance(typed, candidate.toLowerCase())
  }))
  // Not Math.min(...): the slugs of a collection of thousands are candidates too.
  const closest = near.reduce((least, { edits }) => Math.min(least, edits), Infinity)
  if (closest > limit) return []
  return near
    .filter(({ edits }) => edits === closest)
    .map(({ candidate }) => candidate)
    .sort()
}

/** The most ties a message names: more are no longer a guess. */
const namedTies = 3

/**
 * `, did you mean "x"?`, `, did you mean "x" or "y"?`, or nothing: also when every candidate is
 * as near as the others, which is no guess (丙断面 of 甲断面 and 乙断面).
 */
export function didYouMeanText(input: string, candidates: Iterable<string>): string {
  const all = [...candidates]
  const guesses = didYouMeanAll(input, all)
  const noGuess = guesses.length > 1 && guesses.length === new Set(all).size
  if (guesses.length === 0 || guesses.length > namedTies || noGuess) return ''
  const quoted = guesses.map((guess) => `"${guess}"`)
  const last = quoted.pop()
  return `, did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ` : ''}${last}?`
}

/** Edits from one text to the other, a swap of two letters side by side counting one. */
function typoDistance(a: string, b: string): number {
  const edits = distance(a, b)
  return edits === 2 && swapsTwo(a, b) ? 1 : edits
}

/** Whether `b` is `a` with two letters side by side swapped. */
function swapsTwo(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  const at = [...a].findIndex((letter, index) => letter !== b[index])
  return at !== -1 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2)
}
