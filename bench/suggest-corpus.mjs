#!/usr/bin/env node
// How well `factmark suggest` names metric, aspect and base on real reports it
// was not written for: the openings of three documents of the same bureau
// (other years, another genre), against the hand-made answers in
// test/fixtures/suggest-corpus/expected.json. Reads the texts from
// ../shared/corpus beside the repository, or from the folder given.
// Run: npm run bench:suggest-corpus [-- folder]
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { suggest } from '../lib/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const folder = path.resolve(process.argv[2] ?? path.join(root, '../shared/corpus'))
const expected = JSON.parse(readFileSync(path.join(root, 'test/fixtures/suggest-corpus/expected.json'), 'utf8'))
const names = Object.keys(expected.files)
if (!names.every((name) => existsSync(path.join(folder, name)))) {
  console.error(`suggest-corpus: the texts are not in ${folder} (give the folder as argument)`)
  process.exitCode = 1
} else {
  const results = await suggest({
    src: path.join(root, 'source'),
    files: names.map((name) => path.join(folder, name)),
    cwd: root
  })
  const tally = { metric: [0, 0], aspect: [0, 0], base: [0, 0] }
  const misses = []
  for (const [index, name] of names.entries()) {
    const found = results[index]?.untagged ?? []
    for (const want of expected.files[name]) {
      const got = found.find((item) => overlaps(item, want))
      const attributes = got ? attributesOf(got.proposal) : {}
      const isFact = want.metric !== null
      const rightMetric =
        got !== undefined &&
        (want.metric === null
          ? got.metric === undefined
          : typeof want.metric === 'string'
            ? got.metric === want.metric
            : sameMetrics(got.proposal, want.metric))
      const rightAspect = got !== undefined && (attributes.aspect ?? 'level') === (want.aspect ?? 'level')
      const rightBase = got !== undefined && attributes.base === want.base
      count(tally.metric, rightMetric)
      if (isFact) {
        count(tally.aspect, rightAspect)
        count(tally.base, rightBase)
      }
      if (!rightMetric || (isFact && !(rightAspect && rightBase))) {
        const answer = [`metric=${[want.metric ?? '?'].flat().join('|')}`]
        if (want.aspect) answer.push(`aspect=${want.aspect}`)
        if (want.base) answer.push(`base=${want.base}`)
        misses.push(
          `  ${name}:${want.line}:${want.column}  ${want.text}  ${got ? got.proposal : '(not found)'}  want ${answer.join(' ')}`
        )
      }
    }
  }
  const rate = ([right, total]) => `${right}/${total} (${((100 * right) / total).toFixed(1)}%)`
  console.log(`metric ${rate(tally.metric)}  aspect ${rate(tally.aspect)}  base ${rate(tally.base)}`)
  console.log(misses.length === 0 ? 'no misses' : `misses:\n${misses.join('\n')}`)
}

// A figure said of several things (均) is right when its annotations, one inside the other, name
// every metric of the answer.
function sameMetrics(proposal, metrics) {
  const named = [...proposal.matchAll(/metric=([^\s}]+)/g)].map((match) => match[1])
  return named.length === metrics.length && metrics.every((metric) => named.includes(metric))
}
function count(pair, right) {
  pair[1] += 1
  if (right) pair[0] += 1
}

function overlaps(item, want) {
  const end = item.start.column + item.text.length
  return item.start.line === want.line && item.start.column < want.column + want.text.length && want.column < end
}

function attributesOf(proposal) {
  const braces = /\{([^}]*)\}$/.exec(proposal)?.[1] ?? ''
  return Object.fromEntries(braces.split(' ').map((pair) => pair.split('=')))
}
