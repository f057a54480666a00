import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { annotationArbitrary } from './annotation-arbitrary.js'

/**
 * Generators of whole reports for the fuzz properties: the seed's real
 * paragraphs, random annotations with real and broken attributes, Chinese
 * numerals and units, Markdown that nests deep, and characters that have no
 * business in a report (controls, bidirectional overrides, lone surrogates,
 * odd line ends).
 */
const seedText = readFileSync(new URL('../fixtures/seed/xiamen-2025.md', import.meta.url), 'utf8')
export const seedRegistry = readFileSync(new URL('../fixtures/seed/metrics.yaml', import.meta.url), 'utf8')

const close = seedText.indexOf('\n---\n', 4) + 5
/** The seed's paragraphs and headings, annotations included. */
const paragraphs = seedText
  .slice(close)
  .split(/\n\n+/)
  .filter((block) => block.trim() !== '')
const metrics = [...seedRegistry.matchAll(/^ {2}([a-z_]+\.[a-z0-9_.]+):$/gm)].map((match) => match[1] as string)

const figures = [
  '17.4',
  '1159万吨',
  '2.5亿元',
  '99.2%',
  '2.1个百分点',
  '第8',
  '前4',
  'Ⅱ类',
  '劣Ⅴ类',
  'Ⅰ~Ⅲ类',
  '三轮',
  '一百零五',
  '4675亩',
  '2021—2024年',
  '2025年第二季度',
  '11-12月',
  '１７．４',
  '17.4123456789012',
  '1e5',
  '0.000',
  '-3',
  '',
  ' ',
  '%',
  '第',
  '10:30'
]
const keys = ['metric', 'unit', 'value', 'period', 'entity', 'aspect', 'base', 'id', 'site', 'round', 'status', 'x', '']
const values = [
  ...metrics.slice(0, 12),
  'air.pm2.5',
  '微克/立方米',
  '万吨',
  '%',
  '个百分点',
  '17.4',
  '',
  '2024',
  '2025-13',
  '2021/2024',
  'increase',
  'decrease',
  'start',
  '隘头 潭',
  '"q"',
  '{',
  '}',
  '<b>',
  '#x',
  '%20'
]
const hostile = [
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\u001b]0;t\u0007',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u2066',
  '\ud800',
  '\udfff',
  '\ufffe',
  '\uffff',
  '\ufeff',
  '\u3000',
  '\r',
  '\r\n',
  '\t',
  '::error::x',
  '##[warning]',
  '<script>x</script>',
  '{{ x }}',
  '{% if %}',
  '&amp;',
  '\\'
]
const markup = [
  '*',
  '_',
  '**',
  '[',
  ']',
  '(',
  ')',
  '`',
  '> ',
  '- ',
  '1. ',
  '# ',
  '```\n',
  '~~~\n',
  ':::note\n',
  ':::\n',
  '<!--',
  '-->',
  '\n',
  '\n\n',
  '    ',
  '[d]: /u',
  '[d]',
  '![a](b)',
  '[链接](https://example.org)',
  '---\n',
  '|',
  ':',
  '::',
  '：',
  '【',
  '】'
]

const annotation = annotationArbitrary({
  names: [':fact', ':fact', ':fact', '::fact', ':fcat', ':note'],
  figures,
  keys,
  values,
  labelLength: 6
})
/** Deep nesting, kept small enough to parse fast but sometimes past the limits. */
const nesting = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((n) => `${'>'.repeat(n)} 引文\n`),
  fc.integer({ min: 1, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- 项\n`).join('')),
  fc.integer({ min: 1, max: 120 }).map((n) => `${'*_'.repeat(n)}深${'_*'.repeat(n)}`),
  fc.integer({ min: 1, max: 40 }).map((n) => `${':a['.repeat(n)}x${']'.repeat(n)}`)
)

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...paragraphs) },
  { weight: 4, arbitrary: annotation },
  { weight: 3, arbitrary: fc.constantFrom(...figures) },
  { weight: 3, arbitrary: fc.constantFrom(...markup) },
  { weight: 2, arbitrary: fc.constantFrom(...hostile) },
  { weight: 1, arbitrary: nesting },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) }
)

const body = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''))

const validFrontMatter = (slug: string) =>
  `---\ntitle: 测试报告\nissuer: 测试局\nentity: 厦门市\nperiod: "2025"\nlanguage: zh-CN\nslug: ${slug}\n---\n\n`
/** Mostly valid front matter, sometimes with a field broken, a hostile value, or none at all. */
const frontMatter = fc.oneof(
  { weight: 6, arbitrary: fc.constant(validFrontMatter('fuzz')) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('title', 'issuer', 'entity', 'period', 'slug', 'language'),
        fc.constantFrom(
          '',
          '[',
          '"\\x1b[2J"',
          '"a\\0b"',
          '!!js/function x',
          '*a',
          '{a: 1}',
          '"2025-13"',
          'schema',
          'con',
          '::error::x',
          '"\u202e"'
        )
      )
      .map(([key, value]) => validFrontMatter('fuzz').replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value}`))
  },
  { weight: 1, arbitrary: fc.constantFrom('', '---\n', '---\ntitle: x\n') }
)

/** A whole report: front matter and body, with its line ends sometimes CRLF or CR. */
export const report = fc
  .tuple(frontMatter, body, fc.constantFrom('\n', '\n', '\r\n', '\r'))
  .map(([head, text, ending]) => (head + text).replace(/\n/g, ending))
