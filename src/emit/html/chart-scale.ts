import { roundScaled } from '../../model/rounding.js'

/** A value axis: where a value stands on the drawing, and the values worth a grid line. */
export interface ValueScale {
  ticks: number[]
  /** Decimal places that show every tick apart. */
  decimals: number
  at: (value: number) => number
}

export interface ScaleOptions {
  /** Drawing coordinates of the top and the bottom of the axis. */
  top: number
  bottom: number
  /** Smaller values at the top, for a rank: 第1 is the best place. */
  inverted: boolean
  /** Only whole ticks, for ranks and counts. */
  whole: boolean
  /** The least value the axis may show: 1 for a rank, where 第0 means nothing. */
  least?: number
}

// Steps of 1, 2 or 5 times a power of ten read at a glance; about five of them fit the axis.
const niceSteps = [1, 2, 5, 10]
const tickCount = 5

/** The step between ticks for a span of values: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, whole: boolean): number {
  const raw = span / tickCount
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = (niceSteps.find((factor) => factor * power >= raw) ?? 10) * power
  return whole ? Math.max(1, Math.round(step)) : step
}

/** A linear scale over `values` with round ticks around them; one value, or equal ones, get room around them. */
export function valueScale(values: readonly number[], options: ScaleOptions): ValueScale {
  let low = Math.min(...values)
  let high = Math.max(...values)
  if (!Number.isFinite(low) || !Number.isFinite(high)) [low, high] = [0, 1]
  if (low === high) {
    const room = Math.abs(low) / 10 || 1
    low -= room
    high += room
  }
  const step = niceStep(high - low, options.whole)
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9))
  const first = Math.floor(low / step) * step
  const last = Math.ceil(high / step) * step
  const ticks: number[] = []
  for (let n = 0; first + n * step <= last + step / 2; n++) {
    const tick = roundScaled(first + n * step, decimals)
    if (options.least === undefined || tick >= options.least) ticks.push(tick)
  }
  // The best place is worth a line of its own: 第1 at the top of a rank.
  if (options.least !== undefined && first < options.least && ticks[0] !== options.least) ticks.unshift(options.least)
  const from = ticks[0] ?? low
  const to = ticks.at(-1) ?? high
  const height = options.bottom - options.top
  return {
    ticks,
    decimals,
    at: (value) => {
      const share = (value - from) / (to - from || 1)
      return roundScaled(options.inverted ? options.top + share * height : options.bottom - share * height, 1)
    }
  }
}
