import type { BuildProgress } from '../build/build-progress.js'
import { plural } from '../model/plural.js'
import type { Io } from './command-line.js'
import { cutToWidth } from './format/character-width.js'

/** A build's progress as one line of a terminal, rewritten as it goes (see Io.status). */
export interface ProgressLine {
  show: (progress: BuildProgress) => void
  /** Take the line away, before what the build printed (nothing when none was shown); the next progress is of another build. */
  clear: () => void
}

export interface ProgressOptions {
  /** Milliseconds, from any start. */
  now?: () => number
  /** Milliseconds at least between two lines of reports compiled: a terminal need not redraw 10,000 times. */
  every?: number
  /**
   * Milliseconds a build goes on, from its first progress, before a line is shown: a watch's
   * rebuild of a save takes a tenth of a second and prints a line of its own.
   */
  after?: number
  /** What the line says the command is doing. Default 'building'. */
  doing?: string
}

/**
 * A progress line written through `io.status`, cut to the terminal's width, as a line that wraps
 * leaves its first part behind; without a status (stderr is no terminal), a line that shows nothing.
 */
export function progressLine(io: Pick<Io, 'status' | 'columns'>, options: ProgressOptions = {}): ProgressLine {
  const { status, columns } = io
  if (!status) return { show: () => undefined, clear: () => undefined }
  const { now = () => performance.now(), every = 100, after = 0, doing = 'building' } = options
  let shown = false
  let last = -Infinity
  // When the first progress came since the line was last taken away: when the build started.
  let since: number | undefined
  const draw = (line: string, at: number) => {
    const width = columns?.()
    // The last column is left free: a line that fills it wraps on some terminals. A terminal
    // that does not say its width (0) gets the whole line.
    status(width !== undefined && width > 0 ? fitted(line, width - 1) : line)
    shown = true
    last = at
  }
  return {
    show(progress) {
      const at = now()
      since ??= at
      if (at - since < after) return
      if (progress.kind === 'step') {
        draw(`factmark: ${doing}: ${progress.step.step} done in ${(progress.step.wallMs / 1000).toFixed(1)} s`, at)
        return
      }
      const { compiled, of } = progress
      // The last report is always shown: the line then stays true while the site is made.
      if (compiled < of && at - last < every) return
      draw(`factmark: ${doing}: ${compiled} of ${of} ${plural(of, 'report')} compiled`, at)
    },
    clear() {
      if (shown) status('')
      shown = false
      since = undefined
    }
  }
}

/**
 * A line cut to `columns` where it is too long: after a whole word, with `...` to say so, as a
 * number cut short (`300 of 30`) would say something else; cut anywhere only when no word fits.
 */
function fitted(line: string, columns: number): string {
  const whole = cutToWidth(line, columns)
  if (whole === line) return line
  const room = cutToWidth(line, columns - marker.length)
  // The room may end with a word, where the line goes on with a space.
  const end = line[room.length] === ' ' ? room.length : room.lastIndexOf(' ')
  const kept = room.slice(0, Math.max(end, 0)).trimEnd()
  return kept === '' ? whole : `${kept}${marker}`
}

const marker = '...'
