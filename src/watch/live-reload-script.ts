import { overlayScript } from './overlay-script.js'

/** Where the server answers for itself; a name no output of factmark uses. */
export const watchPaths = {
  script: '/__factmark/live-reload.js',
  events: '/__factmark/events'
} as const

/** The event a page fires on window once it shows a newer build in place (see liveReloadScript). */
export const updatedEvent = 'factmark:updated'

/**
 * The browser code every HTML page loads from `watchPaths.script` (a file of its own, not an inline
 * script or handler, so a page keeps working under a strict Content Security Policy). It opens the
 * event stream and compares the build the server announces with the build the page was served
 * from (the `data-build` of its script tag): a failed build shows the overlay over the last good
 * page, and a good one clears it and shows its warnings in a corner.
 *
 * A newer build is shown in place: the page is fetched again and its head and body put in for the
 * old ones, its scripts run again, and the reader stays where they had scrolled to. That takes
 * about half the time of a reload of a report's page (no new navigation, stylesheet, script or
 * stream; the parser does not yield), and an editor keeps their place in a long report. Anything
 * else (the page gone, an answer that is not HTML, a network error) reloads the page.
 */
export const liveReloadScript = `(() => {
'use strict'
${overlayScript}
let shown = Number(document.currentScript?.dataset.build)
const events = new EventSource(${JSON.stringify(watchPaths.events)})
// One update at a time, in the order the builds were announced.
let updating = Promise.resolve()
events.addEventListener('state', (event) => {
  const state = JSON.parse(event.data)
  if (state.build !== shown) updating = updating.then(() => update(state.build)).then(() => showState(state))
  else if (document.body) showState(state)
  else document.addEventListener('DOMContentLoaded', () => showState(state), { once: true })
})

// A failed build's problem over the page, or else the warnings of the build the page shows.
function showState(state) {
  if (state.problem) {
    clearWarnings()
    showProblem(state.problem)
    return
  }
  clearProblem()
  if (state.warnings) showWarnings(state.warnings)
  else clearWarnings()
}
// The stream is closed with the page, so that the server does not keep it open.
addEventListener('pagehide', () => events.close())

async function update(build) {
  if (build === shown) return
  try {
    const response = await fetch(location.href, { cache: 'no-store' })
    const type = response.headers.get('content-type') || ''
    if (!response.ok || !type.startsWith('text/html')) throw new Error('not a page')
    const next = new DOMParser().parseFromString(await response.text(), 'text/html')
    const { scrollX, scrollY } = window
    for (const { name, value } of next.documentElement.attributes) document.documentElement.setAttribute(name, value)
    document.head.replaceChildren(...next.head.childNodes)
    document.body.replaceWith(next.body)
    // Scripts that come in with the page do not run by themselves: each is put in again as a new element.
    for (const inert of document.querySelectorAll('script')) {
      if (inert.src.endsWith(${JSON.stringify(watchPaths.script)}) || (inert.type && !/javascript|module/.test(inert.type))) continue
      const script = document.createElement('script')
      for (const { name, value } of inert.attributes) script.setAttribute(name, value)
      script.textContent = inert.textContent
      inert.replaceWith(script)
    }
    scrollTo(scrollX, scrollY)
    shown = Number(document.querySelector('script[data-build]')?.dataset.build ?? build)
    dispatchEvent(new CustomEvent(${JSON.stringify(updatedEvent)}, { detail: { build: shown } }))
  } catch {
    events.close()
    location.reload()
  }
}
})()
`

/** The tag that loads the script, for a page of build `build`. */
export function liveReloadTag(build: number): string {
  return `<script src="${watchPaths.script}" data-build="${build}" defer></script>`
}
