import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { nameVariants, namingFacts } from '../src/collection/name-variants.js'

const at = (line: number) => ({ start: { line, column: 9 }, end: { line, column: 12 } })
const fact = (entity: string, line: number, dimensions: Record<string, string> = {}) => ({
  entity,
  metric: 'water.section_class',
  dimensions,
  source: { file: 'a.md', line, column: 3, offset: 0, endLine: line, endColumn: 20, endOffset: 17 }
})

/**
 * The names told, as `path: name → names [rule]`, for reports given as [path, front matter's
 * entity, entities of its facts].
 */
function told(reports: ReadonlyArray<readonly [string, string, ...string[]]>): string[] {
  const variants = nameVariants()
  for (const [index, [path, entity, ...facts]] of reports.entries())
    variants.add({ path, entity, place: at(index + 1), facts: facts.map((own, line) => fact(own, line + 10)) })
  return variants
    .told()
    .map(({ use, related }) => `${use.path}: ${use.name} → ${related.map((place) => place.message).join(', ')}`)
}

describe('nameVariants: entities', () => {
  test.each<[string, Array<[string, string, ...string[]]>, string[]]>([
    [
      'one way only',
      [
        ['a', '厦门市'],
        ['b', '厦门市']
      ],
      []
    ],
    [
      'a name without its ending, in fewer reports',
      [
        ['a', '厦门市'],
        ['b', '厦门'],
        ['c', '厦门市']
      ],
      ['b: 厦门 → "厦门市" here']
    ],
    [
      'a name with its ending, in fewer reports',
      [
        ['a', '厦门'],
        ['b', '厦门'],
        ['c', '厦门市']
      ],
      ['c: 厦门市 → "厦门" here']
    ],
    [
      'as many reports each: the name without an ending',
      [
        ['a', '厦门市'],
        ['b', '厦门']
      ],
      ['b: 厦门 → "厦门市" here']
    ],
    [
      'two places that share a name',
      [
        ['a', '吉林省'],
        ['b', '吉林市']
      ],
      []
    ],
    [
      'a name that may be either',
      [
        ['a', '吉林省'],
        ['b', '吉林市'],
        ['c', '吉林']
      ],
      ['c: 吉林 → "吉林省" here, "吉林市" here']
    ],
    [
      'width, spaces and case',
      [
        ['a', 'XM区'],
        ['b', 'ＸＭ区'],
        ['c', 'xm 区'],
        ['d', 'XM区']
      ],
      ['b: ＸＭ区 → "XM区" here', 'c: xm 区 → "XM区" here']
    ],
    [
      'an ending that leaves one character',
      [
        ['a', '沙县'],
        ['b', '沙']
      ],
      []
    ],
    ['a fact of the same report', [['a', '厦门市', '厦门']], ['a: 厦门 → "厦门市" here']],
    [
      'each report once',
      [
        ['a', '厦门市'],
        ['b', '厦门市'],
        ['c', '厦门', '厦门'],
        ['d', '厦门']
      ],
      ['c: 厦门 → "厦门市" here', 'd: 厦门 → "厦门市" here']
    ],
    [
      'facts of other places',
      [
        ['a', '厦门市', '思明区', '湖里区'],
        ['b', '厦门市', '思明']
      ],
      ['b: 思明 → "思明区" here']
    ]
  ])('%s', (_, reports, expected) => {
    expect(told(reports)).toEqual(expected)
  })

  test('says how many reports write each name, and where the first writes it', () => {
    const variants = nameVariants()
    variants.add({ path: 'a.md', entity: '厦门市', place: at(4), facts: [fact('厦门市', 10)] })
    variants.add({ path: 'b.md', entity: '厦门市', place: at(5), facts: [] })
    variants.add({
      path: 'c.md',
      entity: '厦门市',
      place: at(4),
      facts: [fact('厦门市', 10), fact('厦门', 11), fact('厦门', 12)]
    })
    expect(variants.told()).toEqual([
      {
        rule: 'entity-variant',
        use: {
          path: 'c.md',
          name: '厦门',
          // Its line and column: a message gives no offset.
          place: { start: { line: 11, column: 3 }, end: { line: 11, column: 20 } }
        },
        message:
          'The entity "厦门" is written "厦门市" in 3 reports: its facts make lines of their own in the series, and no check across reports compares them with those of "厦门市"; if it is the same place, write "厦门市"',
        related: [{ file: 'a.md', line: 4, column: 9, endLine: 4, endColumn: 12, message: '"厦门市" here' }]
      }
    ])
  })
})

describe('nameVariants: members of a dimension', () => {
  /** The members told, for reports given as [path, metric, site of each fact]. */
  const toldSites = (reports: ReadonlyArray<readonly [string, string, ...string[]]>) => {
    const variants = nameVariants()
    for (const [path, metric, ...sites] of reports)
      variants.add({
        path,
        entity: '厦门市',
        place: at(4),
        facts: sites.map((site, line) => ({ ...fact('厦门市', line + 10, { site }), metric }))
      })
    return variants.told().map(({ rule, use, message }) => `${rule} ${use.path}: ${use.name} | ${message}`)
  }

  test.each<[string, Array<[string, string, ...string[]]>, string[]]>([
    [
      'one way only',
      [
        ['a', 'water.section_class', '南门桥断面'],
        ['b', 'water.section_class', '南门桥断面']
      ],
      []
    ],
    [
      'spaces, width and dashes',
      [
        ['a', 'water.section_class', '南门桥断面', '坂头-石兜水库'],
        ['b', 'water.section_class', '南门桥 断面', '坂头—石兜水库'],
        ['c', 'water.section_class', '南门桥断面', '坂头-石兜水库']
      ],
      [
        'dimension-variant b: 南门桥 断面 | The site of water.section_class "南门桥 断面" is written "南门桥断面" in 2 reports: its facts make lines of their own in the series, and no check across reports compares them with those of "南门桥断面"; if it is the same site, write "南门桥断面"',
        'dimension-variant b: 坂头—石兜水库 | The site of water.section_class "坂头—石兜水库" is written "坂头-石兜水库" in 2 reports: its facts make lines of their own in the series, and no check across reports compares them with those of "坂头-石兜水库"; if it is the same site, write "坂头-石兜水库"'
      ]
    ],
    // A member is compared within its metric's dimension only, and an ending makes no shortening.
    [
      'another metric',
      [
        ['a', 'water.section_class', '南门桥断面'],
        ['b', 'water.drinking_source_class', '南门桥 断面']
      ],
      []
    ],
    [
      'a member without an ending',
      [
        ['a', 'water.section_class', '南门桥断面'],
        ['b', 'water.section_class', '南门桥']
      ],
      []
    ]
  ])('%s', (_, reports, expected) => {
    expect(toldSites(reports)).toEqual(expected)
  })
})

describe('namingFacts', () => {
  // A report's facts, each of an entity and maybe a member of a dimension, from a few names alike.
  const names = fc.constantFrom('厦门市', '厦门', '厦门 市', '泉州市', '南门桥断面', '南门桥 断面')
  const reportFacts = fc.array(
    fc.record({ entity: names, member: fc.option(names, { nil: undefined }), metric: fc.constantFrom('a.x', 'b.y') }),
    { maxLength: 12 }
  )

  test('tells what all the facts of the reports tell, from the facts that first write a name', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(names, reportFacts), { minLength: 1, maxLength: 5 }), (reports) => {
        const toldOf = (naming: boolean) => {
          const variants = nameVariants()
          for (const [index, [entity, given]] of reports.entries()) {
            const facts = given.map(({ entity: own, member, metric }, line) => ({
              ...fact(own, line + 10, member === undefined ? {} : { site: member }),
              metric
            }))
            const place = at(index + 1)
            variants.add({ path: `r${index}.md`, entity, place, facts: naming ? namingFacts(entity, facts) : facts })
          }
          return variants.told()
        }
        expect(toldOf(true)).toEqual(toldOf(false))
      })
    )
  })

  test('keeps of each fact only what the check reads, each fact once', () => {
    const facts = [fact('泉州市', 10, { site: '南门桥断面' }), fact('厦门市', 11), fact('泉州市', 12, { site: '甲' })]
    expect(namingFacts('厦门市', facts)).toEqual([
      {
        entity: '泉州市',
        metric: 'water.section_class',
        dimensions: { site: '南门桥断面' },
        source: { line: 10, column: 3, endLine: 10, endColumn: 20 }
      },
      {
        entity: '泉州市',
        metric: 'water.section_class',
        dimensions: { site: '甲' },
        source: { line: 12, column: 3, endLine: 12, endColumn: 20 }
      }
    ])
  })
})
