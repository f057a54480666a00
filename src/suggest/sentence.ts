/**
 * The marks that end a sentence, or a clause that stands as one (；): what a year or a comparison
 * says before one of them does not reach the figures after it.
 */
export const SENTENCE_ENDS: ReadonlySet<string> = new Set(['。', '；', ';', '！', '？', '!', '?', '\n'])

/** The sentence so far: what of `before` comes after its last end. */
export function sentenceSoFar(before: string): string {
  for (let at = before.length - 1; at >= 0; at--)
    if (SENTENCE_ENDS.has(before[at] as string)) return before.slice(at + 1)
  return before
}

/** The rest of the sentence: what of `after` comes before its first end. */
export function sentenceRest(after: string): string {
  for (let at = 0; at < after.length; at++) if (SENTENCE_ENDS.has(after[at] as string)) return after.slice(0, at)
  return after
}
