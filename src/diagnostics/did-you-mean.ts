import { distance } from 'fastest-levenshtein'

/**
 * The candidate closest to `input`, when it is close enough to be a likely
 * typo: at most a third of the input's length in edits (at least one), two
 * letters typed the wrong way round (bsae for base) being one.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(input.length / 3))
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = typoDistance(input.toLowerCase(), candidate.toLowerCase())
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
