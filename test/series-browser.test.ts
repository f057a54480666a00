/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { emitSeriesPages } from '../src/emit/series-html.js'
import { axeViolations } from './helpers/axe.js'
import { compileSeriesFixture } from './helpers/series-fixture.js'
import { hasChromium, launchChromium, toolsRequired, writeTemporaryDist } from './helpers/tools.js'

describe.skipIf(!hasChromium && !toolsRequired)('the series pages in Chromium', () => {
  let browser: Browser
  let pages: Record<'pm25' | 'paged' | 'rank' | 'cases' | 'catalog' | 'report', string>

  beforeAll(async () => {
    const compiled = compileSeriesFixture()
    const dist = await writeTemporaryDist(compiled)
    const url = (file: string) => pathToFileURL(path.join(dist, file)).href
    // The second of the pages of PM2.5 as 250 districts would print it, with its list of pages.
    const pm25 = compiled.collection?.series.find((series) => series.metric.id === 'air.pm25')
    const [point] = pm25?.points ?? []
    if (!pm25 || !point) throw new Error('the series fixture has no PM2.5 point')
    const districts = Array.from({ length: 250 }, (_, index) => ({ ...point, entity: `第${index + 1}区` }))
    const second = emitSeriesPages({ ...pm25, points: districts, targets: [], checks: [] }, (slug) => slug)[1]
    if (!second) throw new Error('250 districts make one page')
    writeFileSync(path.join(dist, 'series', second.file), second.render())
    pages = {
      pm25: url('series/air.pm25.html'),
      paged: url(`series/${second.file}`),
      rank: url('series/air.aqi_rank.html'),
      cases: url('series/enforcement.cases.html'),
      catalog: url('index.html'),
      report: url('series-2025/index.html')
    }
    browser = await launchChromium()
  }, 60_000)
  afterAll(() => browser.close())

  for (const name of ['pm25', 'paged', 'rank', 'cases', 'catalog', 'report'] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no violation on the ${name} page (${colorScheme})`, async () => {
        const page = await browser.newPage({ colorScheme })
        await page.goto(pages[name])
        expect(await axeViolations(page)).toEqual([])
        await page.close()
      }, 60_000)
    }

    test(`the ${name} page fits 360 px without horizontal scrolling`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 800 } })
      await page.goto(pages[name])
      const sizes = await page.evaluate(() => ({
        content: document.documentElement.scrollWidth,
        viewport: window.innerWidth
      }))
      expect(sizes.content).toBeLessThanOrEqual(sizes.viewport)
      await page.close()
    })
  }

  test('the keyboard reaches every point and target of the chart, and a point takes the reader to its sentence', async () => {
    const page = await browser.newPage()
    await page.goto(pages.pm25)
    const focused: string[] = []
    // From the link to the catalog, Tab walks the chart's links in the order they are drawn.
    await page.focus('header a[href="../index.html"]')
    for (let n = 0; n < 5; n++) {
      await page.keyboard.press('Tab')
      focused.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
    }
    expect(focused).toEqual([
      '2025 某市:目标不高于18 μg/m³ 已达成(《某市2024年生态环境状况》)',
      '2023 某市:21.3 μg/m³(推算:20.3 − (−1) = 21.3,依据《某市2024年生态环境状况》)',
      '2024 某市:修订前为20.3(《某市2024年生态环境状况》)',
      '2024 某市:20.0 μg/m³(公布于《某市2025年生态环境状况》;修订了20.3)',
      '2025 某市:17.4 μg/m³(公布于《某市2025年生态环境状况》)'
    ])
    await page.keyboard.press('Enter')
    await page.waitForURL(/series-2025\/index\.html#/)
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#air.pm25@2025')
    expect(await page.locator('[id="air.pm25@2025"]').isVisible()).toBe(true)
    await page.close()
  })
})
