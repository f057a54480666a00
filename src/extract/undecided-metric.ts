import type { Figure } from '../chinese-number/index.js'
import type { Registry } from '../model/compiled.js'
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
 * the figure's form are proposed, so a percentage is never offered a count.
 */
export function undecidedMessage(text: string, figure: Figure | undefined, before: string, registry: Registry): string {
  const proposals = figure === undefined ? [] : proposalsFor(figure, sentenceEnd(before), registry)
  const choose =
    proposals.length > 0
      ? `choose one, e.g. ${proposals.join(', ')}, or another from the registry`
      : 'no metric of the registry is named near it: declare one in the registry and name it here'
  return `The figure "${text}" has no metric yet (metric=?): ${choose}`
}

/** The end of the text before a figure, from the start of its sentence. */
function sentenceEnd(before: string): string {
  const near = before.slice(-reach)
  const cut = Math.max(...['。', ';', '；', '!', '！', '?', '？', '\n'].map((mark) => near.lastIndexOf(mark)))
  return near.slice(cut + 1)
}

function proposalsFor(figure: Figure, before: string, registry: Registry): string[] {
  const ranked: Array<{ id: string; distance: number }> = []
  for (const [id, metric] of registry.metrics) {
    if (!accepts[metric.kind].includes(figure.kind)) continue
    const distances = (metric.aliases ?? []).flatMap((alias) => {
      const at = before.lastIndexOf(alias)
      return at === -1 ? [] : [before.length - (at + alias.length)]
    })
    if (distances.length > 0) ranked.push({ id, distance: Math.min(...distances) })
  }
  ranked.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1))
  return ranked.slice(0, proposalCount).map((entry) => entry.id)
}
