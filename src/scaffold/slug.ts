import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { decodeText } from '../load/encoding/decode.js'
import { readSourceFile } from '../load/read-source.js'
import { reservedSlugReason } from '../load/reserved-slugs.js'
import { displayPath } from '../load/sources.js'
import { parseYaml } from '../load/yaml-source.js'
import { readSchema } from '../model/schemas.js'

/** The slug pattern of schema/common.schema.json, so that `new` accepts what the report schema does. */
function slugPattern(): RegExp {
  const common = readSchema('common.schema.json') as { $defs: { slug: { pattern: string } } }
  return new RegExp(common.$defs.slug.pattern, 'u')
}

/** Why a slug cannot name a new report, or undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (!slugPattern().test(slug))
    return `"${slug}" is not a valid slug: write lower-case ASCII letters and digits, in words joined by hyphens (xiamen-2022)`
  const reserved = reservedSlugReason(slug)
  return reserved === undefined ? undefined : `the slug "${slug}" cannot name a report: ${reserved}`
}

/**
 * The reports of a source folder whose front matter declares `slug`, paths relative to `cwd`. The
 * front matter is read as YAML whether or not it is otherwise valid: a report whose other fields
 * are still to be filled in holds its slug all the same.
 */
export async function reportsWithSlug(folder: string, slug: string, cwd: string): Promise<string[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort()
  const found: string[] = []
  for (const name of names) {
    const file = path.join(folder, name)
    const read = readSourceFile(file, folder)
    if (read.ok && declaredSlug(decodeText(read.value).text) === slug) found.push(displayPath(file, cwd))
  }
  return found
}

const frontMatterBlock = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/

function declaredSlug(text: string): unknown {
  const block = frontMatterBlock.exec(text)?.[1]
  if (block === undefined) return undefined
  const data = parseYaml(block).data
  return typeof data === 'object' && data !== null && 'slug' in data ? data.slug : undefined
}
