/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations } from './helpers/axe.js'
import { seedBuild } from './helpers/seed-build.js'
import { hasChromium, launchChromium, toolsRequired, writeTemporaryDist } from './helpers/tools.js'

const widths = [360, 390, 768, 1280] as const
const headers = ['#', '指标', '原文', '规范值', '期间', '主体与维度', '位置']

describe.skipIf(!hasChromium && !toolsRequired)('the report page on a phone and on a desktop', () => {
  let browser: Browser
  let report: string

  beforeAll(async () => {
    const dist = await writeTemporaryDist(seedBuild().result)
    report = pathToFileURL(path.join(dist, 'xiamen-2025/index.html')).href
    browser = await launchChromium()
  }, 60_000)
  afterAll(() => browser.close())

  async function open(width: number, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled })
    const page = await context.newPage()
    await page.goto(report)
    return page
  }

  for (const width of widths) {
    test(`at ${width} px no element is wider than the viewport, the facts table does not scroll, and no cell is narrower than four characters`, async () => {
      const page = await open(width)
      const measured = await page.evaluate(() => {
        const wide = Array.from(document.querySelectorAll('body *'))
          .filter((element) => {
            const box = element.getBoundingClientRect()
            return box.width > window.innerWidth || box.right > window.innerWidth
          })
          .map((element) => element.tagName.toLowerCase())
        // The header row of the cards is there for screen readers only.
        const header = (document.querySelector('#facts-table thead')?.getBoundingClientRect().height ?? 0) > 1
        const cells = Array.from(document.querySelectorAll<HTMLElement>('#facts-table td, #facts-table th'))
          .filter((cell) => header || cell.closest('thead') === null)
          .map((cell) => cell.getBoundingClientRect().width / parseFloat(getComputedStyle(cell).fontSize))
        const region = document.querySelector('.facts .table-scroll')
        return {
          wide,
          page: document.documentElement.scrollWidth <= window.innerWidth,
          region: region !== null && region.scrollWidth <= region.clientWidth,
          narrowest: Math.min(...cells) >= 4,
          cells: cells.length
        }
      })
      expect(measured).toEqual({ wide: [], page: true, region: true, narrowest: true, cells: width < 600 ? 896 : 903 })
      await page.context().close()
    })

    test(`at ${width} px every tooltip of the text lies inside the viewport when its figure has focus`, async () => {
      const page = await open(width)
      const outside = await page.evaluate(() => {
        const found: string[] = []
        for (const fact of Array.from(document.querySelectorAll('article .fact'))) {
          const link = fact.querySelector<HTMLElement>(':scope > a')
          const tip = fact.querySelector('.tip')
          if (!link || !tip) continue
          link.focus()
          const box = tip.getBoundingClientRect()
          if (box.width === 0 || box.left < 0 || box.right > window.innerWidth) found.push(fact.id)
        }
        return { checked: document.querySelectorAll('article .fact > a').length, outside: found }
      })
      expect(outside).toEqual({ checked: 128, outside: [] })
      await page.context().close()
    })

    test(`axe finds no violation at ${width} px`, async () => {
      const page = await open(width)
      expect(await axeViolations(page)).toEqual([])
      await page.context().close()
    }, 60_000)
  }

  test('axe finds no violation in the cards in the dark', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, colorScheme: 'dark' })
    const page = await context.newPage()
    await page.goto(report)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  }, 60_000)

  test('under 600 px each row is a card whose cells repeat their column headers, and it is still a table to assistive technology', async () => {
    const page = await open(390)
    const cards = await page.evaluate(() => {
      const rows = Array.from(document.querySelectorAll('#facts-table tbody tr'))
      const labels = (row: Element) =>
        Array.from(row.children, (cell) => getComputedStyle(cell, '::before').content.replace(/ \/ ""$/, ''))
      return {
        display: getComputedStyle(rows[0] ?? document.body).display,
        header: Array.from(document.querySelectorAll('#facts-table thead th'), (th) => th.textContent),
        labels: labels(rows[0] ?? document.body),
        same: rows.every((row) => labels(row).join() === labels(rows[0] ?? row).join())
      }
    })
    expect(cards).toEqual({
      display: 'block',
      header: headers,
      labels: headers.map((header) => JSON.stringify(header)),
      same: true
    })
    // Chromium's own accessibility tree, not a guess from the markup; the labels CSS writes are not
    // read out as part of a cell.
    const cdp = await page.context().newCDPSession(page)
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{ role?: { value: string }; name?: { value: string } }>
    }
    const roles: Record<string, number> = {}
    for (const node of nodes) {
      const role = node.role?.value ?? ''
      if (['table', 'row', 'columnheader', 'cell'].includes(role)) roles[role] = (roles[role] ?? 0) + 1
    }
    expect(roles).toEqual({ table: 1, row: 129, columnheader: 7, cell: 896 })
    const cellNames = nodes.flatMap((node) => (node.role?.value === 'cell' ? [node.name?.value ?? ''] : []))
    expect(cellNames.filter((name) => name.includes('个百分点'))).toEqual([
      '2.1个百分点',
      '+2.1 个百分点',
      '5.86个百分点',
      '+5.86 个百分点'
    ])
    await page.context().close()
  })

  for (const width of [390, 1280]) {
    test(`at ${width} px the contents stand in a panel of their own, apart from the report's opening paragraph`, async () => {
      const page = await open(width)
      const layout = await page.evaluate(() => {
        const toc = document.querySelector('nav.toc')
        const first = document.querySelector('article.report > *')
        if (!toc || !first) return undefined
        const style = getComputedStyle(toc)
        return {
          gap: first.getBoundingClientRect().top - toc.getBoundingClientRect().bottom,
          border: style.borderBottomStyle,
          panel: style.backgroundColor !== getComputedStyle(document.body).backgroundColor
        }
      })
      expect(layout && layout.gap >= 32).toBe(true)
      expect({ ...layout, gap: undefined }).toEqual({ gap: undefined, border: 'solid', panel: true })
      await page.context().close()
    })
  }

  test('without JavaScript the filter box is absent from view and every row is shown', async () => {
    const page = await open(390, false)
    expect(await page.locator('#facts-filter').isVisible()).toBe(false)
    expect(await page.locator('#facts-table tbody tr:visible').count()).toBe(128)
    await page.context().close()
  })

  test('the filter narrows the facts table by metric id, label, text and value, and says how many rows match', async () => {
    const page = await open(390)
    const box = page.locator('#facts-filter input')
    expect(await box.isVisible()).toBe(true)
    expect(await page.getByRole('searchbox', { name: '筛选' }).count()).toBe(1)
    const status = page.locator('#facts-filter [role="status"]')
    const narrowed: Array<[string, number, string]> = []
    for (const query of [
      'air.pm25',
      'PM2.5',
      'air.',
      '个百分点',
      'sea 百分点',
      'ｗａｔｅｒ',
      '17.4',
      'μg/m³',
      'Ⅲ类',
      'zzz',
      ''
    ]) {
      await box.fill(query)
      narrowed.push([query, await page.locator('#facts-table tbody tr:visible').count(), await status.innerText()])
    }
    expect(narrowed).toEqual([
      ['air.pm25', 1, '符合 1 项(共 128 项)'],
      // The label PM2.5年均浓度; the id is air.pm25.
      ['PM2.5', 1, '符合 1 项(共 128 项)'],
      ['air.', 8, '符合 8 项(共 128 项)'],
      // The two changes of a percentage, as their text and value print them.
      ['个百分点', 2, '符合 2 项(共 128 项)'],
      // Every term must match.
      ['sea 百分点', 1, '符合 1 项(共 128 项)'],
      // Full-width letters find what half-width ones do.
      ['ｗａｔｅｒ', 15, '符合 15 项(共 128 项)'],
      ['17.4', 1, '符合 1 项(共 128 项)'],
      ['μg/m³', 2, '符合 2 项(共 128 项)'],
      ['Ⅲ类', 1, '符合 1 项(共 128 项)'],
      ['zzz', 0, '没有符合的数据(共 128 项)'],
      ['', 128, '']
    ])
    // A figure of the text that links to a row the filter hides brings the row back.
    await box.fill('air.pm10')
    await page.locator('[id="air.pm25@2025"] > a').click()
    expect(await page.locator('[id="row:air.pm25@2025"]').isVisible()).toBe(true)
    expect(await box.inputValue()).toBe('')
    // So does a fragment that arrives without a click.
    await box.fill('air.pm10')
    expect(await page.locator('[id="row:air.good_days_ratio@2025"]:visible').count()).toBe(0)
    expect(await page.locator('[id="row:air.good_days_ratio@2025"]').count()).toBe(1)
    await page.evaluate(() => {
      window.location.hash = '#row:air.good_days_ratio@2025'
    })
    await page.waitForFunction(() => document.getElementById('row:air.good_days_ratio@2025')?.hidden === false)
    expect(await box.inputValue()).toBe('')
    await page.context().close()
  })

  test('a change in percentage points reads 个百分点 in the facts table and in its tooltip', async () => {
    const page = await open(390)
    const id = 'sea.good_quality_area_ratio@2025:change'
    expect(await page.locator(`[id="row:${id}"] td.num`).innerText()).toBe('+2.1 个百分点')
    await page.locator(`[id="${id}"] > a`).focus()
    expect((await page.locator(`[id="${id}"] .tip`).innerText()).split('\n')[0]).toBe(
      '近岸海域优良水质面积比例(变化量) · +2.1 个百分点 · 2025 · 厦门市'
    )
    await page.context().close()
  })
})
