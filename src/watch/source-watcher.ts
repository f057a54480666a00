import path from 'node:path'
import { watch } from 'chokidar'

export interface SourceWatcher {
  /** Resolves once the folder is being watched: a save before it may go unseen. */
  ready: Promise<void>
  close(): Promise<void>
}

/** The files a build reads from the source folder (see src/load/sources.ts): its reports and the registry. */
function isSourceName(name: string): boolean {
  return name.endsWith('.md') || name === 'metrics.yaml'
}

/**
 * Call `onChange` with the path of every report or registry that is added, changed, removed or
 * renamed in `src`. chokidar rather than fs.watch: it reports an editor's atomic save (a new file
 * renamed over the old) as one change on every platform, and follows a file that is deleted and
 * created again, which fs.watch loses on Linux once the watched inode is gone.
 */
export function watchSources(
  src: string,
  onChange: (file: string) => void,
  onError: (error: unknown) => void
): SourceWatcher {
  const folder = path.resolve(src)
  const watcher = watch(folder, {
    ignoreInitial: true,
    // The compiler reads the reports at the top of the folder only.
    depth: 0,
    // Swap files, backups and the editor's temporary copies would start builds nobody saved.
    ignored: (file) => file !== folder && !isSourceName(path.basename(file))
  })
  watcher.on('all', (event, file) => {
    if (event === 'add' || event === 'change' || event === 'unlink' || file === folder) onChange(file)
  })
  // An emitter's 'error' without a listener is thrown: a folder that cannot be read is reported instead.
  watcher.on('error', onError)
  return {
    ready: new Promise((resolve) => watcher.once('ready', () => resolve())),
    close: () => watcher.close()
  }
}
