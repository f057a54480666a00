import type { Element } from 'hast'
import { s } from 'hastscript'
import { roundScaled } from '../../model/rounding.js'
import type { SeriesPoint } from '../../model/schema-types.js'

const width = 96
const height = 24
const pad = 3

/**
 * A small drawing of one line of a series for the catalog: hidden from assistive technology, since
 * the values stand in text beside it. Inferred points are hollow, as on the series page; a rank
 * is drawn upside down, 第1 at the top.
 */
export function sparkline(points: readonly Pick<SeriesPoint, 'value' | 'status'>[], inverted: boolean): Element {
  const values = points.map((point) => point.value)
  const low = Math.min(...values)
  const high = Math.max(...values)
  const x = (index: number) =>
    roundScaled(points.length === 1 ? width / 2 : pad + (index * (width - 2 * pad)) / (points.length - 1), 1)
  const y = (value: number) => {
    const share = high === low ? 0.5 : (value - low) / (high - low)
    return roundScaled(inverted ? pad + share * (height - 2 * pad) : height - pad - share * (height - 2 * pad), 1)
  }
  const coordinates = points.map((point, index) => `${x(index)},${y(point.value)}`).join(' ')
  return s('svg.sparkline', { viewBox: `0 0 ${width} ${height}`, ariaHidden: 'true', focusable: 'false' }, [
    ...(points.length > 1 ? [s('polyline', { points: coordinates })] : []),
    ...points.map((point, index) =>
      s('circle', {
        cx: x(index),
        cy: y(point.value),
        r: 2,
        ...(point.status === 'inferred' && { className: ['inferred'] })
      })
    )
  ])
}
