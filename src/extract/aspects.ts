import type { Fact } from '../model/schema-types.js'

/** Values of the `aspect` attribute: increase and decrease are changes with a sign. */
export const aspectAttributes = ['level', 'start', 'target', 'change', 'increase', 'decrease'] as const
export type AspectAttribute = (typeof aspectAttributes)[number]

/** The aspect a fact gets from its attribute, before its figure has a say (see figure-meaning.ts). */
export const factAspects: Record<AspectAttribute, Fact['aspect']> = {
  level: 'level',
  start: 'start',
  target: 'target',
  change: 'change',
  increase: 'change',
  decrease: 'change'
}

export function isAspectAttribute(text: string): text is AspectAttribute {
  return (aspectAttributes as readonly string[]).includes(text)
}
