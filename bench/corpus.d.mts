/** The kinds of corpus writeCorpus makes: copies of the seed, of a bureau's reports over the years, or of the seed about districts of their own. */
export const corpusKinds: string[]
/** Make `dir` a source folder of `count` reports of a kind (the seed unless told) and their registry; returns the slugs in file order. */
export function writeCorpus(dir: string, count: number, kind?: string): string[]
/** `text` with `sentence` put before the first paragraph line of its second half: the figures after it move. */
export function insertedMidway(text: string, sentence: string): string
/** `text` with a published figure corrected (see corpus.mjs); undefined when it has no figure to correct. */
export function figureChanged(text: string, restated?: boolean): string | undefined
/** `text`, a report of a corpus of `kind`, with a figure it may correct alone corrected; undefined when it has none. */
export function correctedFigure(text: string, kind?: string): string | undefined
