import { existsSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import { suggest } from '../src/suggest/suggest.js'
import type { UntaggedFigure } from '../src/suggest/untagged.js'

// Real text the guesser was not written for: the openings of three documents of the bureau, kept beside the
// repository (../shared/corpus), scored against hand-made answers. bench/suggest-corpus.mjs prints the rates.
const corpus = new URL('../../shared/corpus/', import.meta.url)
const fixtures = new URL('fixtures/suggest-corpus/', import.meta.url)

interface Answer {
  line: number
  column: number
  text: string
  metric: string | string[] | null
  aspect?: string
  base?: string
}

const expected = JSON.parse(readFileSync(new URL('expected.json', fixtures), 'utf8')) as {
  files: Record<string, Answer[]>
}
const names = Object.keys(expected.files)
const present = names.every((name) => existsSync(new URL(name, corpus)))

function verdict(answer: Answer, found: readonly UntaggedFigure[]): string | undefined {
  const got = found.find(
    (item) =>
      item.start.line === answer.line &&
      item.start.column < answer.column + answer.text.length &&
      answer.column < item.start.column + item.text.length
  )
  if (!got) return `${answer.line}:${answer.column} ${answer.text}: not found`
  const metric =
    answer.metric === null
      ? got.metric === undefined
      : typeof answer.metric === 'string'
        ? got.metric === answer.metric
        : sameMetrics(got.proposal, answer.metric)
  const right = metric && got.aspect === answer.aspect && got.base === answer.base
  return right ? undefined : `${answer.line}:${answer.column} ${answer.text}: ${got.proposal}`
}

/** A figure said of several things (均) is right when its annotations, one inside the other, name every metric of the answer. */
function sameMetrics(proposal: string, metrics: readonly string[]): boolean {
  const named = [...proposal.matchAll(/metric=([^\s}]+)/g)].map((match) => match[1])
  return named.length === metrics.length && metrics.every((metric) => named.includes(metric))
}

describe.skipIf(!present)('suggest on the openings of the bureau’s other documents', () => {
  // Read when the tests run, not when they are collected: a skipped suite is still collected.
  let results: ReturnType<typeof suggest> = []
  beforeAll(() => {
    const registry = { path: 'source/metrics.yaml', text: readFileSync(new URL('metrics.yaml', fixtures), 'utf8') }
    const reports = names.map((name) => ({ path: name, text: readFileSync(new URL(name, corpus), 'utf8') }))
    results = suggest({ reports, registry })
  })

  test.each(names.map((name, index) => [name, index] as const))(
    '%s: every answer but the misses listed',
    (name, index) => {
      const misses = (expected.files[name] ?? []).flatMap(
        (answer) => verdict(answer, results[index]?.untagged ?? []) ?? []
      )
      const known: Record<string, string[]> = {
        'xiamen-2023-summary-opening.txt': [],
        // 水质优良比例、主要流域国省控断面水质优良比例小流域省断面水质达标率100%: three metrics, but no 均 says
        // so, and no 、 ends the second name; the words read as one name, the last metric's.
        'xiamen-2024-plan-opening.txt': ['3:79 100%: :fact[100%]{metric=water.small_basin_compliance aspect=target}'],
        // Nothing but 水库 tells the reservoirs' class from a monitoring section's, and no alias says 水库:
        // each reservoir is proposed as a site, the metric left to the editor.
        'xiamen-2024-summary-opening.txt': [
          '3:212 Ⅱ类: :fact[:fact[Ⅱ类]{metric=? site=汀溪水库}]{metric=? site=坂头-石兜水库}'
        ]
      }
      expect(misses).toEqual(known[name])
    }
  )
})
