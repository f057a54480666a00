import type { Browser } from 'playwright-core'

/** Where Debian installs Chromium. */
export const chromiumPath: string
/** Start Debian's Chromium headless, with the flags this machine and CI need. */
export function launchChromium(): Promise<Browser>
