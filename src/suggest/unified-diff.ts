import { createTwoFilesPatch } from 'diff'

/**
 * A unified diff of files as they are and as they would be written, in the
 * form git and patch read (`a/` and `b/` paths, three lines of context).
 */
export function unifiedDiff(files: ReadonlyArray<{ path: string; before: string; after: string }>): string {
  return files
    .map((file) =>
      createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, undefined, undefined, {
        context: 3
      }).replace(/^=+\n/, '')
    )
    .join('')
}
