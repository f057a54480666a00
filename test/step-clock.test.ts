import { describe, expect, test } from 'vitest'
import { stepClock } from '../src/build/step-clock.js'
import { formatStepTimes } from '../src/cli/format/step-times.js'

/** Clocks that read the next of the given times at each call. */
function readings(wall: number[], cpu: number[]) {
  return { wall: () => wall.shift() ?? Number.NaN, cpu: () => cpu.shift() ?? Number.NaN }
}

describe('stepClock', () => {
  test('each lap ends a step: its wall and CPU time since the lap before, or since the clock started', () => {
    const clock = stepClock(readings([100, 130, 1130, 1135], [50, 70, 2060, 2070]))
    clock.lap('read the sources')
    clock.lap('compile 2 reports on 2 threads')
    clock.lap('publish')
    expect(clock.steps()).toEqual([
      { step: 'read the sources', wallMs: 30, cpuMs: 20 },
      { step: 'compile 2 reports on 2 threads', wallMs: 1000, cpuMs: 1990 },
      { step: 'publish', wallMs: 5, cpuMs: 10 }
    ])
  })

  test('steps() is a copy: a later lap does not change what was handed out', () => {
    const clock = stepClock(readings([0, 1, 2], [0, 1, 2]))
    clock.lap('one')
    const first = clock.steps()
    clock.lap('two')
    expect(first).toEqual([{ step: 'one', wallMs: 1, cpuMs: 1 }])
    expect(clock.steps()).toHaveLength(2)
  })
})

describe('formatStepTimes', () => {
  test('a line a step, in seconds, with the totals, the columns aligned', () => {
    expect(
      formatStepTimes([
        { step: 'read the sources', wallMs: 20, cpuMs: 31 },
        { step: 'compile 1000 reports on 2 threads', wallMs: 29512, cpuMs: 53049.6 },
        { step: 'publish', wallMs: 190, cpuMs: 230 }
      ])
    ).toBe(
      [
        'factmark: where the time went',
        '  step                                  wall      CPU',
        '  read the sources                    0.02 s   0.03 s',
        '  compile 1000 reports on 2 threads  29.51 s  53.05 s',
        '  publish                             0.19 s   0.23 s',
        '  total                              29.72 s  53.31 s',
        ''
      ].join('\n')
    )
  })

  test('no steps: the total alone', () => {
    expect(formatStepTimes([])).toBe(
      'factmark: where the time went\n  step     wall     CPU\n  total  0.00 s  0.00 s\n'
    )
  })
})
