/**
 * The text of `JSON.stringify(value, null, indent)` for plain data (what JSON.parse gives, with
 * members that are undefined left out), in pieces whose concatenation is exactly that text: arrays
 * and objects down to `depth` levels are opened a member at a time, and anything deeper is one
 * piece. A value whose JSON is too large to hold as one string (the series of ten thousand reports
 * that restate the same figures: 100 MB, twice that in memory as text with Chinese in it) is
 * written piece by piece. Above `depth`, an iterable that is not an array (a generator, say) is
 * written as the array of its items, each taken as it is reached: a list too large to hold made at
 * once is made while it is written.
 */
export function* jsonChunks(value: unknown, indent = 2, depth = 2): Generator<string> {
  if (omitted(value)) return
  const separator = indent > 0 ? '\n' : ''
  const colon = indent > 0 ? ': ' : ':'
  yield* pieces(value, 0)

  function* pieces(current: unknown, level: number): Generator<string> {
    if (level >= depth || typeof current !== 'object' || current === null) {
      yield nested(current, indent, ' '.repeat(indent * level))
      return
    }
    // An array, or an iterable standing for one: a plain object has no iterator.
    const listed = Symbol.iterator in current
    const members: Iterable<[label: string, member: unknown]> = listed
      ? labelled(current as Iterable<unknown>)
      : Object.entries(current).flatMap(([name, member]): Array<[string, unknown]> =>
          omitted(member) ? [] : [[`${JSON.stringify(name)}${colon}`, member]]
        )
    const [open, close] = listed ? ['[', ']'] : ['{', '}']
    const inner = ' '.repeat(indent * (level + 1))
    let first = true
    for (const [label, member] of members) {
      yield `${first ? open : ','}${separator}${inner}${label}`
      first = false
      yield* pieces(member, level + 1)
    }
    yield first ? `${open}${close}` : `${separator}${' '.repeat(indent * level)}${close}`
  }
}

function* labelled(items: Iterable<unknown>): Generator<[string, unknown]> {
  for (const item of items) yield ['', item]
}

/** Left out of an object by JSON.stringify (and written as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

/** JSON.stringify's text of a value nested under `pad`: each line after the first indented by it. */
function nested(value: unknown, indent: number, pad: string): string {
  const text = JSON.stringify(value, null, indent) as string | undefined
  if (text === undefined) return 'null'
  // JSON text holds no line break but those of its layout: a string's own are escaped.
  return pad === '' ? text : text.replaceAll('\n', `\n${pad}`)
}
