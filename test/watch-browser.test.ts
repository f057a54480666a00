/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { updatedEvent } from '../src/watch/live-reload-script.js'
import { startWatch, type Watching } from '../src/watch/watch.js'
import { hasChromium, launchChromium, toolsRequired } from './helpers/tools.js'
import { starterProject } from './helpers/watch.js'

declare global {
  interface Window {
    /** Set by the test on a page: gone once the page has reloaded, kept when it is updated in place. */
    loadedBefore?: boolean
  }
}

describe.skipIf(!hasChromium && !toolsRequired)('factmark watch in Chromium', () => {
  let browser: Browser
  let watching: Watching
  let file: string
  const edit = (from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to))

  beforeAll(async () => {
    const project = starterProject()
    file = path.join(project, 'source/example-2025.md')
    watching = await startWatch({ cwd: project, port: 0 })
    await watching.settled()
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser.close()
    await watching.close()
  })

  test('a save shows the new text in place, where the reader was, with the page’s scripts run again; a save with an error shows the overlay over the last good page; a fix clears it; warnings wait in a corner', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } })
    await page.goto(new URL('example-2025/', watching.url).href)
    await page.evaluate(() => {
      window.loadedBefore = true
      scrollTo(0, 400)
    })
    // No need to wait for the page to listen: a page that connects after a build learns of it then.

    const updated = page.evaluate(
      (event) => new Promise<number>((resolve) => addEventListener(event, () => resolve(scrollY), { once: true })),
      updatedEvent
    )
    edit('本报告是factmark的示例', '本报告是改过的示例')
    expect(await updated).toBe(400)
    expect(await page.evaluate(() => document.body.textContent.includes('本报告是改过的示例'))).toBe(true)
    // Not a reload: the page's state is kept, and the script that shows the filter box ran on the new body.
    expect(await page.evaluate(() => window.loadedBefore)).toBe(true)
    expect(await page.locator('#facts-filter').isVisible()).toBe(true)
    await page.locator('#facts-filter input').fill('PM2.5')
    expect(await page.locator('#facts-filter [role="status"]').textContent()).toMatch(/^符合 \d+ 项/)

    edit('metric=air.pm25}', 'metric=air.pm99}')
    const diagnostic = page.locator('#factmark-overlay .diagnostic')
    await diagnostic.waitFor({ timeout: 60_000 })
    expect(await diagnostic.getAttribute('data-rule-id')).toBe('unknown-metric')
    expect(await diagnostic.textContent()).toMatch(/^source\/example-2025\.md:\d+:\d+ error unknown-metric .*air\.pm99/)
    expect(await page.locator('#factmark-overlay h2').textContent()).toBe('factmark: the last save did not build')
    // Still the last good output.
    expect(await page.evaluate(() => document.body.textContent.includes('本报告是改过的示例'))).toBe(true)

    // A page opened while the sources are broken shows the overlay too.
    const other = await browser.newPage()
    await other.goto(new URL('example-2025/', watching.url).href)
    await other.locator('#factmark-overlay .diagnostic').waitFor({ timeout: 60_000 })
    await other.close()

    edit('metric=air.pm99}', 'metric=air.pm25}')
    await page.locator('#factmark-overlay').waitFor({ state: 'detached', timeout: 60_000 })
    expect(await page.evaluate(() => document.body.textContent.includes('本报告是改过的示例'))).toBe(true)
    expect(await page.evaluate(() => window.loadedBefore)).toBe(true)

    // A save that builds with warnings: they wait in a corner, shut until the reader opens them,
    // and stay open through the next build that has them.
    edit(':fact[205个]{metric=water.outfalls_remediated}', '205个')
    const warnings = page.locator('#factmark-warnings details')
    await warnings.waitFor({ timeout: 60_000 })
    expect(await warnings.locator('summary').textContent()).toBe('factmark: 2 warnings')
    expect(await warnings.locator('.diagnostic').first().isVisible()).toBe(false)
    await warnings.locator('summary').click()
    expect(
      await warnings.locator('.diagnostic').evaluateAll((items) => items.map((item) => item.dataset.ruleId))
    ).toEqual(['untagged-figure', 'metric-unused'])
    const again = page.evaluate(
      (event) => new Promise<void>((resolve) => addEventListener(event, () => resolve(), { once: true })),
      updatedEvent
    )
    edit('本报告是改过的示例', '本报告是再改过的示例')
    await again
    await page.locator('#factmark-warnings details[open] .diagnostic').first().waitFor({ timeout: 60_000 })
    edit('205个', ':fact[205个]{metric=water.outfalls_remediated}')
    await page.locator('#factmark-warnings').waitFor({ state: 'detached', timeout: 60_000 })
    expect(await page.evaluate(() => window.loadedBefore)).toBe(true)

    // The report given another slug: its page is gone, and the page is reloaded to say so.
    edit('slug: example-2025', 'slug: example-2025-moved')
    await page.waitForFunction(() => window.loadedBefore === undefined && document.title === 'Not found', undefined, {
      timeout: 60_000
    })
    await page.close()
  }, 240_000)
})
