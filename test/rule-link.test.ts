import { describe, expect, test } from 'vitest'
import { ruleLinkFrom } from '../src/cli/format/rule-link.js'

const installed = '/home/ed/project/node_modules/factmark/docs/rules.md'

describe('the rule reference a fix line names, seen from where the command runs', () => {
  test.each([
    [
      'factmark installed in the project',
      installed,
      '/home/ed/project',
      'node_modules/factmark/docs/rules.md#unknown-metric'
    ],
    ['a folder inside that project', installed, '/home/ed/project/source', `${installed}#unknown-metric`],
    [
      'a project beside a global install',
      '/usr/lib/node_modules/factmark/docs/rules.md',
      '/home/ed/project',
      '/usr/lib/node_modules/factmark/docs/rules.md#unknown-metric'
    ],
    ["factmark's own repository", '/src/factmark/docs/rules.md', '/src/factmark', 'docs/rules.md#unknown-metric']
  ])('%s', (_, reference, cwd, expected) => {
    expect(ruleLinkFrom(cwd, reference)('docs/rules.md#unknown-metric')).toBe(expected)
  })

  test('any other link is left as it is', () => {
    const link = ruleLinkFrom('/home/ed/project', installed)
    expect(link('https://example.org/docs/rules.md#x')).toBe('https://example.org/docs/rules.md#x')
    expect(link('docs/rules.mdx#x')).toBe('docs/rules.mdx#x')
    expect(link('docs/rules.md')).toBe('node_modules/factmark/docs/rules.md')
  })
})
