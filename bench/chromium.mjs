// Debian's Chromium, started as this machine and CI allow (no sandbox, no GPU, nothing fetched in
// the background): the one way the tests and the benches open a browser.
import { chromium } from 'playwright-core'

export const chromiumPath = '/usr/bin/chromium'

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run'
    ]
  })
}
