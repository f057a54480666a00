import { readFileSync } from 'node:fs'
import type { Element, ElementContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toHtml } from 'hast-util-to-html'
import { describe, expect, test } from 'vitest'
import { renderArtifacts } from '../src/build/render-artifacts.js'
import { factAnchor } from '../src/emit/html/anchors.js'
import { forbiddenInPage } from '../src/emit/html/safe-text.js'
import { withControlCharacters } from './helpers/adversarial.js'
import { seedBuild, textArtifacts } from './helpers/seed-build.js'
import { compileSeriesFixture } from './helpers/series-fixture.js'
import { compileFixture } from './helpers/tools.js'

const { result, artifacts } = seedBuild()
const filterScript = readFileSync(new URL('../templates/facts-filter.js', import.meta.url), 'utf8')
const html = artifacts.get('xiamen-2025/index.html') ?? ''
const page = fromHtml(html)
const facts = result.reports[0]?.bundle.facts ?? []
const attribute = (node: Element | undefined, name: string) => node?.properties[name]
const text = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(text).join('') : ''
const byIdIn = (tree: ReturnType<typeof fromHtml>, id: string) =>
  selectAll('[id]', tree).find((node) => node.properties.id === id)
const byId = (id: string) => byIdIn(page, id)
const decode = (href: unknown) => decodeURIComponent(String(href).slice(1))

describe('the report page', () => {
  test('is one self-contained HTML document in Chinese', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true)
    expect(selectAll('link[rel=stylesheet], script[src], img[src], iframe', page)).toEqual([])
    expect(selectAll('style', page)).toHaveLength(1)
    expect(selectAll('script', page).map((node) => attribute(node, 'type'))).toEqual(['application/ld+json', undefined])
    // The one script that runs is the facts table's filter, as written in templates/, whatever the report holds.
    const script = selectAll('script', page)[1]
    expect(script && text(script).trim()).toBe(filterScript.trim())
  })

  test('renders every fact as a <data> element with its id, value, metric, unit and period', () => {
    const elements = selectAll('article data.fact', page)
    expect(elements).toHaveLength(facts.length)
    expect(facts).toHaveLength(128)
    for (const [index, fact] of facts.entries()) {
      const node = elements[index]
      expect(attribute(node, 'id')).toBe(fact.id)
      expect(attribute(node, 'value')).toBe(String(fact.value))
      expect(attribute(node, 'dataMetric')).toBe(fact.metric)
      expect(attribute(node, 'dataUnit')).toBe(fact.unit)
      expect(attribute(node, 'dataPeriod')).toBe(fact.period)
    }
  })

  test('gives each <data> element what else its record says the number is: base period, bound, precision, dimensions, revision', () => {
    const read = (tree: ReturnType<typeof fromHtml>) =>
      selectAll('article data.fact', tree).map((node) => ({
        id: attribute(node, 'id'),
        basePeriod: attribute(node, 'dataBasePeriod'),
        bound: attribute(node, 'dataBound'),
        decimals: attribute(node, 'dataDecimals'),
        dimensions: attribute(node, 'dataDimensions'),
        revises: attribute(node, 'dataRevises')
      }))
    const recorded = (list: typeof facts) =>
      list.map((fact) => ({
        id: fact.id,
        basePeriod: fact.basePeriod,
        bound: fact.bound,
        decimals: fact.decimals === undefined ? undefined : String(fact.decimals),
        dimensions: Object.keys(fact.dimensions).length === 0 ? undefined : JSON.stringify(fact.dimensions),
        revises: fact.revises
      }))
    const seed = read(page)
    expect(seed).toEqual(recorded(facts))
    const count = (list: typeof seed) =>
      Object.fromEntries(
        (['basePeriod', 'bound', 'decimals', 'dimensions', 'revises'] as const).map((key) => [
          key,
          list.filter((entry) => entry[key] !== undefined).length
        ])
      )
    expect(count(seed)).toEqual({ basePeriod: 2, bound: 1, decimals: 127, dimensions: 40, revises: 0 })
    expect(seed.find((entry) => entry.id === 'water.section_class@2025:site=隘头潭国控断面')?.dimensions).toBe(
      '{"site":"隘头潭国控断面"}'
    )
    // A report that revises another's figure says so on the figure.
    const series = compileSeriesFixture()
    const later = fromHtml(textArtifacts(renderArtifacts(series)).get('series-2025/index.html') ?? '')
    const revising = read(later).filter((entry) => entry.revises !== undefined)
    expect(revising).toEqual(
      recorded(series.reports[1]?.bundle.facts.filter((fact) => fact.revises !== undefined) ?? [])
    )
    expect(revising.map((entry) => `${String(entry.id)} ${String(entry.revises)}`)).toEqual([
      'air.pm25@2024 series-2024'
    ])
  })

  test('links each figure to its row and each row back to its figure', () => {
    const rows = selectAll('.facts tbody tr', page)
    expect(rows).toHaveLength(facts.length)
    for (const [index, fact] of facts.entries()) {
      const figureLink = select('a', byId(fact.id) ?? page)
      expect(decode(attribute(figureLink ?? undefined, 'href'))).toBe(`row:${fact.id}`)
      const row = rows[index]
      expect(attribute(row, 'id')).toBe(`row:${fact.id}`)
      expect(decode(attribute(select('a[href^="#"]', row ?? page) ?? undefined, 'href'))).toBe(fact.id)
    }
    // No link of the page points nowhere.
    const ids = new Set(selectAll('[id]', page).map((node) => String(node.properties.id)))
    const dangling = selectAll('a[href^="#"]', page)
      .map((node) => decode(node.properties.href))
      .filter((id) => !ids.has(id))
    expect(dangling).toEqual([])
  })

  test('describes each fact for hover, focus and screen readers, without script, with what its metric measures', () => {
    const first = byId('air.pm25@2025')
    const link = select('a', first ?? page)
    const tip = byId(String(attribute(link ?? undefined, 'ariaDescribedBy')))
    expect(attribute(tip, 'role')).toBe('tooltip')
    expect(
      tip?.children.map((child) => [child.type === 'element' ? attribute(child, 'className') : '', text(child)])
    ).toEqual([
      ['', 'PM2.5年均浓度 · 17.4 μg/m³ · 2025 · 厦门市'],
      [['tip-definition'], ' 全年细颗粒物(PM2.5)日均浓度的算术平均值,单位微克/立方米。']
    ])
  })

  test('shows the headline metrics as key figures, with the change the report gives', () => {
    const figures = selectAll('.key-figures li', page).map((node) =>
      selectAll('span', node).map((span) =>
        span.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
      )
    )
    expect(figures).toEqual([
      ['环境空气质量综合指数', '2.43'],
      ['空气质量综合指数全国排名', '第8'],
      ['空气质量优良天数比例', '99.2%'],
      ['PM2.5年均浓度', '17.4 μg/m³'],
      ['主要流域国省控断面水质优良比例', '100%'],
      ['近岸海域优良水质面积比例', '93.8%', '较2024 +2.1 个百分点']
    ])
  })

  test('has a table of contents of every section', () => {
    const entries = selectAll('nav.toc a', page).map((node) => decode(node.properties.href))
    expect(entries).toHaveLength(17)
    for (const id of entries) expect(byId(id)).toBeDefined()
  })

  test('draws the charts the data calls for, each with a text alternative', () => {
    const figures = selectAll('figure.chart', page)
    expect(figures.map((node) => (node.properties.className as string[]).join(' '))).toEqual([
      'chart chart-from-to',
      'chart chart-level-change',
      'chart chart-parts',
      'chart chart-parts',
      'chart chart-parts',
      'chart chart-parts'
    ])
    const captions = selectAll('figure.chart figcaption', page).map((node) =>
      node.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
    )
    expect(captions).toEqual([
      '主要流域国省控断面优质水(Ⅰ~Ⅱ类)比例在2025由50%变为66.7%。',
      '近岸海域优良水质面积比例在2025为93.8%,较2024变化+2.1 个百分点;2024的值91.7%由此推算。',
      '省三督督察交办信访件数共92,其中已办结 76,阶段性办结 16。',
      '中三督督察交办信访件数共517,其中验收销号 512,阶段性办结 4,已办结待验收 1。',
      '中三督督察整改任务数共17,其中完成整改 10,按序时推进 7。',
      '省二督督察整改任务数共17,其中明确时限已完成 8,立行立改长期坚持 9。'
    ])
    for (const svg of selectAll('figure.chart svg', page)) {
      expect(attribute(svg, 'role')).toBe('img')
      const [titleId, descId] = attribute(svg, 'ariaLabelledBy') as string[]
      expect(select('title', svg)?.properties.id).toBe(titleId)
      expect(select('desc', svg)?.properties.id).toBe(descId)
    }
  })

  test('describes the dataset in JSON-LD, pointing at its data files', () => {
    const script = select('script[type="application/ld+json"]', page)
    const json = JSON.parse(
      script?.children.map((child) => (child.type === 'text' ? child.value : '')).join('') ?? '{}'
    ) as Record<string, unknown>
    expect(json['@type']).toBe('Dataset')
    expect(json['name']).toBe('厦门市生态环境局2025年生态环境保护工作总结')
    expect((json['distribution'] as Array<{ contentUrl: string }>).map((file) => file.contentUrl)).toContain(
      'facts.json'
    )
  })

  test('the catalog links every report and its files, which all exist', () => {
    const catalog = fromHtml(artifacts.get('index.html') ?? '')
    const hrefs = selectAll('main a', catalog).map((node) => String(node.properties.href))
    expect(hrefs).toContain('xiamen-2025/index.html')
    for (const href of hrefs) expect(artifacts.has(href)).toBe(true)
  })
})

describe('a page of any input', () => {
  const adversarial = compileFixture('adversarial')
  const rendered = new Map(renderArtifacts(adversarial).map((artifact) => [artifact.path, artifact.content]))
  const adversarialHtml = rendered.get('adversarial/index.html') ?? ''
  const adversarialPage = fromHtml(adversarialHtml)
  const adversarialFacts = adversarial.reports[0]?.bundle.facts ?? []
  const controls = textArtifacts(renderArtifacts(withControlCharacters(adversarial)))

  test('compiles the adversarial fixture without a problem', () => {
    expect(adversarial.diagnostics).toEqual([])
    expect(adversarialFacts).toHaveLength(22)
  })

  test('renders a fact inside a link with its <data> and description but no link of its own', () => {
    const link = selectAll('article a', adversarialPage).find(
      (node) => node.properties.href === 'https://example.org/pm25' && select('data', node)
    )
    expect(toHtml(link ?? adversarialPage)).toBe(
      '<a href="https://example.org/pm25" aria-describedby="tip-2">PM2.5浓度为<data class="fact" id="air.pm25@2025" value="17.4" data-metric="air.pm25" data-unit="ug/m3" data-period="2025" data-entity="测试市" data-aspect="level" data-decimals="1">17.4<span class="tip" id="tip-2" role="tooltip">PM2.5年均浓度 · 17.4 μg/m³ · 2025 · 测试市<span class="tip-definition"> 全年PM2.5日均浓度的算术平均值,单位微克/立方米。</span></span></data></a>'
    )
  })

  test('renders a fact whose label holds a link with the label’s link only', () => {
    const fact = byIdIn(adversarialPage, 'air.pm25@2025:entity=链接区')
    expect(toHtml(fact ?? adversarialPage)).toBe(
      '<data class="fact" id="air.pm25@2025:entity=链接区" value="18.2" data-metric="air.pm25" data-unit="ug/m3" data-period="2025" data-entity="链接区" data-aspect="level" data-decimals="1"><a href="https://example.org/pm25" aria-describedby="tip-5">18.2</a><span class="tip" id="tip-5" role="tooltip">PM2.5年均浓度 · 18.2 μg/m³ · 2025 · 链接区<span class="tip-definition"> 全年PM2.5日均浓度的算术平均值,单位微克/立方米。</span></span></data>'
    )
  })

  test('nests no link in another, and keeps a fact’s own link outside links', () => {
    expect(selectAll('a a', adversarialPage)).toEqual([])
    const own = selectAll('article data.fact > a[href^="#row"]', adversarialPage)
    // Five facts stand in a link (one a reference to a definition) or hold one; a reference to no
    // definition is no link.
    expect(own).toHaveLength(adversarialFacts.length - 5)
  })

  test('gives every element an id HTML allows, once, and every fragment link a target', () => {
    const ids = selectAll('[id]', adversarialPage).map((node) => String(node.properties.id))
    expect(ids.filter((id) => id === '' || /[\t\n\f\r ]/.test(id))).toEqual([])
    expect(ids.length).toBe(new Set(ids).size)
    const dangling = selectAll('a[href^="#"]', adversarialPage)
      .map((node) => decode(node.properties.href))
      .filter((id) => !ids.includes(id))
    expect(dangling).toEqual([])
  })

  test('anchors each figure at its fact id, escaped only where HTML or the page’s own ids need it', () => {
    const anchors = selectAll('article data.fact', adversarialPage).map((node) => String(node.properties.id))
    expect(anchors).toEqual(adversarialFacts.map((fact) => factAnchor(fact.id)))
    expect(anchors.filter((anchor, index) => anchor !== adversarialFacts[index]?.id)).toEqual([
      'water.section_class@2025:site=隘头%20潭%20"甲"%20#1%2050%25%20𠀀',
      'water.section_class@2025:start:site=乙%20断面',
      'water.section_class@2025:site=乙%20断面',
      'enforcement.cases@2025:entity=某%20区',
      'enforcement.cases@2024:entity=某%20区',
      'enforcement.cases@2025:entity=%2541%20区',
      'fact:sec-1',
      'fact:main',
      'fact:tip-1',
      'fact:row:air.pm25@2025',
      'fact:fact:sec-1'
    ])
    const rows = selectAll('.facts tbody tr', adversarialPage)
    for (const [index, fact] of adversarialFacts.entries()) {
      expect(rows[index]?.properties.id).toBe(`row:${factAnchor(fact.id)}`)
      expect(decode(select('a[href^="#"]', rows[index] ?? adversarialPage)?.properties.href)).toBe(factAnchor(fact.id))
    }
  })

  test('lets no control character, noncharacter or lone surrogate reach either page, not even as a reference', () => {
    for (const path of ['adversarial/index.html', 'index.html']) {
      const text = controls.get(path) ?? ''
      expect(text.match(forbiddenInPage)).toBeNull()
      const references = [...text.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)].map(([, code = '']) =>
        String.fromCodePoint(code.startsWith('x') || code.startsWith('X') ? parseInt(code.slice(1), 16) : Number(code))
      )
      expect(references.join('').match(forbiddenInPage)).toBeNull()
    }
    const page = fromHtml(controls.get('adversarial/index.html') ?? '')
    expect(select('title', page)?.children).toEqual([
      { type: 'text', value: `报告${'\uFFFD'.repeat(14)}标题`, position: expect.anything() }
    ])
    const catalog = fromHtml(controls.get('index.html') ?? '')
    expect(select('.catalog h2 a', catalog)?.children).toEqual([
      { type: 'text', value: `报告${'\uFFFD'.repeat(14)}标题`, position: expect.anything() }
    ])
  })

  test('shows a title of blanks, which the front matter lets through, as the report’s slug', () => {
    const blank = new Map(
      renderArtifacts(compileFixture('blank-title')).map((artifact) => [artifact.path, artifact.content])
    )
    expect(select('title', fromHtml(blank.get('blank-title/index.html') ?? ''))?.children).toEqual([
      { type: 'text', value: 'blank-title', position: expect.anything() }
    ])
    expect(select('.catalog h2 a', fromHtml(blank.get('index.html') ?? ''))?.children).toEqual([
      { type: 'text', value: 'blank-title', position: expect.anything() }
    ])
  })
})
