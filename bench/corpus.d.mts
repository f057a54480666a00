/** The kinds of corpus writeCorpus makes: copies of the seed, or of a bureau's reports over the years. */
export const corpusKinds: string[]
/** Make `dir` a source folder of `count` reports of a kind (the seed unless told) and their registry; returns the slugs in file order. */
export function writeCorpus(dir: string, count: number, kind?: string): string[]
