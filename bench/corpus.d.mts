/** Make `dir` a source folder of `count` copies of the seed and its registry; returns the slugs in file order. */
export function writeCorpus(dir: string, count: number): string[]
