/**
 * Where a phrase occurs in a text: the offset of every occurrence,
 * overlapping ones included, in increasing order. An empty phrase occurs
 * nowhere, so that an empty `ignore:` entry covers nothing.
 */
export function phraseStarts(text: string, phrase: string): number[] {
  const starts: number[] = []
  if (phrase === '') return starts
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) starts.push(at)
  return starts
}
