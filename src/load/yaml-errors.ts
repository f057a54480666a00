import { isMap, isScalar, isSeq, visit, type Document, type Node, type YAMLError } from 'yaml'
import { dataLines, firstKeyIndented, keyReadAsValue, misindented, type DataLine } from './yaml-indent.js'
import type { YamlOffsetProblem } from './yaml-problem.js'

/**
 * The yaml library reports a bracket or quote left open where it finds out,
 * at the next line that cannot belong to it or at the end of the text,
 * which can be far below the line to fix. Each row names such an error by
 * its message, and the node the opener starts.
 */
const openers: ReadonlyArray<{ error: RegExp; opens: (node: Node) => boolean; message: string }> = [
  {
    error: /^Flow sequence\b/,
    opens: (node) => isSeq(node) && node.flow === true,
    message:
      'The list opened here with "[" is not closed: end it with "]" (and indent its lines if it goes on over several)'
  },
  {
    error: /^Flow map\b/,
    opens: (node) => isMap(node) && node.flow === true,
    message:
      'The map opened here with "{" is not closed: end it with "}" (and indent its lines if it goes on over several)'
  },
  {
    error: /^Missing closing "quote/,
    opens: (node) => isScalar(node) && node.type === 'QUOTE_DOUBLE',
    message: 'The text opened here with " is not closed: end it with "'
  },
  {
    error: /^Missing closing 'quote/,
    opens: (node) => isScalar(node) && node.type === 'QUOTE_SINGLE',
    message: "The text opened here with ' is not closed: end it with '"
  }
]

export const tooDeepMessage = 'The YAML nests too deep to read: flatten it'

/** Errors the yaml library words for its own developers, in words for an editor. */
const rewordings: ReadonlyArray<{ code: string; message: string }> = [
  // The library catches the stack overflow of a document nested too deep and reports it under this code.
  { code: 'RESOURCE_EXHAUSTION', message: tooDeepMessage }
]

/**
 * The errors of a parsed YAML document, each at the bracket or quote it
 * leaves open when it is about one (the node the opener starts ends where
 * the library gave up, which is where it reports the error), and in words
 * for an editor.
 */
export function describeYamlErrors(doc: Document, errors: readonly YAMLError[], text: string): YamlOffsetProblem[] {
  // Without errors, no walk of the whole document: for the seed's registry, 8 ms in a new process.
  if (errors.length === 0) return []
  const lines = dataLines(text)
  // A key YAML reads as text makes the library's errors about the lines around it, in its words.
  const unread = keysReadAsText(lines, text)
  if (unread.length > 0) return unread
  // A tab in the indentation is an error of the library's, and every line it moves is another.
  if (errors.some((error) => error.code === 'TAB_AS_INDENT')) {
    const tabbed = tabsIndenting(lines, text)
    if (tabbed.length > 0) return tabbed
  }
  // A key without its colon runs into the key after it, which the library tells in its own words.
  const colonless = keysWithoutColon(lines)
  if (colonless.length > 0) return colonless
  // A line without its dash among the items of a list is a key without a value to the library.
  const strays = itemsWithoutDash(lines, text, errors)
  if (strays.length > 0) return strays
  // A first key indented further than the keys after it makes every line after it an error.
  const firstIndented = firstKeyIndented(lines)
  if (firstIndented) return [firstIndented]
  // Indentation is told one key at a time (see misindented, keyReadAsValue): each key after the
  // first out of line is an error of the library's too, often in words that would move a key
  // that is right.
  const isMisindented = (error: YAMLError) =>
    error.code === 'BAD_INDENT' && error.message.startsWith('All mapping items must start at the same column')
  let indentation: { error: YAMLError; problem: YamlOffsetProblem } | undefined
  for (const error of errors) {
    const problem = isMisindented(error)
      ? misindented(lines, error.pos[0])
      : error.code === 'BLOCK_AS_IMPLICIT_KEY'
        ? keyReadAsValue(lines, error.pos[0])
        : undefined
    if (problem) {
      indentation = { error, problem }
      break
    }
  }
  const cascade = (error: YAMLError) =>
    isMisindented(error) || error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY'
  const told = indentation ? errors.filter((error) => error === indentation.error || !cascade(error)) : errors
  // Openers by the offset where their node ends.
  const endingAt = new Map<number, Node[]>()
  visit(doc, {
    Node: (_key, node) => {
      const end = node.range?.[1]
      if (end === undefined || !openers.some((row) => row.opens(node))) return
      const list = endingAt.get(end)
      if (list) list.push(node)
      else endingAt.set(end, [node])
    }
  })
  const taken = new Set<Node>()
  let unclosedFrom = Infinity
  const problems = told.map((error): [YAMLError, YamlOffsetProblem] => {
    if (indentation && error === indentation.error) return [error, indentation.problem]
    const message = rewordings.find((entry) => entry.code === error.code)?.message ?? firstLine(error.message)
    const row = openers.find((entry) => entry.error.test(message))
    const node = row && endingAt.get(error.pos[0])?.find((candidate) => !taken.has(candidate) && row.opens(candidate))
    const start = node?.range?.[0]
    if (!row || !node || start === undefined) return [error, { message, start: error.pos[0], end: error.pos[1] }]
    taken.add(node)
    unclosedFrom = Math.min(unclosedFrom, start)
    return [error, { message: row.message, start, end: start + 1 }]
  })
  // A map, list or text left open swallows the lines after it, whose keys the library then finds out
  // of place, in its own words, where nothing is wrong: the opening is told, not what follows it.
  return problems.filter(([error]) => !(cascade(error) && error.pos[0] > unclosedFrom)).map(([, problem]) => problem)
}

/**
 * Keys YAML reads as text, not as keys, each at its colon: written with the full-width colon a
 * Chinese keyboard types (entity：厦门市), or with no space after the colon (entity:厦门市).
 */
function keysReadAsText(lines: readonly DataLine[], text: string): YamlOffsetProblem[] {
  return lines.flatMap((line) => {
    const match = /^([A-Za-z_][\w.-]*)[ \t]*(：|:(?=\P{ASCII}))/u.exec(line.text)
    if (!match) return []
    const [, key = '', colon = ''] = match
    const at = text.indexOf(key, line.start) + match[0].length - 1
    const message =
      colon === '：'
        ? `"${key}：" is written with the full-width colon "：", which YAML does not read as one: type ":" and a space (${key}: …)`
        : `"${key}:" needs a space after its colon, or YAML reads the line as text: ${key}: …`
    return [{ message, start: at, end: at + 1 }]
  })
}

/**
 * Lines that stand among the items of a list, where its dashes are, with no dash and no key: a
 * phrase added under the others of ignore: without its "- ". Each with an error of the library on it.
 */
function itemsWithoutDash(lines: readonly DataLine[], text: string, errors: readonly YAMLError[]): YamlOffsetProblem[] {
  const raw = (line: DataLine) => text.slice(line.start, line.end)
  const indent = (line: DataLine) => raw(line).length - raw(line).trimStart().length
  const dashAt = (line: DataLine) => /^([ \t]*)-(?:[ \t]|$)/.exec(raw(line))?.[1]?.length
  return lines.flatMap((line, index) => {
    if (dashAt(line) !== undefined || /:(?:\s|$)/.test(line.text)) return []
    // The library reports a first item without its dash at the end of the list, an item after the first on its line.
    if (!errors.some((error) => error.pos[0] >= line.start)) return []
    const at = indent(line)
    const above = lines.slice(0, index).findLast((candidate) => indent(candidate) <= at)
    // The first item without its dash has the others below it.
    const below = lines[index + 1]
    const onItsLine = errors.some((error) => error.pos[0] >= line.start && error.pos[0] <= line.end)
    const afterAnItem = onItsLine && above !== undefined && dashAt(above) === at
    if (!afterAnItem && (below === undefined || dashAt(below) !== at)) return []
    return [
      {
        message: `"${line.text}" stands among the items of a list without the "- " of an item: write "- ${line.text}" to make it one, or remove the line`,
        start: line.start + at,
        end: line.end
      }
    ]
  })
}

/**
 * Lines that stand among the keys of a map as a word and a value with no colon between them
 * (issuer 厦门市生态环境局), each at the space where the colon belongs.
 */
function keysWithoutColon(lines: readonly DataLine[]): YamlOffsetProblem[] {
  const isKey = (line: DataLine | undefined, indent: number) =>
    line !== undefined && line.indent === indent && /^[^\s:#-][^:#]*:(?:\s|$)/.test(line.text)
  return lines.flatMap((line, index) => {
    const match = /^([A-Za-z_][\w.-]*)[ \t]+[^\s:]/.exec(line.text)
    if (!match || line.text.includes(':')) return []
    if (!isKey(lines[index - 1], line.indent) && !isKey(lines[index + 1], line.indent)) return []
    const key = match[1] ?? ''
    const at = line.start + line.indent + key.length
    const value = line.text.slice(key.length).trim()
    return [
      {
        message: `"${key}" has no colon after it, so YAML does not read it as a key: write ${key}: ${value}`,
        start: at,
        end: at + 1
      }
    ]
  })
}

/** Lines indented with a tab, each at its first tab: YAML indents with spaces alone. */
function tabsIndenting(lines: readonly DataLine[], text: string): YamlOffsetProblem[] {
  return lines.flatMap((line) => {
    const indent = /^[ \t]*/.exec(text.slice(line.start, line.end))?.[0] ?? ''
    const tab = indent.indexOf('\t')
    if (tab === -1) return []
    const at = line.start + tab
    return [
      {
        message:
          'A tab indents this line, and YAML indents with spaces alone: replace the tab with spaces, as many as the lines beside it have',
        start: at,
        end: at + 1
      }
    ]
  })
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message
}
