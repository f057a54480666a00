import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'

const directory = fileURLToPath(new URL('../../../templates/', import.meta.url))

let environment: nunjucks.Environment | undefined

/**
 * The nunjucks environment for the pages: templates from templates/, every
 * value escaped unless a template says `| safe` (only for HTML factmark built
 * itself), and a missing variable is an error rather than an empty string.
 */
function templates(): nunjucks.Environment {
  environment ??= new nunjucks.Environment(new nunjucks.FileSystemLoader(directory, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true
  })
  return environment
}

export function render(template: string, view: object): string {
  return templates().render(template, view)
}
