import { performance } from 'node:perf_hooks'

/** One step of a build: how long it took on the wall, and the CPU time of every thread of the process meanwhile. */
export interface StepTime {
  step: string
  wallMs: number
  cpuMs: number
}

/** Times the steps of a build one after another: each lap ends a step and starts the next. */
export interface StepClock {
  /** End the step that runs now, naming it. */
  lap(step: string): void
  /** The steps ended so far, in order. */
  steps(): StepTime[]
}

export interface Clocks {
  /** Milliseconds on the wall. */
  wall: () => number
  /** Milliseconds of CPU, user and system, of the whole process. */
  cpu: () => number
}

// The CPU of the whole process counts the threads that compile: a step that keeps both cores busy
// shows twice its wall time, one that works alone shows its wall time.
const processClocks: Clocks = {
  wall: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
}

/** A clock for a build's steps; `onLap` hears of each step as it ends. */
export function stepClock(clocks: Clocks = processClocks, onLap?: (step: StepTime) => void): StepClock {
  const steps: StepTime[] = []
  let wall = clocks.wall()
  let cpu = clocks.cpu()
  return {
    lap(step) {
      const nowWall = clocks.wall()
      const nowCpu = clocks.cpu()
      const ended = { step, wallMs: nowWall - wall, cpuMs: nowCpu - cpu }
      steps.push(ended)
      wall = nowWall
      cpu = nowCpu
      onLap?.(ended)
    },
    steps: () => [...steps]
  }
}
