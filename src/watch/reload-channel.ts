import type { ServerResponse } from 'node:http'
import type { Severity } from '../model/compiled.js'

/** A diagnostic as the overlay shows it: where, which rule, what. */
export interface OverlayDiagnostic {
  file: string
  line: number
  column: number
  severity: Severity
  ruleId: string
  message: string
}

/** Why the last build wrote nothing, as the overlay shows it. */
export interface BuildProblem {
  message: string
  diagnostics: OverlayDiagnostic[]
}

/** The warnings of the last build that wrote the output: how many, and the first of them. */
interface BuildWarnings {
  count: number
  shown: OverlayDiagnostic[]
}

/**
 * What a page needs to know: the number of the last build that wrote the output, the warnings it
 * gave, and the problem of the builds since, if they failed. A page is served with the number of
 * the output it shows, so a page that connects after a build it did not see still reloads (no
 * event is lost between a page's load and its connection).
 */
export interface SiteState {
  build: number
  warnings?: BuildWarnings
  problem?: BuildProblem
}

/** The server-sent events of the pages that are open: each gets the state when it connects and on every change. */
export interface ReloadChannel {
  state(): SiteState
  /** Keep `response` open as an event stream and send it the state. */
  connect(response: ServerResponse): void
  announce(state: SiteState): void
  /** End every stream, so that the server can close. */
  close(): void
}

export function reloadChannel(initial: SiteState = { build: 0 }): ReloadChannel {
  let current = initial
  const streams = new Set<ServerResponse>()
  const send = (response: ServerResponse) => response.write(`event: state\ndata: ${JSON.stringify(current)}\n\n`)
  return {
    state: () => current,
    connect(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive'
      })
      // A page whose server went away tries again soon, and finds the next `factmark watch`.
      response.write('retry: 1000\n\n')
      streams.add(response)
      response.on('close', () => streams.delete(response))
      send(response)
    },
    announce(state) {
      current = state
      for (const response of streams) send(response)
    },
    close() {
      for (const response of streams) response.end()
      streams.clear()
    }
  }
}
