import { distance } from 'fastest-levenshtein'

/**
 * The candidate closest to `input`, when it is close enough to be a likely
 * typo: at most a third of the input's length in edits (at least one).
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(input.length / 3))
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(input.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= limit ? best : undefined
}

/** ` Did you mean "x"?` or nothing. */
export function didYouMeanText(input: string, candidates: Iterable<string>): string {
  const guess = didYouMean(input, candidates)
  return guess === undefined ? '' : `, did you mean "${guess}"?`
}
