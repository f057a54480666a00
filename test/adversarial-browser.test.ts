/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileFixture, hasChromium, launchChromium, toolsRequired, writeTemporaryDist } from './helpers/tools.js'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

describe.skipIf(!hasChromium && !toolsRequired)('the adversarial page in Chromium', () => {
  let browser: Browser
  let url: string

  beforeAll(async () => {
    const dist = await writeTemporaryDist(compileFixture('adversarial'))
    url = pathToFileURL(path.join(dist, 'adversarial/index.html')).href
    browser = await launchChromium()
  }, 60_000)
  afterAll(() => browser.close())

  test('axe finds no violation: facts in links, in headings and with escaped ids', async () => {
    const page = await browser.newPage()
    await page.goto(url)
    await page.addScriptTag({ content: axeSource })
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object
            ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>
          }
        }
      ).axe
      return (await axe.run(document, { resultTypes: ['violations'] })).violations.map(
        (violation) => `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
      )
    })
    expect(violations).toEqual([])
    await page.close()
  }, 60_000)

  test('a link around a figure shows the figure’s description on keyboard focus', async () => {
    const page = await browser.newPage()
    await page.goto(url)
    const link = page.locator('a[href="https://example.org/pm25"]').first()
    const tip = link.locator('.tip')
    expect(await tip.isVisible()).toBe(false)
    await link.focus()
    expect(await tip.isVisible()).toBe(true)
    expect(await link.getAttribute('aria-describedby')).toBe('tip-2')
    await page.close()
  })

  test('a figure whose id holds spaces takes the reader to its row and back', async () => {
    const page = await browser.newPage()
    await page.goto(url)
    const anchor = 'water.section_class@2025:site=乙%20断面'
    await page.locator(`[id="${anchor}"] > a`).click()
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(`row:${anchor}`)
    await page.locator(`[id="row:${anchor}"] a[href^="#"]`).click()
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor)
    await page.close()
  })
})
