import { parse, stringify } from 'yaml'

/** The front matter of a new report; a field left undefined is written as a placeholder to fill in. */
export interface ScaffoldFields {
  title?: string | undefined
  issuer?: string | undefined
  entity?: string | undefined
  period?: string | undefined
  slug: string
}

type Guessable = Exclude<keyof ScaffoldFields, 'slug'>

/**
 * What each field holds, said beside its placeholder. The placeholder is an empty string, which
 * the report schema refuses: `factmark check` fails with front-matter-invalid until it is filled.
 */
const placeholders: Readonly<Record<Guessable, string>> = {
  title: 'the title as printed',
  issuer: 'the body that published the report, e.g. 厦门市生态环境局',
  entity: 'whom the figures are about, e.g. 厦门市',
  period: 'the year the figures are of, quoted: "2024"'
}

const guessable: readonly Guessable[] = ['title', 'issuer', 'entity', 'period']

/** The front matter block, `---` lines included, in the order of the report schema's required keys. */
export function frontMatterText(fields: ScaffoldFields): string {
  const lines = guessable.map((key) => {
    const value = fields[key]
    return value === undefined ? `${key}: "" # fill in: ${placeholders[key]}` : `${key}: ${scalar(value)}`
  })
  return ['---', ...lines, 'language: zh-CN', `slug: ${fields.slug}`, '---', ''].join('\n')
}

/**
 * A value as YAML writes it: quoted where it would read as a number, a date or syntax, and on one
 * line. The yaml library writes an ideographic space alone unquoted, and reads it back as null:
 * a value that does not read back as itself is written as a double-quoted (JSON) string.
 */
function scalar(value: string): string {
  const plain = stringify(value, { lineWidth: 0 }).trimEnd()
  return readsBack(plain, value) ? plain : JSON.stringify(value)
}

function readsBack(written: string, value: string): boolean {
  try {
    return (parse(`value: ${written}`) as { value?: unknown } | null)?.value === value
  } catch {
    return false
  }
}
