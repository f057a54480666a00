import { lstat, realpath, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { compareDiagnostics, toDiagnostic } from '../diagnostics/report.js'
import { folderOf, readSourceFile } from '../load/read-source.js'
import { openSource } from '../load/source-file.js'
import { displayPath } from '../load/sources.js'
import { sourceFolderHint } from '../load/source-folder-hint.js'
import type { Diagnostic } from '../model/compiled.js'
import { isNodeError } from '../model/node-error.js'
import { isInside } from '../model/paths.js'
import { err, ok, type Result } from '../model/result.js'
import { frontMatterText, type ScaffoldFields } from './front-matter-text.js'
import { blocksToMarkdown } from './markdown-text.js'
import { readPlainText, type PlainBlock } from './plain-text.js'
import { reportsWithSlug, slugProblem } from './slug.js'
import { guessFromTitle } from './title-guess.js'

export interface NewReportOptions {
  /** The report's slug: its file is `<src>/<slug>.md` and its output folder `dist/<slug>/`. */
  slug: string
  /** The source folder, which must exist (`factmark init` makes one). Default `source`. */
  src?: string
  /** A plain-text report to turn into the Markdown of the new one (UTF-8, or GB18030 or UTF-16 with a warning). */
  from?: string
  cwd?: string
}

/** A front matter field as written: its value and where it was read from, or undefined when a placeholder stands. */
interface FieldGuess {
  field: 'title' | 'issuer' | 'entity' | 'period'
  value: string | undefined
  /** Where the value was read, for the editor to confirm it: "the title", "the first line of report.txt". */
  from: string
}

export interface NewReport {
  /** The file written, relative to `cwd`. */
  path: string
  /** What was written into it. */
  text: string
  /** One for each of title, issuer, entity and period. */
  guesses: FieldGuess[]
  /** Headings (the title among them) and paragraphs taken from the plain text; 0 without one. */
  headings: number
  paragraphs: number
  /** Warnings about the plain text (its encoding), with `from`'s text to show them in. */
  diagnostics: Diagnostic[]
  source?: { path: string; text: string }
}

/**
 * Why nothing was written: the command line was wrong or a file is in the way (`usage`), or the
 * plain text could not be read as text (`input`, with its diagnostics).
 */
export type NewReportRefusal =
  | { reason: 'usage'; message: string }
  | { reason: 'input'; message: string; diagnostics: Diagnostic[]; source: { path: string; text: string } }

/**
 * Scaffold a report: `<src>/<slug>.md` with its front matter, and from a plain text its title,
 * headings and paragraphs, the front matter guessed from the title. Never overwrites a file, and
 * refuses a slug that another report of the folder already declares.
 */
export async function newReport(options: NewReportOptions): Promise<Result<NewReport, NewReportRefusal>> {
  const cwd = options.cwd ?? process.cwd()
  const slug = options.slug
  const refuse = (message: string) => err({ reason: 'usage' as const, message })
  const problem = slugProblem(slug)
  if (problem !== undefined) return refuse(problem)
  const folder = path.resolve(cwd, options.src ?? 'source')
  const shownFolder = `${displayPath(folder, cwd)}/`
  if (!(await isFolder(folder)))
    return refuse(
      `there is no source folder ${shownFolder}: ${sourceFolderHint(cwd, options.src ?? 'source') ?? 'run `npx factmark init` to start a project first'}`
    )
  const file = path.join(folder, `${slug}.md`)
  const shown = displayPath(file, cwd)
  if (await exists(file)) return refuse(existingMessage(shown))
  const users = await reportsWithSlug(await realpath(folder), slug, cwd)
  if (users.length > 0)
    return refuse(
      `${users.join(', ')} already ${users.length === 1 ? 'has' : 'have'} slug: ${slug}; choose another slug`
    )

  let scaffold: Scaffold = { fields: { slug }, body: '', guesses: blankGuesses(), headings: 0, paragraphs: 0 }
  let input: { path: string; text: string; diagnostics: Diagnostic[] } | undefined
  if (options.from !== undefined) {
    const read = readPlainTextFile(path.resolve(cwd, options.from), cwd)
    if (!read.ok) return err(read.error)
    input = read.value
    scaffold = fromBlocks(slug, readPlainText(input.text), input.path)
  }
  const text = `${frontMatterText(scaffold.fields)}${scaffold.body === '' ? '' : `\n${scaffold.body}`}`
  try {
    await writeFile(file, text, { flag: 'wx' })
  } catch (error) {
    if (isNodeError(error) && error.code === 'EEXIST') return refuse(existingMessage(shown))
    throw error
  }
  const { guesses, headings, paragraphs } = scaffold
  const report: NewReport = { path: shown, text, guesses, headings, paragraphs, diagnostics: input?.diagnostics ?? [] }
  if (input) report.source = { path: input.path, text: input.text }
  return ok(report)
}

interface Scaffold {
  fields: ScaffoldFields
  body: string
  guesses: FieldGuess[]
  headings: number
  paragraphs: number
}

function blankGuesses(): FieldGuess[] {
  return (['title', 'issuer', 'entity', 'period'] as const).map((field) => ({ field, value: undefined, from: '' }))
}

function fromBlocks(slug: string, blocks: readonly PlainBlock[], shownFrom: string): Scaffold {
  const title = blocks.find((block) => block.kind === 'title')?.text
  const guess = title === undefined ? {} : guessFromTitle(title)
  const guesses: FieldGuess[] = [
    { field: 'title', value: title, from: `the first line of ${shownFrom}` },
    { field: 'issuer', value: guess.issuer, from: 'the title' },
    { field: 'entity', value: guess.entity, from: 'the title' },
    {
      field: 'period',
      value: guess.period,
      from: guess.periodReason ? `the title: ${guess.periodReason}` : 'the title'
    }
  ]
  return {
    fields: { slug, title, issuer: guess.issuer, entity: guess.entity, period: guess.period },
    body: blocks.length === 0 ? '' : blocksToMarkdown(blocks),
    guesses: guesses.map((entry) => (entry.value === undefined ? { ...entry, from: '' } : entry)),
    headings: blocks.filter((block) => block.kind !== 'paragraph').length,
    paragraphs: blocks.filter((block) => block.kind === 'paragraph').length
  }
}

/** The plain text of a report, decoded as sources are (see openSource), or why it cannot be read. */
function readPlainTextFile(
  file: string,
  cwd: string
): Result<{ path: string; text: string; diagnostics: Diagnostic[] }, NewReportRefusal> {
  // A text kept outside the project (a download folder) is named as the editor gave it, not as ../../…
  const shown = isInside(file, cwd) ? displayPath(file, cwd) : file
  const read = readSourceFile(file, folderOf(file))
  if (!read.ok && read.error.kind !== 'too-large')
    return err({ reason: 'usage', message: `Cannot read ${shown}: ${read.error.reason}` })
  const tooLarge = !read.ok && read.error.kind === 'too-large' ? read.error.size : undefined
  const opened = openSource(shown, read.ok ? read.value : '', tooLarge)
  const diagnostics = opened.file.messages.map(toDiagnostic).sort(compareDiagnostics)
  const text = String(opened.file.value)
  if (!opened.readable || diagnostics.some((diagnostic) => diagnostic.severity === 'error'))
    return err({
      reason: 'input',
      message: `${shown} cannot be read as a report's text; nothing was written`,
      diagnostics,
      source: { path: shown, text }
    })
  return ok({ path: shown, text, diagnostics })
}

function existingMessage(shown: string): string {
  return `${shown} already exists; new never overwrites a file: choose another slug, or edit that report`
}

async function isFolder(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory()
  } catch {
    return false
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file)
    return true
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return false
    throw error
  }
}
