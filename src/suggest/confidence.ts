/**
 * How sure a guess is, from 0 to 1: strong evidence (a long alias right
 * beside the figure) that no other metric comes close to. Two metrics with
 * the same evidence share the doubt; weak evidence is doubtful even alone.
 */
export function confidenceOf(best: number, runnerUp: number): number {
  if (best <= 0) return 0
  const margin = best / (best + Math.max(0, runnerUp))
  const strength = 1 - Math.exp(-best / 2)
  return Math.round(margin * strength * 100) / 100
}

/** Below this, a proposal says `metric=?`: an editor decides rather than accepts a coin toss. */
export const CONFIDENT = 0.35
