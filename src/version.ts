import { readFileSync } from 'node:fs'

/** The package version, recorded in every bundle so that consumers know which compiler wrote it. */
export const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version
