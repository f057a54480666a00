import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, test } from 'vitest'
import { loadReport } from '../src/load/front-matter.js'
import { parseMarkdown } from '../src/remark/parse.js'
import { notesOf, seedOriginal as seed, seedNotes, seedRegistry, seedReport } from './helpers/seed.js'

const { path: sourcePath, text: source } = seedReport

/** The text of each block of the report, annotations replaced by their labels. */
function blocks(text: string): string[] {
  const loaded = loadReport(sourcePath, text)
  const tree: Root = parseMarkdown(loaded.markdown)
  // A thematic break closes the numbered sections; it holds no text.
  return tree.children.filter((node) => node.type !== 'thematicBreak').map((node) => toString(node))
}

// The seed's paragraphs are its non-empty lines, without the page footer's registration line.
const seedParagraphs = seed
  .split('\n')
  .filter((line) => line.trim() !== '')
  .filter((line) => !line.startsWith('闽公网安备'))

describe('the annotated seed', () => {
  test('has front matter the loader accepts', () => {
    const loaded = loadReport(sourcePath, source)
    expect(loaded.file.messages.map(String)).toEqual([])
    expect({ ...loaded.frontMatter, ignore: undefined }).toEqual({
      ignore: undefined,
      title: '厦门市生态环境局2025年生态环境保护工作总结',
      issuer: '厦门市生态环境局',
      entity: '厦门市',
      period: '2025',
      language: 'zh-CN',
      slug: 'xiamen-2025'
    })
    // Deliberately untagged dates and ordinals, each a phrase of the text.
    expect(loaded.frontMatter?.ignore).toHaveLength(26)
    for (const phrase of loaded.frontMatter?.ignore ?? []) expect(seed).toContain(phrase)
  })

  test('gives back every paragraph of the seed exactly once annotations are removed', () => {
    expect(seedParagraphs).toHaveLength(33)
    expect(blocks(source)).toEqual(seedParagraphs)
  })

  test('marks the title, each 一、… and each (一)… as headings', () => {
    const tree = parseMarkdown(loadReport(sourcePath, source).markdown)
    const headings = tree.children.flatMap((node) =>
      node.type === 'heading' ? [`${node.depth} ${toString(node)}`] : []
    )
    expect(headings).toEqual([
      '1 厦门市生态环境局2025年生态环境保护工作总结',
      '2 一、对标“作出示范”,加快建设美丽中国样板城市',
      '3 (一)持续深入打好蓝天、碧水、碧海、净土保卫战',
      '3 (二)全力推进中央和省生态环保督察整改',
      '3 (三)积极稳妥推进碳达峰碳中和',
      '2 二、对标“奋勇争先”,着力深化国家生态文明试验区建设',
      '3 (一)深化生态环境准入集成改革',
      '3 (二)全面推进生态环境领域改革',
      '3 (三)全力打造美丽中国示范样板',
      '2 三、对标“闯出新路”,积极助力经济高质量发展',
      '3 (一)积极服务经济稳增长',
      '3 (二)守牢生态环境安全底线',
      '3 (三)开展生态环境领域交流合作',
      '2 四、对标“久久为功”,扎实筑牢一张蓝图绘到底根基',
      '3 (一)强化规划引领',
      '3 (二)强化体系建设',
      '3 (三)强化铁军建设'
    ])
  })

  test('a changed figure in the source shows up as a difference from the seed', () => {
    const altered = source.replace(':fact[2.43]', ':fact[2.44]')
    expect(blocks(altered)).not.toEqual(seedParagraphs)
  })
})

describe('line ends', () => {
  test('a report saved with CRLF line ends compiles to the same facts', async () => {
    const { compileSources } = await import('../src/compile/compile-sources.js')
    const facts = (text: string) => compileSources({ reports: [{ path: sourcePath, text }], registry: seedRegistry })
    const lf = facts(source)
    const crlf = facts(source.replace(/\n/g, '\r\n'))
    expect(notesOf(crlf.diagnostics)).toEqual(seedNotes)
    expect(
      crlf.reports[0]?.bundle.facts.map((fact) => [fact.id, fact.value, fact.source.line, fact.source.column])
    ).toEqual(lf.reports[0]?.bundle.facts.map((fact) => [fact.id, fact.value, fact.source.line, fact.source.column]))
  })
})
