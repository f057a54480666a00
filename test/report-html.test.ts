import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { describe, expect, test } from 'vitest'
import { seedBuild } from './helpers/seed-build.js'

const { result, artifacts } = seedBuild()
const html = artifacts.get('xiamen-2025/index.html') ?? ''
const page = fromHtml(html)
const facts = result.reports[0]?.bundle.facts ?? []
const attribute = (node: Element | undefined, name: string) => node?.properties[name]
const byId = (id: string) => selectAll('[id]', page).find((node) => node.properties.id === id)
const decode = (href: unknown) => decodeURIComponent(String(href).slice(1))

describe('the report page', () => {
  test('is one self-contained HTML document in Chinese', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true)
    expect(selectAll('link[rel=stylesheet], script[src], img[src], iframe', page)).toEqual([])
    expect(selectAll('style', page)).toHaveLength(1)
    expect(selectAll('script', page).map((node) => attribute(node, 'type'))).toEqual(['application/ld+json'])
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

  test('links each figure to its row and each row back to its figure', () => {
    const rows = selectAll('.facts tbody tr', page)
    expect(rows).toHaveLength(facts.length)
    for (const [index, fact] of facts.entries()) {
      const figureLink = select('a', byId(fact.id) ?? page)
      expect(decode(attribute(figureLink ?? undefined, 'href'))).toBe(`row:${fact.id}`)
      const row = rows[index]
      expect(attribute(row, 'id')).toBe(`row:${fact.id}`)
      expect(decode(attribute(select('a', row ?? page) ?? undefined, 'href'))).toBe(fact.id)
    }
    // No link of the page points nowhere.
    const ids = new Set(selectAll('[id]', page).map((node) => String(node.properties.id)))
    const dangling = selectAll('a[href^="#"]', page).map((node) => decode(node.properties.href)).filter((id) => !ids.has(id))
    expect(dangling).toEqual([])
  })

  test('describes each fact for hover, focus and screen readers, without script', () => {
    const first = byId('air.pm25@2025')
    const link = select('a', first ?? page)
    const tip = byId(String(attribute(link ?? undefined, 'ariaDescribedBy')))
    expect(attribute(tip, 'role')).toBe('tooltip')
    expect(tip?.children).toEqual([{ type: 'text', value: 'PM2.5年均浓度 · 17.4 μg/m³ · 2025 · 厦门市', position: expect.anything() }])
  })

  test('shows the headline metrics as key figures, with the change the report gives', () => {
    const figures = selectAll('.key-figures li', page).map((node) =>
      selectAll('span', node).map((span) => span.children.map((child) => (child.type === 'text' ? child.value : '')).join(''))
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
    const captions = selectAll('figure.chart figcaption', page).map((node) => node.children.map((child) => (child.type === 'text' ? child.value : '')).join(''))
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
    const json = JSON.parse(script?.children.map((child) => (child.type === 'text' ? child.value : '')).join('') ?? '{}') as Record<string, unknown>
    expect(json['@type']).toBe('Dataset')
    expect(json['name']).toBe('厦门市生态环境局2025年生态环境保护工作总结')
    expect((json['distribution'] as Array<{ contentUrl: string }>).map((file) => file.contentUrl)).toContain('facts.json')
  })

  test('the catalog links every report and its files, which all exist', () => {
    const catalog = fromHtml(artifacts.get('index.html') ?? '')
    const hrefs = selectAll('main a', catalog).map((node) => String(node.properties.href))
    expect(hrefs).toContain('xiamen-2025/index.html')
    for (const href of hrefs) expect(artifacts.has(href)).toBe(true)
  })
})
