import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
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

  test('a project whose node_modules/factmark is a link to the package (npm link) is shown the path through the link', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'factmark-rule-link-'))
    try {
      const checkout = path.join(root, 'factmark')
      mkdirSync(path.join(checkout, 'docs'), { recursive: true })
      writeFileSync(path.join(checkout, 'docs/rules.md'), '# Rules\n')
      const project = path.join(root, 'project')
      mkdirSync(path.join(project, 'node_modules'), { recursive: true })
      symlinkSync(checkout, path.join(project, 'node_modules/factmark'))
      const reference = path.join(checkout, 'docs/rules.md')
      expect(ruleLinkFrom(project, reference)('docs/rules.md#x')).toBe('node_modules/factmark/docs/rules.md#x')
      // From the folder above both, the package is below: the path to it; from a project without the link, the whole path.
      expect(ruleLinkFrom(root, reference)('docs/rules.md#x')).toBe('factmark/docs/rules.md#x')
      mkdirSync(path.join(root, 'other'))
      expect(ruleLinkFrom(path.join(root, 'other'), reference)('docs/rules.md#x')).toBe(`${reference}#x`)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  test('any other link is left as it is', () => {
    const link = ruleLinkFrom('/home/ed/project', installed)
    expect(link('https://example.org/docs/rules.md#x')).toBe('https://example.org/docs/rules.md#x')
    expect(link('docs/rules.mdx#x')).toBe('docs/rules.mdx#x')
    expect(link('docs/rules.md')).toBe('node_modules/factmark/docs/rules.md')
  })
})
