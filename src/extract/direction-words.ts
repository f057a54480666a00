import type { TextDirective } from 'mdast-util-directive'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { Registry } from '../model/compiled.js'
import type { Metric } from '../model/schema-types.js'
import { directionBefore } from '../suggest/comparison-words.js'

/** Which way a change moves its number, by the word that says so and the metric's `better`. */
function signOf(word: string, better: Metric['better']): 1 | -1 | undefined {
  if (word === 'increase') return 1
  if (word === 'decrease') return -1
  const improves = word === 'improve' ? 1 : word === 'worsen' ? -1 : undefined
  if (improves === undefined) return undefined
  return better === 'higher' ? improves : better === 'lower' ? (-improves as 1 | -1) : undefined
}

/**
 * aspect-contradicts-words: a change whose words before it (同比下降) say it moves the other way
 * than its aspect= does. The page would print 下降 beside a chart of a rise, and the series would
 * infer the level of the year before from the wrong sign.
 */
export function tellDirectionWords(node: TextDirective, source: string, registry: Registry, file: VFile): void {
  const aspect = node.attributes?.['aspect']
  const id = node.attributes?.['metric']
  const metric = id ? registry.metrics.get(id) : undefined
  const start = node.position?.start.offset
  if (!aspect || !metric || start === undefined) return
  const said = signOf(aspect, metric.better)
  // The figures of a 分别-list before this one stand between it and its verb: read as their labels.
  const before = source.slice(Math.max(0, start - 200), start).replace(/:fact\[|\]\{[^{}]*\}/g, '')
  const words = directionBefore(before)
  const written = words && signOf(words.aspect, metric.better)
  if (said === undefined || written === undefined || said === written || words === undefined) return
  const reading =
    words.aspect === 'increase' || words.aspect === 'decrease'
      ? `aspect=${words.aspect}`
      : `aspect=${words.aspect}, and for ${id} ${metric.better} is better`
  report(
    file,
    'aspect-contradicts-words',
    `aspect=${aspect} goes the other way than "${words.word}" before it (${words.word} is ${reading})`,
    node.position
  )
}
