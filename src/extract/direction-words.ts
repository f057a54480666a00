import type { TextDirective } from 'mdast-util-directive'
import type { VFile } from 'vfile'
import { report } from '../diagnostics/report.js'
import type { Registry } from '../model/compiled.js'
import type { Fact, Metric } from '../model/schema-types.js'
import { previousPeriod } from '../model/period.js'
import { comparisonBefore, directionBefore } from '../suggest/comparison-words.js'

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
  const words = directionBefore(wordsBefore(source, start))
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

/**
 * change-base-missing: a change with no base= whose words compare it with an earlier period
 * (比上年提高1.2个百分点, 较2024年下降). Without base= no check across reports can read it against the
 * levels of its two periods, and the series cannot place it: it would pass every check unread.
 */
export function tellMissingBase(node: TextDirective, fact: Fact, source: string, file: VFile): void {
  const start = node.position?.start.offset
  if ((fact.aspect !== 'change' && fact.aspect !== 'relative-change') || fact.basePeriod !== undefined) return
  if (start === undefined) return
  const compared = comparisonBefore(wordsBefore(source, start))
  if (!compared) return
  const base = compared.year ?? previousPeriod(fact.period)
  const add = base === undefined ? 'add base= the period it is measured from' : `add base=${base}`
  report(
    file,
    'change-base-missing',
    `The change "${fact.text}" has no base=, but "${compared.word}" before it compares it with ${compared.year ?? 'the period before'}: ${add}, so that it is checked against the levels of both periods`,
    node.position
  )
}

/** The words before an annotation, the figures of a 分别-list before it read as their labels. */
function wordsBefore(source: string, start: number): string {
  return source.slice(Math.max(0, start - 200), start).replace(/:fact\[|\]\{[^{}]*\}/g, '')
}
