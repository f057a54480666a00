import { Document, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import { err, ok, type Result } from '../model/result.js'

/**
 * Additions to a YAML text that keep every byte of it: the yaml package's
 * Document API finds where a list or map ends and how it is indented, and
 * writes the new entries, which are then put into the text at that place.
 * Re-writing the whole document would restyle flow lists and quotes that an
 * editor chose (`aliases: [a, b]` comes back as `[ a, b ]`). New labels are
 * written `{ zh: …, en: … }`, as the registry writes them.
 */

const writeOptions = { lineWidth: 0, flowCollectionPadding: true } as const

/** The line end the text uses: a file written with CRLF gets CRLF lines. */
function lineEnd(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

/** Lines of YAML, each indented, with the text's line ends. */
function indented(yaml: string, indent: string, eol: string): string {
  return yaml
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? '' : indent + line) + eol)
    .join('')
}

/** The offset just after the line that holds `offset`. */
function afterLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset)
  return newline === -1 ? text.length : newline + 1
}

/** The text from the start of the line of `offset` to it. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

function parsed(text: string): Result<Document, string> {
  const document = parseDocument(text)
  if (document.errors.length > 0) return err(`it is not valid YAML (${document.errors[0]?.message ?? ''})`)
  return ok(document)
}

/**
 * `text` with `items` added at the end of the block list under the top-level
 * `key`, or with that list created at the end when there is none. A comment
 * line goes before the new items.
 */
export function appendToList(
  text: string,
  key: string,
  items: readonly string[],
  comment: string
): Result<string, string> {
  const document = parsed(text)
  if (!document.ok) return document
  const eol = lineEnd(text)
  const list = document.value.get(key, true)
  const entries = new Document([...items]).toString(writeOptions)
  if (list === undefined) {
    return ok(insertAtEnd(text, `# ${comment}${eol}${key}:${eol}${indented(entries, '  ', eol)}`, eol))
  }
  if (!isSeq(list) || list.flow || list.items.length === 0 || !list.range)
    return err(`its ${key}: is not a block list of phrases, which factmark can add to without rewriting it`)
  const first = list.items[0] as Node
  const itemStart = first.range?.[0] ?? list.range[0]
  // The dash of a block list item stands two columns before its value.
  const dash = Math.max(0, itemStart - lineStart(text, itemStart) - 2)
  const at = afterLine(text, Math.max(((list.items.at(-1) as Node).range?.[1] ?? list.range[1]) - 1, 0))
  const indent = ' '.repeat(dash)
  const gap = text.slice(0, at).endsWith('\n') ? '' : eol
  return ok(text.slice(0, at) + gap + `${indent}# ${comment}${eol}` + indented(entries, indent, eol) + text.slice(at))
}

/**
 * `text` with `entries` (id → value) added at the end of the block map under
 * the top-level `key`, each after a comment line.
 */
export function appendToMap(
  text: string,
  key: string,
  entries: ReadonlyArray<{ id: string; value: unknown; comment: string }>
): Result<string, string> {
  const document = parsed(text)
  if (!document.ok) return document
  const eol = lineEnd(text)
  const map = document.value.get(key, true)
  if (!isMap(map) || map.flow || map.items.length === 0 || !map.range)
    return err(`its ${key}: is not a block map, which factmark can add to without rewriting it`)
  const firstKey = map.items[0]?.key
  const keyStart = isScalar(firstKey) && firstKey.range ? firstKey.range[0] : map.range[0]
  const indent = ' '.repeat(keyStart - lineStart(text, keyStart))
  const last = map.items.at(-1)
  const lastEnd = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1] ?? map.range[1]
  const at = afterLine(text, Math.max(lastEnd - 1, 0))
  const written = entries
    .map(({ id, value, comment }) => {
      const entry = new Document({ [id]: value })
      flowLabels(entry)
      return `${indent}# ${comment}${eol}${indented(entry.toString(writeOptions), indent, eol)}`
    })
    .join('')
  const gap = text.slice(0, at).endsWith('\n') ? '' : eol
  return ok(text.slice(0, at) + gap + written + text.slice(at))
}

/** Labels `{ zh: …, en: … }` on one line, as the registry writes them. */
function flowLabels(document: Document): void {
  const root = document.contents
  if (!isMap(root)) return
  for (const pair of root.items) {
    const metric = pair.value
    if (!isMap(metric)) continue
    const label = metric.get('label', true)
    if (isMap(label)) label.flow = true
  }
}

function insertAtEnd(text: string, block: string, eol: string): string {
  const separator = text === '' || text.endsWith('\n') ? '' : eol
  return text + separator + block
}
