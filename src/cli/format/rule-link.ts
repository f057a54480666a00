import { realpathSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Turns the reference a message names into a place a reader can open. */
export type RuleLink = (url: string) => string

// A diagnostic names its rule's reference as factmark's own repository has it (docs/rules.md#id),
// which is what JSON output keeps. A project that installs factmark has no docs/ of its own: the
// reference is in the package, under node_modules or wherever npm put a global install.
const packageReference = fileURLToPath(new URL('../../../docs/rules.md', import.meta.url))
const repositoryPath = 'docs/rules.md'
const installedPath = 'node_modules/factmark/docs/rules.md'

/**
 * The reference as seen from `cwd`: relative when it is below it (docs/rules.md in factmark's own
 * tree, node_modules/factmark/docs/rules.md in a project); node_modules/factmark/docs/rules.md too
 * when the project's node_modules/factmark leads to this package through a link (npm link);
 * absolute otherwise (a global install). Other texts are returned as they are.
 */
export function ruleLinkFrom(cwd: string, reference = packageReference): RuleLink {
  const relative = path.relative(cwd, reference)
  const below = !relative.startsWith('..') && !path.isAbsolute(relative)
  const file = below
    ? relative.split(path.sep).join('/')
    : sameFile(path.join(cwd, installedPath), reference)
      ? installedPath
      : reference
  return (url) =>
    url === repositoryPath || url.startsWith(`${repositoryPath}#`) ? file + url.slice(repositoryPath.length) : url
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return false
  }
}
