import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { spansOf } from '../src/model/spans.js'

describe('spans answer as a walk over every range would', () => {
  // prettier-ignore
  test.each([
    [[], 0, false, [0, 1], false],
    [[[2, 5]], 2, true, [0, 2], false],
    [[[2, 5]], 5, false, [4, 9], true],
    [[[2, 5], [4, 8]], 7, true, [8, 9], false],
    [[[2, 3], [6, 8]], 4, false, [3, 6], false],
    [[[5, 5]], 5, false, [5, 6], false]
  ] as Array<[Array<[number, number]>, number, boolean, [number, number], boolean]>)('%j', (ranges, offset, covers, [start, end], overlaps) => {
    const spans = spansOf(ranges)
    expect(spans.covers(offset)).toBe(covers)
    expect(spans.overlaps(start, end)).toBe(overlaps)
  })

  test('any ranges', () => {
    const range = fc.tuple(fc.nat(50), fc.nat(10)).map(([start, length]): [number, number] => [start, start + length])
    // Empty ranges share no offset with anything; the walk below would say otherwise of some.
    const nonEmpty = range.map(([start, end]): [number, number] => [start, end + 1])
    fc.assert(
      fc.property(fc.array(nonEmpty, { maxLength: 12 }), fc.nat(60), nonEmpty, (ranges, offset, [start, end]) => {
        const spans = spansOf(ranges)
        expect(spans.covers(offset)).toBe(ranges.some(([from, to]) => from <= offset && offset < to))
        expect(spans.overlaps(start, end)).toBe(ranges.some(([from, to]) => start < to && from < end))
      }),
      { numRuns: 2000 }
    )
  })
})
