/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { axeViolations } from './helpers/axe.js'
import { seedBuild } from './helpers/seed-build.js'
import { compileFixture, hasChromium, launchChromium, toolsRequired, writeTemporaryDist } from './helpers/tools.js'

describe.skipIf(!hasChromium && !toolsRequired)('the pages in Chromium', () => {
  let browser: Browser
  let pages: Record<'report' | 'catalog' | 'constructs' | 'tables', string>

  beforeAll(async () => {
    const dist = await writeTemporaryDist(seedBuild().result)
    const constructs = await writeTemporaryDist(compileFixture('kitchen-sink'))
    const tables = await writeTemporaryDist(compileFixture('table'))
    pages = {
      report: pathToFileURL(path.join(dist, 'xiamen-2025/index.html')).href,
      catalog: pathToFileURL(path.join(dist, 'index.html')).href,
      constructs: pathToFileURL(path.join(constructs, 'kitchen-sink/index.html')).href,
      tables: pathToFileURL(path.join(tables, 'table/index.html')).href
    }
    browser = await launchChromium()
  }, 60_000)
  afterAll(() => browser.close())

  for (const name of ['report', 'catalog', 'constructs', 'tables'] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no violation on the ${name} page (${colorScheme})`, async () => {
        const page = await browser.newPage({ colorScheme })
        await page.goto(pages[name])
        expect(await axeViolations(page)).toEqual([])
        await page.close()
      }, 60_000)
    }

    for (const width of [1280, 390, 360]) {
      test(`the ${name} page fits ${width} px without horizontal scrolling`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 800 } })
        await page.goto(pages[name])
        const sizes = await page.evaluate(() => ({
          content: document.documentElement.scrollWidth,
          viewport: window.innerWidth
        }))
        expect(sizes.content).toBeLessThanOrEqual(sizes.viewport)
        await page.close()
      })
    }
  }

  test('on a 390 px phone a wide table of the text scrolls sideways in its own region', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } })
    await page.goto(pages.tables)
    const regions = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.report .table-scroll'), (region) => ({
        label: region.getAttribute('aria-label'),
        scrolls: region.scrollWidth > region.clientWidth,
        inside: region.getBoundingClientRect().right <= window.innerWidth
      }))
    )
    expect(regions).toEqual([
      { label: '表格 1(可横向滚动)', scrolls: false, inside: true },
      { label: '表格 2(可横向滚动)', scrolls: false, inside: true },
      { label: '表格 3(可横向滚动)', scrolls: true, inside: true }
    ])
    // The region takes the keyboard, so that it can be scrolled without a pointer.
    await page.focus('.report .table-scroll >> nth=2')
    await page.keyboard.press('ArrowRight')
    // Chromium scrolls smoothly: wait for the region to move.
    const moved = page.waitForFunction(
      () => (document.querySelectorAll('.report .table-scroll')[2]?.scrollLeft ?? 0) > 0
    )
    await expect(moved).resolves.toBeTruthy()
    await page.close()
  })

  test('a figure shows its description on keyboard focus, and takes the reader to its row and back', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } })
    await page.goto(pages.report)
    const fact = page.locator('[id="air.pm25@2025"]')
    const tip = fact.locator('.tip')
    expect(await tip.isVisible()).toBe(false)
    await fact.locator('a').focus()
    expect(await tip.isVisible()).toBe(true)
    // The definition of the metric stands on a line of its own under the description.
    expect(await tip.innerText()).toBe(
      'PM2.5年均浓度 · 17.4 μg/m³ · 2025 · 厦门市\n全年细颗粒物(PM2.5)日均浓度的算术平均值,单位微克/立方米。'
    )
    await fact.locator('a').press('Enter')
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#row:air.pm25@2025')
    const row = page.locator('[id="row:air.pm25@2025"]')
    expect(await row.isVisible()).toBe(true)
    await row.locator('a[href^="#"]').click()
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#air.pm25@2025')
    expect(await fact.isVisible()).toBe(true)
    await page.close()
  })

  test('prints without the navigation and tooltips', async () => {
    const page = await browser.newPage()
    await page.goto(pages.report)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('nav.toc').isVisible()).toBe(false)
    expect(await page.locator('article .fact').first().isVisible()).toBe(true)
    await page.close()
  })
})
