/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileFixture, hasChromium, launchChromium, toolsRequired, writeTemporaryDist } from './helpers/tools.js'
import type { CompileResult } from '../src/model/compiled.js'

const result: CompileResult = compileFixture('hostile')

describe('a source that tries to inject markup, script or template code', () => {
  test('compiles: the hostile text is content, not an error', () => {
    expect(result.errorCount).toBe(0)
    expect(result.reports).toHaveLength(1)
  })

  describe.skipIf(!hasChromium && !toolsRequired)('in Chromium', () => {
    let browser: Browser
    let url: string
    beforeAll(async () => {
      const dist = await writeTemporaryDist(result)
      url = pathToFileURL(path.join(dist, 'hostile/index.html')).href
      browser = await launchChromium()
    })
    afterAll(() => browser.close())

    test('runs nothing and shows everything as text', async () => {
      const page = await browser.newPage()
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      await page.goto(url)
      // Give every handler a chance: hover and focus each element, then click every link that has an href.
      for (const element of await page.locator('body *').all())
        await element.hover({ force: true, timeout: 1000 }).catch(() => undefined)
      await page.keyboard.press('Tab')
      const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
      expect(hrefs.filter((href) => /^\s*javascript:/i.test(href ?? ''))).toEqual([])
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
      expect(dialogs).toEqual([])

      const scripts = await page
        .locator('script')
        .evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('type'), node.textContent.trim()]))
      // JSON-LD, and the facts table's filter exactly as templates/ holds it.
      expect(scripts.map(([type]) => type)).toEqual(['application/ld+json', null])
      expect(scripts[1]?.[1]).toBe(
        readFileSync(new URL('../templates/facts-filter.js', import.meta.url), 'utf8').trim()
      )
      expect(await page.title()).toBe("<script>window.__pwned='title'</script>报告")
      const body = await page.locator('article').innerText()
      expect(body).toContain(
        "正文<script>window.__pwned='inline'</script>与<img src=x onerror=\"window.__pwned='img'\">"
      )
      expect(body).toContain("<script>window.__pwned='block'</script>")
      expect(body).toContain('{{ pageTitle }} {% if true %}模板{% endif %}')
      expect(body).toContain('{{ facts }}与{{ body | safe }}')
      expect(await page.locator('.issuer').innerText()).toBe('" onmouseover="window.__pwned=\'issuer\'" x="')
      await page.close()
    })
  })
})
