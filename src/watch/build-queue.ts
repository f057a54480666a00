/**
 * Saving is a burst of events, not one: an editor writes a backup, renames, writes the file and
 * touches its folder, and "save all" writes several reports. The queue waits until the events have
 * been quiet for `delay` ms and then builds once. A build takes longer than a burst, so a request
 * that comes while one runs is kept as a single build to run after it: two builds never write the
 * output at the same time, and the last save is always built. A build that starts answers every
 * request made before it (`run` takes all the events that came).
 */
export interface BuildQueue {
  /** Ask for a build; it starts when no request has come for `delay` ms (or `wait`, if given) and no build is running. */
  request(wait?: number): void
  /** Resolves once nothing is running, waiting for the quiet period, or queued. */
  settled(): Promise<void>
  /** Take no more requests; resolves when the build that is running, if any, has finished. */
  close(): Promise<void>
}

export interface BuildQueueOptions {
  /** How long the events must be quiet before a build starts, in ms. */
  delay: number
  /** Called when a build rejects; the queue goes on with the next request. */
  onError: (error: unknown) => void
}

export function buildQueue(run: () => Promise<void>, { delay, onError }: BuildQueueOptions): BuildQueue {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let queued = false
  let closed = false
  const waiting: (() => void)[] = []

  const idle = () => timer === undefined && running === undefined && !queued
  const wake = () => {
    if (idle()) for (const resolve of waiting.splice(0)) resolve()
  }

  const start = () => {
    // The build takes what every request so far asked for: a quiet period still waited for would
    // end in a build with nothing to build.
    clearTimeout(timer)
    timer = undefined
    running = run()
      .catch(onError)
      .finally(() => {
        running = undefined
        if (queued && !closed) {
          queued = false
          start()
        } else {
          queued = false
          wake()
        }
      })
  }

  const quiet = () => {
    timer = undefined
    if (closed) wake()
    else if (running === undefined) start()
    else queued = true
  }

  return {
    request(wait = delay) {
      if (closed) return
      clearTimeout(timer)
      timer = setTimeout(quiet, wait)
    },
    settled() {
      if (idle()) return Promise.resolve()
      return new Promise((resolve) => waiting.push(resolve))
    },
    async close() {
      closed = true
      clearTimeout(timer)
      timer = undefined
      queued = false
      await running
      wake()
    }
  }
}
