import { newReport } from '../../scaffold/new-report.js'
import { formatNewReport } from '../format/scaffold.js'
import { formatText } from '../format/text.js'
import { ruleLinkFrom } from '../format/rule-link.js'
import { exit, type Call } from '../command-line.js'

export async function run({ files, values, io }: Call): Promise<number> {
  const [slug, ...more] = files
  if (slug === undefined || more.length > 0) {
    io.stderr(`factmark: new takes one slug, the report's name in dist/ (factmark new xiamen-2022)\n`)
    return exit.usage
  }
  const outcome = await newReport({
    slug,
    src: values.src,
    cwd: io.cwd,
    ...(values.from !== undefined && { from: values.from })
  })
  const read = outcome.ok ? outcome.value : outcome.error.reason === 'input' ? outcome.error : undefined
  if (read?.source && read.diagnostics.length > 0)
    io.stdout(
      `${formatText(read.diagnostics, new Map([[read.source.path, read.source.text]]), { ruleLink: ruleLinkFrom(io.cwd) })}\n`
    )
  if (outcome.ok) {
    io.stdout(formatNewReport(outcome.value, values.src))
    return exit.ok
  }
  io.stderr(`factmark: ${outcome.error.message}\n`)
  return outcome.error.reason === 'input' ? exit.invalid : exit.usage
}
