import matter from 'gray-matter'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import { frontMatterFixes } from '../diagnostics/front-matter-fixes.js'
import { describeSchemaErrors } from '../diagnostics/schema-messages.js'
import type { ReportFrontMatter } from '../model/schema-types.js'
import { validators } from '../model/schemas.js'
import { reservedSlugReason } from './reserved-slugs.js'
import { openSource } from './source-file.js'
import { parseYaml, type YamlSource } from './yaml-source.js'

export interface LoadedReport {
  /** The source file; diagnostics are attached to it. */
  file: VFile
  /** Valid front matter, or undefined when it has errors (reported on `file`). */
  frontMatter: ReportFrontMatter | undefined
  /**
   * The text to parse as Markdown: the file with its front matter blanked
   * out character for character, so that every position in the syntax tree
   * is a position in the file.
   */
  markdown: string
  /** Where a front matter key or list item stands in the file. */
  locate: (path: ReadonlyArray<string | number>) => Position
}

const opening = '---'

/**
 * Read a report: decode it, split off its YAML front matter with
 * gray-matter, parse that with positions, and check it against
 * schema/report.schema.json. `content` is the file's bytes, or its text;
 * `unreadSize` the size of a file too large to read.
 */
export function loadReport(path: string, content: string | Uint8Array, unreadSize?: number): LoadedReport {
  const { file, text: value, readable } = openSource(path, content, unreadSize)

  const nowhere = (): Position => ({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } })
  if (!readable) return { file, frontMatter: undefined, markdown: '', locate: nowhere }
  if (!/^---[ \t]*\r?\n/.test(value)) {
    report(
      file,
      'front-matter-invalid',
      'The report has no front matter: start the file with a `---` line, the YAML keys, and a closing `---` line',
      { line: 1, column: 1 }
    ).note = frontMatterFixes.missing
    return { file, frontMatter: undefined, markdown: value, locate: nowhere }
  }

  let yaml: YamlSource | undefined
  // Passing options also keeps gray-matter from caching the parse by content.
  const parsed = matter(value, {
    engines: {
      yaml: (source: string) => {
        // With CRLF line ends, gray-matter leaves the CR of the last line before `---`, which YAML
        // would keep in the value.
        yaml = parseYaml(source.replace(/\r$/, ''), { line: 1, column: opening.length + 1, offset: opening.length })
        return yaml.data ?? {}
      }
    }
  })
  const bodyStart = value.length - parsed.content.length
  const closed = /\r?\n---[ \t]*(\r?\n|$)/.test(value.slice(opening.length - 1, bodyStart + 1))
  const markdown = value.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + value.slice(bodyStart)

  if (!closed) {
    const { line, column, afterKey } = closingPlace(value)
    report(
      file,
      'front-matter-invalid',
      `The front matter is not closed: end it with a \`---\` line here, ${afterKey === undefined ? '' : `after its last key (line ${afterKey}) and `}before the text of the report`,
      { line, column }
    ).note = frontMatterFixes.notClosed
    return { file, frontMatter: undefined, markdown: value, locate: nowhere }
  }
  // gray-matter skips the engine when the block is empty or only comments.
  const source = yaml ?? parseYaml('', { line: 1, column: opening.length + 1, offset: opening.length })
  for (const error of source.errors)
    report(file, 'front-matter-invalid', `Front matter YAML: ${error.message}`, error.place).note =
      frontMatterFixes.yaml
  for (const control of source.controls)
    report(file, 'control-character', `Front matter: ${control.message}`, control.place)
  const locate = (path: ReadonlyArray<string | number>) => source.locate(path)
  if (source.data === undefined) return { file, frontMatter: undefined, markdown, locate }

  const data = source.data ?? {}
  const validate = validators().report
  if (validate(data)) {
    const reserved = reservedSlugReason(data.slug)
    if (reserved === undefined) return { file, frontMatter: data, markdown, locate }
    report(
      file,
      'front-matter-invalid',
      `Front matter: the slug "${data.slug}" names the report's output folder, and cannot be that: ${reserved}`,
      source.locate(['slug'])
    ).note = frontMatterFixes.slugReserved
    return { file, frontMatter: undefined, markdown, locate }
  }
  const problems = describeSchemaErrors(validate.errors ?? [])
  for (const problem of problems) {
    const place =
      problem.path.length === 0 && problem.part === 'value'
        ? {
            start: { line: 1, column: 1, offset: 0 },
            end: { line: 1, column: opening.length + 1, offset: opening.length }
          }
        : source.locate(problem.path, problem.part)
    // A value written wrong is answered about values; a key missing or unknown, about the keys.
    const fix = problem.part === 'value' && problem.path.length > 0 ? frontMatterFixes.value : frontMatterFixes.schema
    report(file, 'front-matter-invalid', `Front matter: ${problem.message}`, place).note = fix
  }
  return { file, frontMatter: withoutDispensable(data, problems), markdown, locate }
}

/**
 * What a report says of when it came out and where it was found: with an error in these alone, it
 * is compiled without them, so that its facts are checked against the other reports all the same
 * (a date of 2025-02-31 does not turn its levels into ones no report publishes). The error keeps it
 * from being published either way.
 */
const dispensable = new Set<string | number | undefined>(['published', 'url', 'sources'])

/** The front matter without the dispensable keys that have errors, when the rest is valid; else undefined. */
function withoutDispensable(
  data: unknown,
  problems: ReadonlyArray<{ path: ReadonlyArray<string | number> }>
): ReportFrontMatter | undefined {
  const keys = new Set(problems.map((problem) => problem.path[0]))
  if (typeof data !== 'object' || data === null || ![...keys].every((key) => dispensable.has(key))) return undefined
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !keys.has(key)))
  return validators().report(rest) && reservedSlugReason(rest.slug) === undefined ? rest : undefined
}

/**
 * Where the closing `---` of a front matter that has none belongs: the start of the line after its
 * last key, list item or indented line before the first line that is none of these, nor blank, nor
 * a comment (a report's first paragraph); the end of the text when that is its last line. A
 * heading (`# 标题`) reads as a comment and is passed over.
 */
function closingPlace(text: string): { line: number; column: number; afterKey: number | undefined } {
  const lines = text.split(/\r\n|\r|\n/)
  let last = 1
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as string
    if (/^\s*(?:#.*)?$/.test(line)) continue
    if (!/^(?:\s|-\s|[^\s:#][^:]*:(?:\s|$))/.test(line)) break
    last = index + 1
  }
  const afterKey = last > 1 ? last : undefined
  if (last < lines.length) return { line: last + 1, column: 1, afterKey }
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1, afterKey }
}
