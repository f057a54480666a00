import { expect, test } from 'vitest'
import { collectNow, growthSetBy, heapCeiling } from '../src/build/tight-heap.js'

const cases: Array<[string, string[], string | undefined, boolean]> = [
  ['nothing set', [], undefined, false],
  ['other flags', ['--max-old-space-size=4096', '--enable-source-maps'], '--trace-warnings', false],
  ['in node’s arguments', ['--heap-growing-percent=20'], undefined, true],
  ['in NODE_OPTIONS', [], '--max-old-space-size=4096 --heap-growing-percent=20', true],
  ['with underscores, as V8 takes it too', ['--heap_growing_percent=20'], undefined, true]
]

test.each(cases)('the growth of the heap set by the process: %s', (_name, execArgv, nodeOptions, set) => {
  expect(growthSetBy(execArgv, nodeOptions)).toBe(set)
})

test('collectNow collects what nothing holds any more, and leaves no gc on the global object', async () => {
  const ref = new WeakRef(Array.from({ length: 1000 }, (_, index) => index))
  // A WeakRef keeps its target until the job that made it ends.
  await new Promise((resolve) => setTimeout(resolve, 0))
  collectNow()
  expect(ref.deref()).toBeUndefined()
  expect('gc' in globalThis).toBe(false)
})

const MB = 1024 * 1024

// Readings of the heap after each part, in MB: [total, used]; after a collection, the next reading is what it left.
const ceilings: Array<[string, Array<[number, number]>, number[]]> = [
  [
    'a heap that stays under half again what it held plus 48 MB',
    [
      [100, 80],
      [150, 120],
      [168, 100]
    ],
    []
  ],
  [
    'a heap past the ceiling is collected, and the ceiling set from what the collection left',
    [
      [100, 80],
      [169, 150],
      [90, 60],
      [138, 100]
    ],
    [1]
  ],
  [
    'each time it grows past it again',
    [
      [100, 80],
      [200, 150],
      [100, 80],
      [200, 190],
      [110, 90]
    ],
    [1, 3]
  ]
]

test.each(ceilings)('heapCeiling: %s', (_name, readings, collectedAfter) => {
  const read = readings.map(([total, used]) => ({ total: total * MB, used: used * MB }))
  let at = 0
  const collected: number[] = []
  const part = heapCeiling({
    size: () => read[at++] ?? { total: 0, used: 0 },
    collect: () => collected.push(at - 1)
  })
  let parts = 0
  while (at < read.length) {
    part()
    parts++
  }
  expect(collected).toEqual(collectedAfter)
  expect(parts).toBe(read.length - collectedAfter.length)
})
