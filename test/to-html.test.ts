import fc from 'fast-check'
import type { Element, ElementContent, Nodes, Properties, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h, s } from 'hastscript'
import { describe, expect, test } from 'vitest'
import { htmlOf } from '../src/emit/html/to-html.js'

describe('htmlOf', () => {
  test.each([
    { tree: h('p', ['a < b & "c"']), html: '<p>a &#x3C; b &#x26; "c"</p>' },
    {
      tree: h('a', { href: '?a=1&b="2"', title: "it's `x`" }, 'x'),
      html: '<a href="?a=1&#x26;b=&#x22;2&#x22;" title="it&#x27;s &#x60;x&#x60;">x</a>'
    },
    {
      tree: h('span.tip.wide', { ariaDescribedBy: ['tip-1', 'tip-2'], dataMetric: 'air.pm25' }),
      html: '<span class="tip wide" aria-describedby="tip-1 tip-2" data-metric="air.pm25"></span>'
    },
    { tree: h('input', { type: 'checkbox', checked: true, disabled: false }), html: '<input type="checkbox" checked>' },
    { tree: h('p', [h('br'), h('img', { src: 'a.png', alt: '' })]), html: '<p><br><img src="a.png" alt=""></p>' },
    {
      tree: h('figure', [s('svg', { viewBox: '0 0 10 10' }, [s('rect', { strokeWidth: 2 }), s('title', '<t>')])]),
      html: '<figure><svg viewBox="0 0 10 10"><rect stroke-width="2"></rect><title>&#x3C;t></title></svg></figure>'
    },
    { tree: h('style', 'a > b { color: red }'), html: '<style>a > b { color: red }</style>' },
    { tree: s('svg', [s('style', 'a > b')]), html: '<svg><style>a > b</style></svg>' },
    {
      tree: h('div', [s('svg', [s('style', '<')]), h('xmp', '<')]),
      html: '<div><svg><style>&#x3C;</style></svg><xmp><</xmp></div>'
    },
    {
      tree: {
        type: 'root',
        children: [
          { type: 'comment', value: '--> x' },
          { type: 'text', value: '\u0000' }
        ]
      } satisfies Root,
      html: '<!----&#x3E; x-->\u0000'
    },
    { tree: h('td', { coords: [1, 2, ''] }), html: '<td coords="1, 2, ,"></td>' }
  ])('$html', ({ tree, html }) => {
    expect(htmlOf(tree)).toBe(html)
    expect(toHtml(tree)).toBe(html)
  })

  test('writes any tree as hast-util-to-html does with its default options', () => {
    fc.assert(
      fc.property(tree, (root) => {
        expect(htmlOf(root)).toBe(toHtml(root))
      }),
      { numRuns: 1500 }
    )
  })
})

// Trees of the nodes, names and values where the two could differ: spaces (HTML, SVG and the HTML
// inside SVG), void elements, raw text, templates, booleans, lists, numbers and every character
// that is escaped somewhere.
const texts = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('<', '&', '"', "'", '`', '>', '\u0000', '-->', '<!--', '--!>', '<!-', '->', ' ', '厦门 “引号”', '𠀀')
)
const tagNames = fc.constantFrom(
  'p',
  'a',
  'span',
  'data',
  'td',
  'br',
  'img',
  'hr',
  'input',
  'BR',
  'svg',
  'g',
  'rect',
  'text',
  'title',
  'desc',
  'foreignObject',
  'script',
  'style',
  'template',
  'custom-tag'
)
const values: Record<string, fc.Arbitrary<Properties[string]>> = {
  className: fc.array(texts, { maxLength: 3 }),
  id: texts,
  href: texts,
  hidden: fc.oneof(fc.boolean(), fc.constantFrom('', 'hidden', 'no')),
  download: fc.oneof(fc.boolean(), fc.constantFrom('', 'download', 'a.csv')),
  checked: fc.oneof(fc.boolean(), fc.constant(0), fc.constant(1)),
  ariaDescribedBy: fc.array(texts, { maxLength: 3 }),
  dataMetric: texts,
  value: fc.oneof(texts, fc.double()),
  tabIndex: fc.oneof(fc.integer(), fc.constant(Number.NaN)),
  coords: fc.array(fc.oneof(fc.integer(), fc.constant('')), { maxLength: 3 }),
  accept: fc.array(texts, { maxLength: 3 }),
  viewBox: texts,
  strokeWidth: fc.oneof(fc.integer(), texts),
  style: texts,
  'odd"name': texts,
  title: fc.oneof(texts, fc.constant(null), fc.constant(undefined))
}
const properties = fc.record(values, { requiredKeys: [] }) as fc.Arbitrary<Properties>

const { node } = fc.letrec<{ node: ElementContent; element: Element }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'medium', withCrossShrink: true },
    fc.record({ type: fc.constant('text' as const), value: texts }),
    fc.record({ type: fc.constant('comment' as const), value: texts }),
    { arbitrary: tie('element'), weight: 4 }
  ),
  element: fc
    .record({
      tagName: tagNames,
      properties,
      children: fc.array(tie('node'), { maxLength: 4 }),
      content: fc.option(fc.array(tie('node'), { maxLength: 2 }), { nil: undefined })
    })
    .map(({ tagName, properties, children, content }): Element => ({
      type: 'element',
      tagName,
      properties,
      children,
      ...(content && { content: { type: 'root', children: content } })
    }))
}))

const tree: fc.Arbitrary<Nodes> = fc.oneof(
  node,
  fc
    .array(fc.oneof(node, fc.constant({ type: 'doctype' as const })), { maxLength: 4 })
    .map((children): Root => ({ type: 'root', children }))
)
