import { expect, test } from 'vitest'
import { growthSetBy } from '../src/build/tight-heap.js'

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
