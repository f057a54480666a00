import type { Initialized } from '../../scaffold/init.js'
import type { NewReport } from '../../scaffold/new-report.js'
import { plural } from '../../model/plural.js'
import { terminalText } from './printable.js'

/** Commands with what each does, in two aligned columns. */
function nextSteps(steps: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...steps.map(([command]) => command.length))
  return ['next:', ...steps.map(([command, what]) => `  ${command.padEnd(width)}   ${what}`)]
}

/** ` --src <dir>` when the source folder is not the default one, so that the commands shown work as printed. */
function srcOption(src: string): string {
  return src === 'source' ? '' : ` --src ${src}`
}

/** What init wrote, and the commands that come next. */
export function formatInit(initialized: Initialized, src: string): string {
  const width = Math.max(...initialized.written.map((file) => file.path.length))
  const lines = initialized.written.map((file) => `wrote ${file.path.padEnd(width)}   ${file.what}`)
  if (initialized.gitignoreKept) lines.push('.gitignore already ignores dist/ and .factmark-cache/')
  lines.push(
    ...nextSteps([
      [`npx factmark new <slug> --from report.txt${srcOption(src)}`, 'add a report from its plain text'],
      [`npx factmark build${srcOption(src)}`, `compile ${src}/ into dist/`]
    ])
  )
  return terminalText(`${lines.join('\n')}\n`)
}

/** What new wrote, each front matter field it guessed or left to fill in, and the commands that come next. */
export function formatNewReport(report: NewReport, src: string): string {
  const taken =
    report.source === undefined
      ? 'front matter to fill in'
      : `${report.headings} ${plural(report.headings, 'heading')} (the title among them) and ${report.paragraphs} ${plural(report.paragraphs, 'paragraph')} from ${report.source.path}`
  const lines = [`wrote ${report.path}: ${taken}`]
  for (const guess of report.guesses)
    if (guess.value !== undefined) lines.push(`guessed ${guess.field}: ${guess.value} (from ${guess.from})`)
  const missing = report.guesses.filter((guess) => guess.value === undefined).map((guess) => guess.field)
  if (missing.length > 0)
    lines.push(
      `to fill in: ${missing.join(', ')} (check fails with front-matter-invalid until ${plural(missing.length, 'it is', 'they are')})`
    )
  // Not in the text: without it, a report is placed in time by its period, which cannot tell a
  // summary of 2024 from a fact sheet of 2024 published after it (see restatement-conflict).
  lines.push(
    'add published: YYYY-MM-DD to the front matter once you know the day it came out: it tells which of two reports that disagree is the later',
    `confirm the front matter of ${report.path}, then annotate the figures:`,
    ...nextSteps([
      [`npx factmark suggest ${report.path}${srcOption(src)}`, 'the figures and a proposed annotation for each'],
      [`npx factmark check ${report.path}${srcOption(src)}`, 'what is left to do']
    ])
  )
  return terminalText(`${lines.join('\n')}\n`)
}
