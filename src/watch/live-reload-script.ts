import { overlayScript } from './overlay-script.js'

/** Where the server answers for itself; a name no output of factmark uses. */
export const watchPaths = {
  script: '/__factmark/live-reload.js',
  events: '/__factmark/events'
} as const

/**
 * The browser code every HTML page loads from `watchPaths.script` (a file of its own, not an inline
 * script or handler, so a page keeps working under a strict Content Security Policy). It opens the
 * event stream and compares the build the server announces with the build the page was served
 * from (the `data-build` of its script tag): a newer build reloads the page, a failed one shows the
 * overlay over the last good page, and a good one clears it.
 */
export const liveReloadScript = `(() => {
'use strict'
${overlayScript}
const shown = Number(document.currentScript?.dataset.build)
const events = new EventSource(${JSON.stringify(watchPaths.events)})
events.addEventListener('state', (event) => {
  const state = JSON.parse(event.data)
  if (state.build !== shown) {
    events.close()
    location.reload()
  } else if (state.problem) {
    const show = () => showProblem(state.problem)
    if (document.body) show()
    else document.addEventListener('DOMContentLoaded', show, { once: true })
  } else clearProblem()
})
// The stream is closed with the page, so that the server does not keep it open.
addEventListener('pagehide', () => events.close())
})()
`

/** The tag that loads the script, for a page of build `build`. */
export function liveReloadTag(build: number): string {
  return `<script src="${watchPaths.script}" data-build="${build}" defer></script>`
}
