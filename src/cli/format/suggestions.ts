import type { Suggestions } from '../../suggest/suggest.js'
import type { UntaggedFigure } from '../../suggest/untagged.js'
import { workflowCommand } from './github.js'
import { guardLines, jsonText, printable } from './printable.js'
import { plural } from '../../model/plural.js'

/** suggest's output: each untagged figure with its position and proposed annotation. */
export function formatSuggestions(results: readonly Suggestions[], format: 'text' | 'json' | 'github'): string {
  const count = results.reduce((sum, result) => sum + result.untagged.length, 0)
  if (format === 'json') {
    const files = results.map((result) => ({
      file: result.path,
      untagged: result.untagged.map((item) => ({
        line: item.start.line,
        column: item.start.column,
        endLine: item.end.line,
        endColumn: item.end.column,
        text: item.text,
        kind: item.figure.kind,
        value: item.figure.value,
        unit: item.figure.unit,
        ...(item.metric !== undefined && { metric: item.metric }),
        ...(item.shared !== undefined && { shared: item.shared }),
        confidence: item.confidence,
        ...(item.aspect !== undefined && { aspect: item.aspect }),
        ...(item.base !== undefined && { base: item.base }),
        proposal: item.proposal,
        ...(item.needs && { needs: item.needs }),
        ...(item.ignore && { ignore: { phrase: item.ignore.phrase, rule: item.ignore.rule } })
      })),
      ...(result.refused && {
        refused: {
          line: result.refused.start.line,
          column: result.refused.start.column,
          endLine: result.refused.end.line,
          endColumn: result.refused.end.column,
          ruleId: 'input-limit',
          message: result.refused.message
        }
      })
    }))
    return jsonText({ count, files })
  }
  if (format === 'github') {
    return results
      .flatMap((result) => [
        ...(result.refused
          ? [
              workflowCommand(
                'error',
                [
                  ['file', result.path],
                  ['line', result.refused.start.line],
                  ['col', result.refused.start.column],
                  ['title', 'input-limit']
                ],
                [result.refused.message]
              )
            ]
          : []),
        ...result.untagged.map((item) =>
          workflowCommand(
            'notice',
            [
              ['file', result.path],
              ['line', item.start.line],
              ['col', item.start.column],
              ['title', 'untagged-figure']
            ],
            [`${item.text} → ${proposed(item)}`]
          )
        )
      ])
      .join('')
  }
  const lines = results.flatMap((result) => [
    ...(result.refused
      ? [
          `${printable(result.path)}:${result.refused.start.line}:${result.refused.start.column}  not read: ${printable(result.refused.message)} [input-limit]`
        ]
      : []),
    ...result.untagged.map(
      (item) =>
        `${printable(result.path)}:${item.start.line}:${item.start.column}  ${printable(item.text)}  ${printable(proposed(item))}`
    )
  ])
  const files = results.filter((result) => result.untagged.length > 0).length
  const ignored = results.reduce((sum, result) => sum + result.untagged.filter((item) => item.ignore).length, 0)
  const summary =
    count === 0
      ? '✔ every figure is annotated'
      : `${count} untagged ${plural(count, 'figure')} in ${files} ${plural(files, 'file')}${ignored > 0 ? ` (${ignored} to ignore)` : ''}`
  return guardLines([...lines, summary].join('\n') + '\n')
}

/** What suggest --write does with a figure: the phrase it adds to `ignore:`, or the annotation it writes. */
function proposed(item: UntaggedFigure): string {
  return item.ignore ? `ignore: ${item.ignore.phrase}  (${item.ignore.rule})` : item.proposal + needsNote(item.needs)
}

/** What an annotation leaves to the editor: the members its metric requires (list=), which no words of the text gave. */
export function needsNote(needs: readonly string[] | undefined): string {
  if (!needs || needs.length === 0) return ''
  return `  (name its ${needs.map((name) => `${name}=`).join(' ')} too: the metric requires it)`
}
