/**
 * What to do about each kind of front-matter-invalid message. The rule's own fix (rules.ts) covers
 * them all for the reference; a message gets the one for its cause, so that a YAML slip is not
 * answered with advice about slugs.
 */
export const frontMatterFixes = {
  missing:
    'Start the file with a `---` line, the keys title, issuer, entity, period, language and slug, one per line as `key: value`, and a closing `---` line; `factmark new <slug>` writes them.',
  notClosed: 'Add a line `---` after the last key of the front matter, before the text of the report.',
  yaml: 'Correct the YAML at the position shown: each key at the start of its line as `key: value`, and a value with `:` or `#` in it quoted.',
  schema:
    'Required keys are title, issuer, entity, period (quoted, e.g. "2025"), language and slug; the message names the key to add or correct.',
  value:
    'Correct the value as the message says: a period or a date in quotes ("2025", "2025-02-18"), a slug in lower-case ASCII words joined by hyphens.',
  slugReserved: 'Give the report another slug: its file name without .md is the usual one.',
  slugTaken:
    'Give this report a slug of its own (its file name without .md), or remove the file if it is a copy of the other.'
} as const
