export const usage = `Usage: factmark <command> [options] [files...]

Commands:
  init      start a project here: source/ with a starter registry and a sample
            report, and dist/ and .factmark-cache/ in .gitignore
  new       add a report: factmark new <slug> [--from report.txt] writes
            source/<slug>.md, its front matter guessed from the text's title
  build     compile source/ into dist/ (facts.json per report); reports
            unchanged since the last build are taken from the cache
  check     validate the sources, report problems and annotation coverage
  suggest   list the figures that carry no annotation, with a proposed one;
            --write puts the proposals into the files, --dry-run shows the diff
  watch     build, serve dist/ on 127.0.0.1 and build again on every save;
            open pages take in the new build, and a save that fails shows
            its problems over the last good page
  verify    check a published tree (factmark verify [dir], default dist) against
            its manifest.json and schemas: missing, extra and changed files

Options:
  --src <dir>      folder with the reports (*.md) and metrics.yaml  [source]
  --out <dir>      build, watch: output folder                      [dist]
  --port <n>       watch: port to serve on, 0 for any free port     [4321]
  --from <file>    new: the report's plain text, one paragraph a line
  --format <fmt>   diagnostics as text, json or github              [text]
  --strict         fail on warnings too
  --no-cache       build: compile every report again (and refill the cache);
                   check: compile every report and read the registry's YAML
                   again, neither taking from a cache nor keeping anything
  --cache-dir <dir>
                   build, check, watch: keep the cache in this folder (not in
                   nor holding the source or output folder), also named by
                   FACTMARK_CACHE_DIR; by default node_modules/.cache/
                   factmark, or the user's cache folder when node_modules
                   is missing or cannot be written
  --jobs <n>       build, check, watch: compile reports on n threads (1: one
                   report at a time, in the least memory), also set by
                   FACTMARK_JOBS; by default one for each core the process may
                   use, within the CPU and memory a container allows
  --timings        build: print each step's time on the wall and in CPU
  --write          suggest: annotate the figures in the files (refuses a file
                   with errors: exit 1)
  --dry-run        suggest: print the diff --write would make, write nothing
  --stubs          suggest: draft a registry metric for each figure whose
                   metric is not guessed, instead of metric=?, and for each
                   figure already written with metric=?
  --verbose        list every warning and note, also when one rule repeats
                   in a file (text output shows the first and a count)
  --min-coverage <percent>
                   check: fail when fewer figures are annotated
  -h, --help       show this help (so does factmark help); after a command,
                   or as factmark help <command>, that command's alone
  -v, --version    show the version

Exit codes: 0 clean, 1 validation errors (verify: any mismatch), 2 usage or
I/O errors (verify: no such folder, or no manifest.json in it).
`

/** Where the description of an option starts, in its line. */
const DESCRIPTION_COLUMN = 19
const WIDTH = 76

/**
 * An option's lines in a command's own help: what it says of that command alone, without the
 * name of the command before it (--no-cache in check's help says what it does to a check).
 */
function ownLines(lines: readonly string[], command: string): string[] {
  const [first = ''] = lines
  const head = /^ {2}\S+(?: <[^>]+>)?/.exec(first)?.[0] ?? ''
  const onOwnLine = first.trimEnd() === head
  // The default, set right at the end of the first line ([4321]), stays where it is.
  const fallback = /\s+(\[[^\]]+\])$/.exec(first)
  const opening = first.slice(DESCRIPTION_COLUMN, fallback ? fallback.index : undefined)
  const text = [onOwnLine ? '' : opening, ...lines.slice(1).map((line) => line.trim())].join(' ').trim()
  // build: …; check: …: the part of each command that names it.
  const parts = text.split(/;\s+(?=[a-z]+(?:, [a-z]+)*: )/)
  const named = parts.map((part) => /^([a-z]+(?:, [a-z]+)*): (.*)$/s.exec(part))
  if (named.every((match) => match === null)) return [...lines]
  const own = parts.flatMap((part, at) => {
    const match = named[at]
    if (!match) return [part]
    return (match[1] ?? '').split(', ').includes(command) ? [match[2] ?? ''] : []
  })
  const words = own.join('; ').split(' ')
  const wrapped: string[] = []
  let line = ''
  for (const word of words) {
    if (line !== '' && DESCRIPTION_COLUMN + line.length + 1 + word.length > WIDTH) {
      wrapped.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  wrapped.push(line)
  const indent = ' '.repeat(DESCRIPTION_COLUMN)
  const [firstLine = '', ...rest] = wrapped
  const shown = `${head.padEnd(DESCRIPTION_COLUMN)}${firstLine}`
  const withDefault = fallback
    ? `${shown.padEnd(first.length - (fallback[1] ?? '').length)}${fallback[1] ?? ''}`
    : shown
  return [...(onOwnLine ? [head, `${indent}${firstLine}`] : [withDefault]), ...rest.map((more) => `${indent}${more}`)]
}

/** The entries of a section of the usage: each line that opens one, with the lines that go on with it. */
function entries(section: string): Array<{ head: string; lines: string[] }> {
  const found: Array<{ head: string; lines: string[] }> = []
  const start = usage.indexOf(`\n${section}:\n`)
  if (start === -1) return found
  for (const line of usage.slice(start + section.length + 3).split('\n')) {
    if (line === '') break
    const opening = /^ {2}(\S+)/.exec(line)
    if (opening?.[1] !== undefined) found.push({ head: opening[1], lines: [line] })
    else found.at(-1)?.lines.push(line)
  }
  return found
}

/** What a command takes after its options, as the README's command line shows it. */
const OPERANDS: Readonly<Record<string, string>> = {
  new: ' <slug>',
  build: ' [files...]',
  check: ' [files...]',
  suggest: ' [files...]',
  verify: ' [dir]'
}

/**
 * The help of one command: its line of the usage, and the lines of the options it takes, as
 * `factmark <command> --help` and `factmark help <command>` print it.
 */
export function commandUsage(command: string, options: readonly string[]): string {
  const described = entries('Commands').find((entry) => entry.head === command)
  const optionLines = entries('Options')
    .filter((entry) => options.some((option) => entry.head === `--${option}`))
    .flatMap((entry) => ownLines(entry.lines, command))
  return [
    `Usage: factmark ${command} [options]${OPERANDS[command] ?? ''}`,
    '',
    ...(described ? described.lines.map((line) => line.replace(/^ {2}\S+ +/, '').trimStart()) : []),
    '',
    'Options:',
    ...optionLines,
    '',
    'factmark --help lists every command and option.',
    ''
  ].join('\n')
}
