import { expect, test } from 'vitest'
import { checkArtifacts } from '../src/build/check-artifacts.js'
import { seriesIndex } from '../src/emit/series-json.js'

// The site's own JSON files are checked against their schemas before anything is written; one
// rendered from a value at hand is checked by that value, not by its text parsed again.

const emptyIndex = seriesIndex([])
const path = 'series/index.json'

test('a file given with its value is checked by the value, and its text is not parsed', () => {
  expect(() => checkArtifacts([{ path, content: 'not JSON', value: () => emptyIndex }])).not.toThrow()
  expect(() => checkArtifacts([{ path, content: JSON.stringify(emptyIndex), value: () => ({ metrics: [] }) }])).toThrow(
    'series/index.json does not meet its schema'
  )
})

test('a file without its value is checked by its text', () => {
  expect(() => checkArtifacts([{ path, content: JSON.stringify(emptyIndex) }])).not.toThrow()
  expect(() => checkArtifacts([{ path, content: '{"metrics":[]}' }])).toThrow(
    'series/index.json does not meet its schema'
  )
  expect(() => checkArtifacts([{ path, content: 'not JSON' }])).toThrow(SyntaxError)
})
