import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { buildQueue } from '../src/watch/build-queue.js'

/** A build that runs until the test ends it, counting how many run at once. */
function controlledBuilds() {
  const ends: (() => void)[] = []
  let running = 0
  let most = 0
  let started = 0
  const run = () => {
    started++
    running++
    most = Math.max(most, running)
    return new Promise<void>((resolve) =>
      ends.push(() => {
        running--
        resolve()
      })
    )
  }
  return {
    run,
    /** End the build that runs, and let the queue see it. */
    async finish() {
      ends.shift()?.()
      await vi.advanceTimersByTimeAsync(0)
    },
    get started() {
      return started
    },
    get most() {
      return most
    }
  }
}

/** That a build starts `ms` from now, and not a millisecond sooner. */
async function startsIn(builds: ReturnType<typeof controlledBuilds>, ms: number): Promise<void> {
  const before = builds.started
  await vi.advanceTimersByTimeAsync(ms - 1)
  expect(builds.started).toBe(before)
  await vi.advanceTimersByTimeAsync(1)
  expect(builds.started).toBe(before + 1)
}

/** A queue whose first build runs, with a save made meanwhile queued, its quiet period over, to run after it. */
async function buildingWithOneQueued() {
  const builds = controlledBuilds()
  const queue = buildQueue(builds.run, { delay: 40, onError: () => undefined })
  queue.request()
  await vi.advanceTimersByTimeAsync(40)
  queue.request()
  await vi.advanceTimersByTimeAsync(40)
  return { builds, queue }
}

describe('the build queue', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  test('a burst of saves makes one build, once the events have been quiet for the delay', async () => {
    const builds = controlledBuilds()
    const queue = buildQueue(builds.run, { delay: 40, onError: () => undefined })
    for (let i = 0; i < 4; i++) {
      queue.request()
      await vi.advanceTimersByTimeAsync(39)
    }
    queue.request()
    await startsIn(builds, 40)
    await builds.finish()
    await queue.settled()
    expect(builds.started).toBe(1)
  })

  test('a request that asks for a longer wait (a file added, whose rename may follow) starts after it', async () => {
    const builds = controlledBuilds()
    const queue = buildQueue(builds.run, { delay: 40, onError: () => undefined })
    queue.request(150)
    await vi.advanceTimersByTimeAsync(100)
    expect(builds.started).toBe(0)
    // The removal the addition waited for comes, and the quiet period after it is the usual one.
    queue.request()
    await startsIn(builds, 40)
    await builds.finish()
  })

  test('saves during a build make one more build after it, never two at once', async () => {
    const builds = controlledBuilds()
    const queue = buildQueue(builds.run, { delay: 40, onError: () => undefined })
    queue.request()
    await vi.advanceTimersByTimeAsync(40)
    expect(builds.started).toBe(1)
    // Two bursts while the first build runs: they are built together, after it.
    queue.request()
    await vi.advanceTimersByTimeAsync(100)
    queue.request()
    await vi.advanceTimersByTimeAsync(100)
    expect(builds.started).toBe(1)
    await builds.finish()
    expect(builds.started).toBe(2)
    let settled = false
    void queue.settled().then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await builds.finish()
    expect(settled).toBe(true)
    expect(builds.started).toBe(2)
    expect(builds.most).toBe(1)
  })

  // A build takes what every request before it asked for: a wait for quiet that began before it
  // started must not end in a build of its own after it, with nothing left to build.
  test('a build started after a build ends takes the requests of a quiet period not yet over', async () => {
    const { builds, queue } = await buildingWithOneQueued()
    // Another save comes, whose quiet period is not over when the first build ends.
    queue.request()
    await vi.advanceTimersByTimeAsync(10)
    await builds.finish()
    expect(builds.started).toBe(2)
    await vi.advanceTimersByTimeAsync(100)
    await builds.finish()
    await vi.advanceTimersByTimeAsync(100)
    expect(builds.started).toBe(2)
    await queue.settled()
  })

  test('a build that throws is reported, and the next save still builds', async () => {
    const errors: unknown[] = []
    let calls = 0
    const queue = buildQueue(() => (++calls === 1 ? Promise.reject(new Error('broken')) : Promise.resolve()), {
      delay: 40,
      onError: (error) => errors.push(error)
    })
    queue.request()
    await vi.advanceTimersByTimeAsync(40)
    queue.request()
    await vi.advanceTimersByTimeAsync(40)
    await queue.settled()
    expect(errors).toEqual([new Error('broken')])
    expect(calls).toBe(2)
  })

  test('close waits for the running build, drops the one queued after it, and takes no more requests', async () => {
    const { builds, queue } = await buildingWithOneQueued()
    let closed = false
    void queue.close().then(() => (closed = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(closed).toBe(false)
    await builds.finish()
    expect(closed).toBe(true)
    queue.request()
    await vi.advanceTimersByTimeAsync(100)
    expect(builds.started).toBe(1)
    await queue.settled()
  })
})
