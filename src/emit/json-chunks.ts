/**
 * The text of `JSON.stringify(value, null, indent)` for plain data (what JSON.parse gives, with
 * members that are undefined left out), in pieces whose concatenation is exactly that text: arrays
 * and objects down to `depth` levels are opened a member at a time, and anything deeper is one
 * piece, but for an array at the last level opened, whose members go a few hundred to a piece. A
 * value whose JSON is too large to hold as one string (the series of ten thousand reports that
 * restate the same figures: 100 MB, twice that in memory as text with Chinese in it) is written
 * piece by piece. Above `depth`, an iterable that is not an array (a generator, say) is
 * written as the array of its items, each taken as it is reached: a list too large to hold made at
 * once is made while it is written.
 */
export function* jsonChunks(value: unknown, indent = 2, depth = 2): Generator<string> {
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
    if (level >= depth || typeof current !== 'object' || current === null) return nested(current, indent, pad(level))
    if (level + 1 === depth && Array.isArray(current) && current.length > 0) {
      open.push({ items: current, at: 0, level })
      return undefined
    }
    // An array, or an iterable standing for one: a plain object has no iterator.
    const listed = Symbol.iterator in current
    const members = listed
      ? (current as Iterable<unknown>)[Symbol.iterator]()
      : Object.entries(current)
          .filter(([, member]) => !omitted(member))
          .values()
    open.push({ members, listed, level, first: true })
    return undefined
  }
  const whole = enter(value, 0)
  if (whole !== undefined) yield whole
  for (let top = open.at(-1); top; top = open.at(-1)) {
    if ('items' in top) {
      const { items, at, level } = top
      if (at === items.length) {
        open.pop()
        yield `${separator}${pad(level)}]`
        continue
      }
      top.at = Math.min(at + batch, items.length)
      const text = itemsInside(items.slice(at, top.at), indent, pad(level))
      yield `${at === 0 ? '[' : ','}${separator}${pad(level + 1)}${text}`
      continue
    }
    const next = top.members.next()
    const [start, end] = top.listed ? ['[', ']'] : ['{', '}']
    if (next.done === true) {
      open.pop()
      yield top.first ? `${start}${end}` : `${separator}${pad(top.level)}${end}`
      continue
    }
    const [label, member] = top.listed ? ['', next.value] : named(next.value as [string, unknown])
    yield `${top.first ? start : ','}${separator}${pad(top.level + 1)}${label}`
    top.first = false
    const leaf = enter(member, top.level + 1)
    if (leaf !== undefined) yield leaf
  }
}

/** An array or object being written: the members still to come, and how deep it stands. */
type Open =
  | { members: Iterator<unknown>; listed: boolean; level: number; first: boolean }
  /** An array whose members are written whole, `batch` of them to a piece, from `at`. */
  | { items: readonly unknown[]; at: number; level: number }

// The members of an array at the last level opened that go to one piece: each of them alone took
// longer to write than to make, for the ten thousand reports that a figure of a series names.
const batch = 256

/** Left out of an object by JSON.stringify (and written as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

/**
 * The members of an array as JSON.stringify writes them inside it, each but the first after its
 * comma and line break, under `pad`: the text of the array without its brackets and their lines.
 */
function itemsInside(items: readonly unknown[], indent: number, pad: string): string {
  const text = JSON.stringify(items, null, indent)
  return under(indent > 0 ? text.slice(2 + indent, -2) : text.slice(1, -1), pad)
}

/** JSON.stringify's text of a value nested under `pad`: each line after the first indented by it. */
function nested(value: unknown, indent: number, pad: string): string {
  // A number, a string or a boolean takes no layout: most of what a series names is one.
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  const text = JSON.stringify(value, null, indent) as string | undefined
  return text === undefined ? 'null' : under(text, pad)
}

/** JSON text with each line after the first indented by `pad`. */
function under(text: string, pad: string): string {
  // JSON text holds no line break but those of its layout: a string's own are escaped.
  return pad === '' ? text : text.replaceAll('\n', `\n${pad}`)
}
