import { expect, test } from 'vitest'
import { threadLimits } from '../src/build/unit-pool.js'

// Within 2 GB, V8 grows a heap by at most twice what it keeps (see unit-pool.ts): only a build of
// many reports pays the collections that costs.
test.each([
  [0, { maxYoungGenerationSizeMb: 16 }],
  [1, { maxYoungGenerationSizeMb: 16 }],
  [4999, { maxYoungGenerationSizeMb: 16 }],
  [5000, { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 2047 }],
  [10000, { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 2047 }]
])('the threads of %i tasks get the heaps %o', (tasks, limits) => {
  expect(threadLimits(tasks)).toEqual(limits)
})
