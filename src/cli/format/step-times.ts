import type { StepTime } from '../../build/step-clock.js'

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/**
 * Where a build's time went, a line a step: its time on the wall and the CPU time of every thread
 * of the process meanwhile, so that CPU about twice the wall time means two cores at work.
 */
export function formatStepTimes(steps: readonly StepTime[]): string {
  const total = steps.reduce((sum, step) => ({ wallMs: sum.wallMs + step.wallMs, cpuMs: sum.cpuMs + step.cpuMs }), {
    wallMs: 0,
    cpuMs: 0
  })
  const rows: Array<[string, string, string]> = [
    ...steps.map(({ step, wallMs, cpuMs }): [string, string, string] => [step, seconds(wallMs), seconds(cpuMs)]),
    ['total', seconds(total.wallMs), seconds(total.cpuMs)]
  ]
  const header: [string, string, string] = ['step', 'wall', 'CPU']
  const widths = [header, ...rows].reduce(
    (most, row) => most.map((width, column) => Math.max(width, (row[column] as string).length)),
    [0, 0, 0]
  )
  const line = ([step, wall, cpu]: [string, string, string]) =>
    `  ${step.padEnd(widths[0] ?? 0)}  ${wall.padStart(widths[1] ?? 0)}  ${cpu.padStart(widths[2] ?? 0)}\n`
  return `factmark: where the time went\n${[header, ...rows].map(line).join('')}`
}
