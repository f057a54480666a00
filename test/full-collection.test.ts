import { runInNewContext } from 'node:vm'
import { expect, test } from 'vitest'
import { fullCollection } from '../src/build/full-collection.js'

const heapUsed = () => process.memoryUsage().heapUsed

test('a full collection frees what nothing holds any more, and keeps what is held', () => {
  const collect = fullCollection()
  collect()
  const before = heapUsed()
  // 40 arrays of 100,000 doubles: 32 MB, held past the young generation, so promoted.
  const held: { garbage?: number[][] } = {
    garbage: Array.from({ length: 40 }, (_, row) => Array.from({ length: 100_000 }, (_, at) => row + at + 0.5))
  }
  const kept = Array.from({ length: 10 }, (_, row) => Array.from({ length: 100_000 }, (_, at) => row - at - 0.5))
  const holding = heapUsed()
  expect(holding - before).toBeGreaterThan(35e6)
  expect(held.garbage?.[39]?.[99_999]).toBe(100_038.5)
  delete held.garbage
  collect()
  const after = heapUsed()
  // What is left is the 8 MB still held, and not the 32 MB let go.
  expect(after - before).toBeGreaterThan(7e6)
  expect(after - before).toBeLessThan(16e6)
  expect(kept[9]?.[0]).toBe(8.5)
})

test('the flag that gives gc to a context is put back: code run later sees no gc of its own', () => {
  fullCollection()
  expect(runInNewContext('typeof gc')).toBe('undefined')
  expect(Reflect.has(globalThis, 'gc')).toBe(false)
})
