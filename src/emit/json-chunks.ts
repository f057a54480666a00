/**
 * The text of `JSON.stringify(value, null, indent)` for plain data (what JSON.parse gives, with
 * members that are undefined left out), in pieces whose concatenation is exactly that text. A value
 * whose JSON is too large to hold as one string (the series of ten thousand reports that restate
 * the same figures: 100 MB, twice that in memory as text with Chinese in it) is written piece by
 * piece. An object or array whose JSON comes to about `wholeAtMost` characters or fewer, and holds
 * no iterable that is not an array, is one piece at any level. Down to `depth` levels, a larger one
 * is opened: its members that are not (numbers, strings, such small objects and arrays) go a few
 * hundred to a piece, and each of the others is opened in turn; at the last level opened, every
 * member goes whole, a few hundred to a piece. Above `depth`, an iterable that is not an array (a
 * generator, say) is written as the array of its items, each taken as it is reached: a list too
 * large to hold made at once is made while it is written.
 */
export function* jsonChunks(
  value: unknown,
  indent = 2,
  depth = 2,
  wholeAtMost = defaultWholeAtMost
): Generator<string> {
  if (omitted(value)) return
  const separator = indent > 0 ? '\n' : ''
  const colon = indent > 0 ? ': ' : ':'
  const pads: string[] = []
  const pad = (level: number) => (pads[level] ??= ' '.repeat(indent * level))
  // One generator walks the open arrays and objects on a stack of its own: a piece yielded by
  // generators nested as deep as the value passes through every one of them, which took a build
  // of ten thousand reports most of a minute for its series alone.
  const open: Open[] = []
  // The members of a series' points are named alike in every point.
  const labels = new Map<string, string>()
  const named = ([name, member]: [string, unknown]): [string, unknown] => {
    let label = labels.get(name)
    if (label === undefined) labels.set(name, (label = `${JSON.stringify(name)}${colon}`))
    return [label, member]
  }
  const enter = (current: unknown, level: number): string | undefined => {
    if (level >= depth || typeof current !== 'object' || current === null || fitsWhole(current, wholeAtMost))
      return nested(current, indent, level)
    // An iterable that is not an array (a plain object has no iterator) stands for an array.
    if (Symbol.iterator in current && !Array.isArray(current)) {
      open.push({ members: (current as Iterable<unknown>)[Symbol.iterator](), level, first: true })
      return undefined
    }
    const entries = !Array.isArray(current)
    const items = Array.isArray(current) ? current : present(current)
    if (items.length === 0) return nested(current, indent, level)
    open.push({ items, entries, at: 0, level, last: level + 1 === depth })
    return undefined
  }
  /** Whether a member is written whole among others: it is not to be opened. */
  const small = (member: unknown) => typeof member !== 'object' || member === null || fitsWhole(member, wholeAtMost)
  /** How many members from `at` on go whole in one piece: none when the member at `at` is to be opened. */
  const together = ({ items, entries, at, last }: Listed): number => {
    if (last) return Math.min(batch, items.length - at)
    const most = Math.min(at + batch, items.length)
    let upTo = at
    while (upTo < most && small(entries ? (items[upTo] as [string, unknown])[1] : items[upTo])) upTo += 1
    return upTo - at
  }
  /** The next pieces of an array or object written from `at`. */
  const listedPieces = (top: Listed): string[] => {
    const { items, entries, at, level } = top
    const [start, end] = entries ? ['{', '}'] : ['[', ']']
    if (at === items.length) {
      open.pop()
      return [`${separator}${pad(level)}${end}`]
    }
    const opening = `${at === 0 ? start : ','}${separator}${pad(level + 1)}`
    const count = together(top)
    top.at = at + Math.max(count, 1)
    if (count > 0) {
      const some = items.slice(at, at + count)
      const made = entries ? Object.fromEntries(some as Array<[string, unknown]>) : some
      return [`${opening}${itemsInside(made, indent, level)}`]
    }
    const [label, member] = entries ? named(items[at] as [string, unknown]) : ['', items[at]]
    const leaf = enter(member, level + 1)
    return leaf === undefined ? [`${opening}${label}`] : [`${opening}${label}`, leaf]
  }
  const whole = enter(value, 0)
  if (whole !== undefined) yield whole
  for (let top = open.at(-1); top; top = open.at(-1)) {
    if ('items' in top) {
      yield* listedPieces(top)
      continue
    }
    const next = top.members.next()
    if (next.done === true) {
      open.pop()
      yield top.first ? '[]' : `${separator}${pad(top.level)}]`
      continue
    }
    yield `${top.first ? '[' : ','}${separator}${pad(top.level + 1)}`
    top.first = false
    const leaf = enter(next.value, top.level + 1)
    if (leaf !== undefined) yield leaf
  }
}

/** An array or object being written: the members still to come, and how deep it stands. */
type Open =
  /** An iterable that is not an array, written as the array of its items, each taken as it is reached. */
  { members: Iterator<unknown>; level: number; first: boolean } | Listed

/**
 * An array, or an object whose `entries` are its members, written from `at`: its members a few at
 * a time (see jsonChunks), and every one whole when it stands at the `last` level opened.
 */
interface Listed {
  items: readonly unknown[]
  entries: boolean
  at: number
  level: number
  last: boolean
}

// The members written whole that go to one piece: each of them alone took longer to write than
// to make, for the ten thousand reports that a figure of a series names; and the 7,000 files a
// build of a thousand reports records, written a member at a time, took two to three times as long
// as JSON.stringify of them whole in a new process.
const batch = 256

/** The members of an object that JSON.stringify writes, in its order. */
function present(value: object): Array<[string, unknown]> {
  return Object.entries(value).filter(([, member]) => !omitted(member))
}

// Opened a member at a time, the 27,000 checks of a series of 3,000 reports, each a few hundred
// characters, made that series' JSON in 213 ms, where JSON.stringify made it whole in 119 ms; a
// piece this large is held for no longer than it takes to encode it.
const defaultWholeAtMost = 16 * 1024

/**
 * Whether the JSON of plain data comes to about `limit` characters or fewer (its layout not
 * counted) and it holds no iterable that is not an array, which JSON.stringify would not list.
 */
function fitsWhole(value: object, limit: number): boolean {
  return budgetLeft(value, limit) >= 0
}

/**
 * What is left of `budget` once the JSON of `value` is counted, or a negative number as soon as
 * nothing is: a large value costs no more to ask about than a small one.
 */
function budgetLeft(value: unknown, budget: number): number {
  if (typeof value === 'string') return budget - value.length - 2
  if (typeof value !== 'object' || value === null) return budget - 8
  let left = budget - 2
  if (Array.isArray(value)) {
    for (const item of value) if ((left = budgetLeft(item, left - 1)) < 0) return left
    return left
  }
  if (Symbol.iterator in value) return -1
  for (const name in value)
    if ((left = budgetLeft((value as Record<string, unknown>)[name], left - name.length - 4)) < 0) return left
  return left
}

/** Left out of an object by JSON.stringify (and written as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

/**
 * The members of an array or object as JSON.stringify writes them inside it, each but the first
 * after its comma and line break, the array or object standing `level` levels deep: its text
 * without its brackets and their lines.
 */
function itemsInside(items: object, indent: number, level: number): string {
  const text = stringifiedAt(items, indent, level) as string
  return indent > 0 ? text.slice(2 + indent * (level + 1), -(2 + indent * level)) : text.slice(1, -1)
}

/** JSON.stringify's text of a value standing `level` levels deep: each line after the first indented as deep. */
function nested(value: unknown, indent: number, level: number): string {
  // A number, a string or a boolean takes no layout: most of what a series names is one.
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  return stringifiedAt(value, indent, level) ?? 'null'
}

/**
 * JSON.stringify's text of a value as it stands `level` levels deep in an indented whole: made
 * inside as many arrays, whose brackets and their lines are cut off, where indenting each line of
 * the value's own text again took as long as making it.
 */
function stringifiedAt(value: unknown, indent: number, level: number): string | undefined {
  if (indent === 0 || level === 0) return JSON.stringify(value, null, indent)
  if (omitted(value)) return undefined
  let wrapped: unknown = value
  for (let wraps = 0; wraps < level; wraps++) wrapped = [wrapped]
  const text = JSON.stringify(wrapped, null, indent)
  // Each array opens with its bracket, a line break and the next level's indent, and closes with
  // a line break, its own indent and its bracket.
  const opening = 2 * level + (indent * level * (level + 1)) / 2
  const closing = 2 * level + (indent * level * (level - 1)) / 2
  return text.slice(opening, text.length - closing)
}
