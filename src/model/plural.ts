/**
 * The form of a word that agrees with a count: `file` for 1, `files` for
 * any other number, 0 included; `words` gives a plural that is not the
 * word with an s (`do` of `does`, `reports were` of `report was`).
 */
export function plural(count: number, word: string, words = `${word}s`): string {
  return count === 1 ? word : words
}
