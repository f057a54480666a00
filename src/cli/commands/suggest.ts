import { suggest, suggestWrite } from '../../api.js'
import { formatSuggestions } from '../format/suggestions.js'
import { formatSuggestWrite } from '../format/suggest-write.js'
import { exit, type Call } from '../command-line.js'

export async function run(call: Call): Promise<number> {
  const { files, values, format, io } = call
  if (values.write || values['dry-run'] || values.stubs) return runSuggestWrite(call)
  const suggestions = await suggest({ src: values.src, files, cwd: io.cwd })
  io.stdout(formatSuggestions(suggestions, format))
  // A text that could not be read has figures nobody listed.
  return suggestions.some((result) => result.refused) ? exit.invalid : exit.ok
}

async function runSuggestWrite({ files, values, format, io }: Call): Promise<number> {
  const dryRun = values['dry-run']
  // Either may be what was meant: writing nothing, or writing. Neither is taken for the other.
  if (values.write && dryRun) {
    io.stderr(`factmark: suggest takes --write or --dry-run, not both: --dry-run shows what --write would change\n`)
    return exit.usage
  }
  if (!values.write && !dryRun) {
    io.stderr(`factmark: --stubs drafts metrics for suggest --write or --dry-run\n`)
    return exit.usage
  }
  if (format === 'github') {
    io.stderr(`factmark: suggest --write reports as text or json, not github\n`)
    return exit.usage
  }
  const result = await suggestWrite({ src: values.src, files, cwd: io.cwd, stubs: values.stubs, dryRun })
  io.stdout(formatSuggestWrite(result, format, dryRun))
  return result.refused.length > 0 ? exit.invalid : exit.ok
}
