/** Text to put into a file at an offset, before whatever stands there. */
export interface Insertion {
  /** Offset in the original text, UTF-16 code units. */
  at: number
  text: string
}

export interface Spliced {
  text: string
  /** Where each insertion's text starts in the new text, in the order the insertions were given. */
  starts: number[]
}

/**
 * Put each insertion's text into `text` at its offset and change nothing
 * else: every byte of the original stays, in order, so that removing the
 * inserted pieces gives it back. Insertions at one offset keep their order.
 */
export function splice(text: string, insertions: readonly Insertion[]): Spliced {
  const order = insertions
    .map((insertion, index) => ({ ...insertion, index }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
  const starts = new Array<number>(insertions.length)
  const pieces: string[] = []
  let from = 0
  let length = 0
  for (const insertion of order) {
    const kept = text.slice(from, insertion.at)
    pieces.push(kept, insertion.text)
    starts[insertion.index] = length + kept.length
    length += kept.length + insertion.text.length
    from = insertion.at
  }
  pieces.push(text.slice(from))
  return { text: pieces.join(''), starts }
}
