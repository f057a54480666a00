/** A report of the test city with `blocks` of Markdown, its front matter ending in `more` lines. */
export const reportOf = (blocks: readonly string[], more: readonly string[] = []): string =>
  [
    '---',
    'title: 测试市2025年工作总结',
    'issuer: 测试局',
    'entity: 测试市',
    'period: "2025"',
    'language: zh-CN',
    'slug: test',
    ...more,
    '---',
    '',
    blocks.join('\n\n'),
    ''
  ].join('\n')
