import type { Figure } from '../chinese-number/index.js'
import type { Registry } from '../model/compiled.js'
import type { Metric } from '../model/schema-types.js'
import { accepts } from './figure-meaning.js'

/** The metric id `suggest --write` writes when it cannot choose one: the figure is marked, the choice left open. */
export const undecidedMetric = '?'

/** How many metrics the message proposes: enough to choose from, few enough to read. */
const proposalCount = 3

/** How far back, in characters of the source, the words that name a figure are looked for. */
const reach = 40

/**
 * The message for a figure written with `metric=?`: the figure, and the
 * metrics of the registry that could take it, those whose aliases stand
 * nearest before it in its sentence first. Only metrics whose kind accepts
 * the figure's form are proposed, so a percentage is never offered a count;
 * and when the annotation names dimensions (site=…, as `suggest` writes for a
 * place the collection annotates), only metrics that declare them, so that a
 * figure no alias introduces is still offered the metrics it can be.
 */
export function undecidedMessage(
  text: string,
  figure: Figure | undefined,
  before: string,
  registry: Registry,
  dimensions: Readonly<Record<string, string>> = {}
): string {
  const named = Object.entries(dimensions)
  const candidates = [...registry.metrics].filter(
    ([, metric]) => (figure === undefined || accepts[metric.kind].includes(figure.kind)) && declares(metric, named)
  )
  const near = figure === undefined ? [] : nearest(candidates, sentenceEnd(before))
  return `The figure "${text}" has no metric yet (metric=?): ${choice(near, candidates, named, figure && text)}`
}

function choice(
  near: readonly string[],
  candidates: ReadonlyArray<readonly [string, Metric]>,
  named: ReadonlyArray<readonly [string, string]>,
  readable: string | undefined
): string {
  if (near.length > 0) return `choose one, e.g. ${near.join(', ')}, or another from the registry`
  const declare = 'declare one in the registry and name it here'
  if (named.length === 0) return `no metric of the registry is named near it: ${declare}`
  if (candidates.length > 0)
    return `choose one of the metrics that declare ${named.map(([name]) => name).join(' and ')}: ${listed(candidates.map(([id]) => id).sort())}`
  const taking = readable === undefined ? '' : ` that takes "${readable}"`
  return `no metric of the registry${taking} declares ${named.map(([name, value]) => `${name}=${value}`).join(' and ')}: ${declare}`
}

/** Whether a metric declares each dimension named, with the member named among its own when it lists them. */
function declares(metric: Metric, named: ReadonlyArray<readonly [string, string]>): boolean {
  return named.every(([name, value]) => {
    const dimension = metric.dimensions?.[name]
    return dimension !== undefined && (dimension.values === undefined || dimension.values.includes(value))
  })
}

function listed(ids: readonly string[]): string {
  return ids.length > proposalCount
    ? `${ids.slice(0, proposalCount).join(', ')} and ${ids.length - proposalCount} more`
    : ids.join(', ')
}

/** The end of the text before a figure, from the start of its sentence. */
function sentenceEnd(before: string): string {
  const near = before.slice(-reach)
  const cut = Math.max(...['。', ';', '；', '!', '！', '?', '？', '\n'].map((mark) => near.lastIndexOf(mark)))
  return near.slice(cut + 1)
}

function nearest(candidates: ReadonlyArray<readonly [string, Metric]>, before: string): string[] {
  const ranked: Array<{ id: string; distance: number }> = []
  for (const [id, metric] of candidates) {
    const distances = (metric.aliases ?? []).flatMap((alias) => {
      const at = before.lastIndexOf(alias)
      return at === -1 ? [] : [before.length - (at + alias.length)]
    })
    if (distances.length > 0) ranked.push({ id, distance: Math.min(...distances) })
  }
  ranked.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
  return ranked.slice(0, proposalCount).map((entry) => entry.id)
}
