import { directiveFromMarkdown, directiveToMarkdown } from 'mdast-util-directive'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'
import type { Options as ToMarkdownExtension, Unsafe } from 'mdast-util-to-markdown'

/**
 * A colon that would start an annotation: `:fact` not followed by a character of a longer name.
 * An underscore counts as ending it, since the serializer may escape it (`:fact\_` reads as
 * `:fact` and a literal underscore).
 */
const startsFact = 'fact(?![-A-Za-z0-9])'

/** Turn the tokens of `fact-syntax.ts` into directive nodes, as mdast-util-directive does for the generic syntax. */
export function factFromMarkdown(): FromMarkdownExtension {
  return directiveFromMarkdown()
}

/**
 * Write annotations back as `:fact[…]{…}`. A colon in text is escaped only
 * where it would start an annotation: the generic directive syntax escapes
 * every colon before a letter, a digit or a CJK character, which would
 * turn 10:30 into 10\:30 in every report.
 */
export function factToMarkdown(): ToMarkdownExtension {
  const generic = directiveToMarkdown({ preferUnquoted: true })
  // prettier-ignore
  const unsafe: Unsafe[] = [
    ...(generic.unsafe ?? []).filter((pattern) => pattern.character !== ':'),
    // Wherever it stands: after a character that is itself escaped (\`:fact) it still starts one.
    { character: ':', after: startsFact, inConstruct: ['phrasing'] },
    { character: ':', afterNode: 'textDirective', inConstruct: ['phrasing'] },
    { character: ':', atBreak: true, before: ':+', after: startsFact }
  ]
  return { ...generic, unsafe }
}
