import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { ruleUrl, rules, type RuleId } from '../src/diagnostics/rules.js'

// Every diagnostic ends with where its rule is explained, a path inside the package: an editor who
// installed factmark finds it under node_modules/factmark/, so the file must be in what npm packs.
const repo = new URL('..', import.meta.url)

test('the rule reference every diagnostic links to is packed, with an anchor for each rule', async () => {
  const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: repo
  })
  const [packed] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>
  const files = new Set(packed?.files.map((file) => file.path))
  const ids = Object.keys(rules) as RuleId[]
  const linked = new Set(ids.map((id) => ruleUrl(id).split('#')[0]))
  expect([...linked]).toEqual(['docs/rules.md'])
  expect(files.has('docs/rules.md')).toBe(true)
  const reference = readFileSync(new URL('docs/rules.md', repo), 'utf8')
  const anchors = new Set([...reference.matchAll(/^## `?([a-z0-9-]+)`?/gm)].map((match) => match[1]))
  expect(ids.filter((id) => !anchors.has(id))).toEqual([])
})
