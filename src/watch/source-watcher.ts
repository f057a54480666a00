import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { watch } from 'chokidar'
import { isOthersFolder } from '../load/nested-reports.js'

/**
 * chokidar reports no change of a file that comes within 50 ms of the last change it reported of
 * it, and does not report it later: a save right after another (or after a late event of it) would
 * go unseen, and the output would stay stale. Each file reported is looked at again once that
 * window has passed, and reported again if it is not as it was when reported.
 */
const lookAgainAfter = 60

/** What tells one state of a file from another, without reading it. */
function stateOf(file: string): string {
  try {
    const stats = statSync(file)
    return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`
  } catch {
    return 'missing'
  }
}

/** The reports and registry standing in a folder, by path; none when it cannot be read. */
function sourcesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && isSourceName(entry.name))
      .map((entry) => path.join(folder, entry.name))
  } catch {
    return []
  }
}

/** What of a file's state (see stateOf) a rename keeps: all but its change time. */
function identityOf(state: string): string {
  return state.split(':').slice(0, 3).join(':')
}

/** What an event says of a source. */
export type SourceEvent = 'added' | 'changed' | 'removed'

export interface SourceWatcher {
  /** Resolves once the folder is being watched: a save before it may go unseen. */
  ready: Promise<void>
  /**
   * Whether the file at `to` is the one last seen at `from`, renamed: the same inode, size and
   * modification time. A report written anew beside one removed is not.
   */
  isRenamed(from: string, to: string): boolean
  close(): Promise<void>
}

/** The files a build reads from the source folder (see src/load/sources.ts): its reports and the registry. */
function isSourceName(name: string): boolean {
  return name.endsWith('.md') || name === 'metrics.yaml'
}

/**
 * Whether a path under the source folder is left unwatched. Watched are the folder, its reports
 * and registry, and the folders inside it with the reports they hold: a build names each report
 * it finds there (see nested-reports.ts), and one saved there must be named at once, not at the
 * next save of another. Others' folders (dot-folders, node_modules) are left, as the build leaves
 * them; so are the other files, an editor's swap files and backups among them, which would start
 * builds nobody saved. chokidar asks first without the path's stats, then with them: a name with
 * no dot may be a folder until the stats say otherwise.
 */
export function unwatched(folder: string, file: string, stats?: { isDirectory(): boolean }): boolean {
  if (file === folder) return false
  const parts = path.relative(folder, file).split(path.sep)
  if (parts.some(isOthersFolder)) return true
  const name = parts.at(-1) ?? ''
  if (isSourceName(name)) return false
  return stats === undefined ? name.includes('.') || name.endsWith('~') : !stats.isDirectory()
}

/**
 * Call `onChange` with the path of every report or registry that is added, changed, removed or
 * renamed in `src` (a rename is a removal and an addition), and which it was, or in a folder inside it (see unwatched). chokidar rather than fs.watch: it
 * reports an editor's atomic save (a new file renamed over the old) as one change on every
 * platform, and follows a file that is deleted and created again, which fs.watch loses on Linux
 * once the watched inode is gone.
 */
export function watchSources(
  src: string,
  onChange: (file: string, how: SourceEvent) => void,
  onError: (error: unknown) => void
): SourceWatcher {
  const folder = path.resolve(src)
  const watcher = watch(folder, {
    ignoreInitial: true,
    ignored: (file, stats) => unwatched(folder, file, stats)
  })
  const timers = new Set<NodeJS.Timeout>()
  // Each file as it stood when last reported: what an event after the first reported (a save,
  // then its removal) is not reported again by the first one's second look.
  const lastReported = new Map<string, string>()
  // Each source as it last stood while it was there, by inode, size and modification time (what a
  // rename keeps), from the folder's listing when the watch began and each report since.
  const lastPresent = new Map<string, string>()
  const present = (file: string, state: string) => {
    if (state !== 'missing') lastPresent.set(file, identityOf(state))
  }
  const remember = (file: string, state: string) => {
    lastReported.set(file, state)
    present(file, state)
  }
  /** Run `look` once chokidar's window has passed (see lookAgainAfter), unless the watch closes first. */
  const later = (look: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      look()
    }, lookAgainAfter)
    timers.add(timer)
  }
  /** Report each source in a folder just added that chokidar did not. */
  const lookInto = (added: string) =>
    later(() => {
      for (const file of sourcesIn(added)) {
        const now = stateOf(file)
        if (now === lastReported.get(file) || unwatched(folder, file)) continue
        remember(file, now)
        onChange(file, 'added')
      }
    })
  watcher.on('all', (event, file) => {
    // chokidar lists a folder once it is told of it, and watches it from then on: a report written
    // into it in between (mkdir, then a copy) was never reported, until its next save.
    if (event === 'addDir' && file !== folder) lookInto(file)
    if (!(event === 'add' || event === 'change' || event === 'unlink' || file === folder)) return
    // As it stands when reported, before anything done about the report can change it.
    const reported = file === folder ? undefined : stateOf(file)
    // Told already, by a second look before chokidar's event: it holds back a removal about 100 ms,
    // and may report a change late, once the second look has seen the file as it now stands.
    const told = reported !== undefined && reported === lastReported.get(file)
    if (!told) onChange(file, event === 'add' ? 'added' : event === 'unlink' ? 'removed' : 'changed')
    if (reported === undefined) return
    remember(file, reported)
    // Looked at again even when told already: chokidar's window starts again at each change it
    // reports, and a save within it would go unseen.
    later(() => {
      const now = stateOf(file)
      if (now === lastReported.get(file)) return
      remember(file, now)
      onChange(file, now === 'missing' ? 'removed' : 'changed')
    })
  })
  // An emitter's 'error' without a listener is thrown: a folder that cannot be read is reported instead.
  watcher.on('error', onError)
  return {
    ready: new Promise((resolve) =>
      watcher.once('ready', () => {
        for (const [place, names] of Object.entries(watcher.getWatched()))
          for (const file of names.filter(isSourceName).map((name) => path.join(place, name)))
            present(file, stateOf(file))
        resolve()
      })
    ),
    isRenamed(from, to) {
      const before = lastPresent.get(from)
      return before !== undefined && before === identityOf(stateOf(to))
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      return watcher.close()
    }
  }
}
