import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { jsonChunks } from '../src/emit/json-chunks.js'

const joined = (value: unknown, indent?: number, depth?: number, wholeAtMost?: number) =>
  [...jsonChunks(value, indent, depth, wholeAtMost)].join('')

describe('jsonChunks', () => {
  const cases: Array<[string, unknown]> = [
    ['a number', 1.5],
    ['a string with a line break and Chinese', '第8\n万'],
    ['null', null],
    ['an empty array', []],
    ['an empty object', {}],
    ['members left out', { a: undefined, b: 1, c: () => 1 }],
    ['only members left out', { a: undefined }],
    ['undefined in an array', [undefined, 1]],
    ['integer keys first', { b: 1, 2: 'x', a: [{ c: { d: [1, 2] } }], 1: [] }],
    ['deep', { points: [{ value: 1, alsoIn: [{ report: 'a' }, { report: 'b' }] }], targets: [] }]
  ]
  test.each(cases)('%s: the text of JSON.stringify', (_name, value) => {
    for (const indent of [0, 2, 4])
      for (const depth of [0, 1, 2, 5])
        for (const wholeAtMost of [0, 20, 16 * 1024])
          expect(joined(value, indent, depth, wholeAtMost)).toBe(JSON.stringify(value, null, indent))
  })

  test('nothing for undefined, as JSON.stringify gives no text', () => {
    expect([...jsonChunks(undefined)]).toEqual([])
  })

  test('a member at a time down to the depth asked, an array at the last level opened whole', () => {
    expect([...jsonChunks({ a: [1, { b: 2 }] }, 2, 2, 0)]).toEqual([
      '{\n  "a": ',
      '[\n    1,\n    {\n      "b": 2\n    }',
      '\n  ]',
      '\n}'
    ])
    expect([...jsonChunks({ a: [[1, 2], [3]] }, 2, 3, 0)]).toEqual([
      '{\n  "a": ',
      '[\n    ',
      '[\n      1,\n      2',
      '\n    ]',
      ',\n    ',
      '[\n      3',
      '\n    ]',
      '\n  ]',
      '\n}'
    ])
  })

  test('the members of an array at the last level opened, 256 to a piece', () => {
    const numbers = Array.from({ length: 600 }, (_, index) => index)
    const text = (from: number, to: number) => numbers.slice(from, to).join(',')
    expect([...jsonChunks(numbers, 0, 1, 0)]).toEqual([
      `[${text(0, 256)}`,
      `,${text(256, 512)}`,
      `,${text(512, 600)}`,
      ']'
    ])
  })

  test('the members of an object at the last level opened, 256 to a piece, those left out left out', () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`f${index}`, index]))
    const text = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, index) => `"f${from + index}":${from + index}`).join(',')
    expect([...jsonChunks({ files: { ...files, gone: undefined }, n: 1 }, 0, 2, 0)]).toEqual([
      '{"files":',
      `{${text(0, 256)}`,
      `,${text(256, 300)}`,
      '}',
      ',"n":1',
      '}'
    ])
    expect([...jsonChunks({ only: { gone: undefined } }, 0, 2, 0)].join('')).toBe('{"only":{}}')
  })

  test('an array or object is one piece at any level when its count of characters is within the bound', () => {
    // Counted as its JSON without layout, each number as 8 characters and each member of an
    // array as one more: 76 for this point, 89 for the list around it.
    const point = { period: '2025', values: [1, 2], source: { line: 3 } }
    const pointText =
      '{\n      "period": "2025",\n      "values": [\n        1,\n        2\n      ],\n      "source": {\n        "line": 3\n      }\n    }'
    expect([...jsonChunks({ list: [point] }, 2, 4, 89)]).toEqual([JSON.stringify({ list: [point] }, null, 2)])
    expect([...jsonChunks({ list: [point] }, 2, 4, 76)]).toEqual([
      '{\n  "list": ',
      `[\n    ${pointText}`,
      '\n  ]',
      '\n}'
    ])
    // Opened, its members that are not go together.
    expect([...jsonChunks({ list: [point] }, 2, 4, 75)]).toEqual([
      '{\n  "list": ',
      '[\n    ',
      pointText.slice(0, -6),
      '\n    }',
      '\n  ]',
      '\n}'
    ])
    expect([...jsonChunks({ list: [point] }, 2, 4, 18)]).toEqual([
      '{\n  "list": ',
      '[\n    ',
      '{\n      "period": "2025"',
      ',\n      "values": ',
      '[\n        1,\n        2',
      '\n      ]',
      ',\n      "source": {\n        "line": 3\n      }',
      '\n    }',
      '\n  ]',
      '\n}'
    ])
  })

  test('the members of a large array that are small, a few hundred to a piece, the large ones opened', () => {
    const large = Array.from({ length: 40 }, (_, index) => index)
    const items = [...Array.from({ length: 300 }, (_, index) => index), large, 'x']
    const numbers = (from: number, to: number) => Array.from({ length: to - from }, (_, at) => from + at).join(',')
    expect([...jsonChunks(items, 0, 3, 50)]).toEqual([
      `[${numbers(0, 256)}`,
      `,${numbers(256, 300)}`,
      ',',
      `[${numbers(0, 40)}`,
      ']',
      ',"x"',
      ']'
    ])
  })

  test('an iterable that is not an array is never one piece with its container, however small', () => {
    expect([...jsonChunks({ list: [1].values() }, 0, 2)]).toEqual(['{"list":', '[', '1', ']', '}'])
  })

  test('a generator above the depth as the array of its items, each made as it is written', () => {
    const made: number[] = []
    function* items(): Generator<{ n: number } | undefined> {
      for (const n of [1, 2]) {
        made.push(n)
        yield { n }
      }
      yield undefined
    }
    const pieces = jsonChunks({ list: items(), none: new Set<number>().values() }, 2, 2)
    expect(pieces.next().value).toBe('{\n  "list": ')
    expect(pieces.next().value).toBe('[\n    ')
    expect(made).toEqual([1])
    expect([...pieces].join('')).toBe(
      '{\n      "n": 1\n    },\n    {\n      "n": 2\n    },\n    null\n  ],\n  "none": []\n}'
    )
    expect(made).toEqual([1, 2])
  })

  test('any JSON value, indented or not, at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2), fc.nat(4), fc.nat(200), (value, indent, depth, whole) => {
        expect(joined(value, indent, depth, whole)).toBe(JSON.stringify(value, null, indent))
      }),
      { numRuns: 500 }
    )
  })
})
