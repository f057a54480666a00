/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startWatch, type Watching } from '../src/watch/watch.js'
import { hasChromium, launchChromium, toolsRequired } from './helpers/tools.js'
import { starterProject } from './helpers/watch.js'

declare global {
  interface Window {
    /** Set by the test on a page: gone once the page has reloaded. */
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

  test('a save reloads the page with the new text; a save with an error shows the overlay over the last good page; a fix clears it', async () => {
    const page = await browser.newPage()
    await page.goto(new URL('example-2025/', watching.url).href)
    await page.evaluate(() => (window.loadedBefore = true))
    // No need to wait for the page to listen: a page that connects after a build learns of it then.

    edit('本报告是factmark的示例', '本报告是改过的示例')
    await page.waitForFunction(() => document.body.textContent.includes('本报告是改过的示例'), undefined, {
      timeout: 60_000
    })
    expect(await page.evaluate(() => window.loadedBefore)).toBeUndefined()

    await page.evaluate(() => (window.loadedBefore = true))
    edit('metric=air.pm25}', 'metric=air.pm99}')
    const diagnostic = page.locator('#factmark-overlay .diagnostic')
    await diagnostic.waitFor({ timeout: 60_000 })
    expect(await diagnostic.getAttribute('data-rule-id')).toBe('unknown-metric')
    expect(await diagnostic.textContent()).toMatch(/^source\/example-2025\.md:\d+:\d+ error unknown-metric .*air\.pm99/)
    expect(await page.locator('#factmark-overlay h2').textContent()).toBe('factmark: the last save did not build')
    // Not reloaded, and still the last good output.
    expect(await page.evaluate(() => window.loadedBefore)).toBe(true)
    expect(await page.evaluate(() => document.body.textContent.includes('本报告是改过的示例'))).toBe(true)

    // A page opened while the sources are broken shows the overlay too.
    const other = await browser.newPage()
    await other.goto(new URL('example-2025/', watching.url).href)
    await other.locator('#factmark-overlay .diagnostic').waitFor({ timeout: 60_000 })
    await other.close()

    edit('metric=air.pm99}', 'metric=air.pm25}')
    await page.waitForFunction(
      () => window.loadedBefore === undefined && document.readyState === 'complete',
      undefined,
      {
        timeout: 60_000
      }
    )
    expect(await page.locator('#factmark-overlay').count()).toBe(0)
    expect(await page.evaluate(() => document.body.textContent.includes('本报告是改过的示例'))).toBe(true)
    await page.close()
  }, 240_000)
})
