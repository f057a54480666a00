/**
 * The marks that end a sentence, or a clause that stands as one (；): what a year or a comparison
 * says before one of them does not reach the figures after it.
 */
export const SENTENCE_ENDS: ReadonlySet<string> = new Set(['。', '；', ';', '！', '？', '!', '?', '\n'])

/** The marks that end a clause: those that end a sentence, and the comma and the colon. */
export const CLAUSE_ENDS: ReadonlySet<string> = new Set([...SENTENCE_ENDS, '，', ',', '：', ':'])

/** The sentence so far: what of `before` comes after its last end. */
export function sentenceSoFar(before: string): string {
  return afterLast(before, SENTENCE_ENDS)
}

/** The clause so far: what of `before` comes after the last mark that ends a clause. */
export function clauseSoFar(before: string): string {
  return afterLast(before, CLAUSE_ENDS)
}

/** The clauses of the sentence so far, the last (the one still open) first. */
export function clausesSoFar(before: string): string[] {
  const clauses: string[] = []
  let end = before.length
  for (let at = end - 1; at >= -1; at--) {
    const mark = at === -1 ? undefined : (before[at] as string)
    if (mark !== undefined && !CLAUSE_ENDS.has(mark)) continue
    clauses.push(before.slice(at + 1, end))
    if (mark === undefined || SENTENCE_ENDS.has(mark)) break
    end = at
  }
  return clauses
}

function afterLast(text: string, marks: ReadonlySet<string>): string {
  for (let at = text.length - 1; at >= 0; at--) if (marks.has(text[at] as string)) return text.slice(at + 1)
  return text
}

/** The rest of the sentence: what of `after` comes before its first end. */
export function sentenceRest(after: string): string {
  for (let at = 0; at < after.length; at++) if (SENTENCE_ENDS.has(after[at] as string)) return after.slice(0, at)
  return after
}
