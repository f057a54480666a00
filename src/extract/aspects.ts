import type { Fact, Metric, MetricKind } from '../model/schema-types.js'

/**
 * Values of the `aspect` attribute: increase and decrease are changes with a sign, improve and
 * worsen are changes whose sign the metric's better direction gives.
 */
export const aspectAttributes = [
  'level',
  'start',
  'target',
  'change',
  'increase',
  'decrease',
  'improve',
  'worsen'
] as const
export type AspectAttribute = (typeof aspectAttributes)[number]

/** The aspect a fact gets from its attribute, before its figure has a say (see figure-meaning.ts). */
export const factAspects: Record<AspectAttribute, Fact['aspect']> = {
  level: 'level',
  start: 'start',
  target: 'target',
  change: 'change',
  increase: 'change',
  decrease: 'change',
  improve: 'change',
  worsen: 'change'
}

export function isAspectAttribute(text: string): text is AspectAttribute {
  return (aspectAttributes as readonly string[]).includes(text)
}

/** Whether the attribute asks for a change of some sort (a figure of places or 持平 is nothing else). */
export function isChangeAttribute(aspect: AspectAttribute | undefined): boolean {
  return aspect !== undefined && factAspects[aspect] === 'change'
}

export type Sign = 1 | -1

/** Which way the words of a change point; the metric turns a way into the sign of its number. */
type Way = 'up' | 'down' | 'better' | 'worse'

const ways: Partial<Record<AspectAttribute, Way>> = {
  increase: 'up',
  decrease: 'down',
  improve: 'better',
  worsen: 'worse'
}

/**
 * The sign of "up" for each kind of metric. A rank goes up as its number goes down: 同比上升4位
 * is 第7 → 第3, a change of −4.
 */
const upSign: Record<MetricKind, Sign> = {
  quantity: 1,
  percent: 1,
  'percentage-point': 1,
  count: 1,
  rank: -1,
  class: 1,
  money: 1,
  index: 1,
  date: 1
}

/** The sign of "better" for each direction: 同比改善10.3% of a lower-is-better index is −10.3%. */
const betterSign: Record<Metric['better'], Sign | undefined> = { higher: 1, lower: -1, neutral: undefined }

/**
 * The sign the figure of a change takes as a value of its metric: −1 for a decrease, for a rank
 * that rises, and for an improvement of what is better lower. Undefined when the aspect asks for
 * better or worse of a metric that has no better direction.
 */
export function changeSign(aspect: AspectAttribute | undefined, metric: Metric): Sign | undefined {
  const way = aspect === undefined ? undefined : ways[aspect]
  if (way === undefined) return 1
  if (way === 'up') return upSign[metric.kind]
  if (way === 'down') return flip(upSign[metric.kind])
  const better = betterSign[metric.better]
  if (better === undefined) return undefined
  return way === 'better' ? better : flip(better)
}

const flip = (sign: Sign): Sign => (sign === 1 ? -1 : 1)
