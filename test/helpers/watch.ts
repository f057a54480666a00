import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import type { SiteState } from '../../src/watch/reload-channel.js'

const temporaryRoots: string[] = []
afterAll(() => {
  for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A new project in a temporary folder: the starter's registry and sample report in source/, as `factmark init` writes them. */
export function starterProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factmark-watch-'))
  temporaryRoots.push(root)
  cpSync(new URL('../../starter/', import.meta.url), path.join(root, 'source'), { recursive: true })
  return root
}

export interface EventStream {
  /** The first state announced from now on (or already received and not yet taken) that `wanted` accepts. */
  next(wanted: (state: SiteState) => boolean): Promise<SiteState>
  close(): void
}

/** Listen to a watch server's events as a page does, keeping each state it announces. */
export function openEvents(url: string): Promise<EventStream> {
  const received: SiteState[] = []
  const waiters: { wanted: (state: SiteState) => boolean; resolve: (state: SiteState) => void }[] = []
  const deliver = () => {
    for (const waiter of [...waiters]) {
      const index = received.findIndex(waiter.wanted)
      if (index < 0) continue
      const [state] = received.splice(0, index + 1).slice(-1)
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(state as SiteState)
    }
  }
  return new Promise((resolve, reject) => {
    const call = request(new URL('__factmark/events', url), (response) => {
      let buffer = ''
      response.setEncoding('utf8')
      // Closing the stream on purpose aborts the response; nothing to report.
      response.on('error', () => undefined)
      response.on('data', (chunk: string) => {
        buffer += chunk
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (data !== undefined) received.push(JSON.parse(data) as SiteState)
          end = buffer.indexOf('\n\n')
        }
        deliver()
      })
      resolve({
        next: (wanted) =>
          new Promise((found) => {
            waiters.push({ wanted, resolve: found })
            deliver()
          }),
        close: () => call.destroy()
      })
    })
    call.on('error', reject)
    call.end()
  })
}
