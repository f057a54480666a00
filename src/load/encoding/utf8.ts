/**
 * Where a byte sequence stops being UTF-8: the index of the first byte that
 * does not start a well-formed sequence, per the table of well-formed byte
 * sequences in The Unicode Standard, section 3.9 (Table 3-7), which is also
 * what TextDecoder accepts. Undefined when every byte is part of a
 * well-formed sequence.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let index = 0
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index)
    if (length === 0) return index
    index += length
  }
  return undefined
}

/** [lead low, lead high, second low, second high, length]: the rows of Table 3-7. */
// prettier-ignore
const sequences: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [0x00, 0x7f, 0, 0, 1],
  [0xc2, 0xdf, 0x80, 0xbf, 2],
  [0xe0, 0xe0, 0xa0, 0xbf, 3],
  [0xe1, 0xec, 0x80, 0xbf, 3],
  [0xed, 0xed, 0x80, 0x9f, 3],
  [0xee, 0xef, 0x80, 0xbf, 3],
  [0xf0, 0xf0, 0x90, 0xbf, 4],
  [0xf1, 0xf3, 0x80, 0xbf, 4],
  [0xf4, 0xf4, 0x80, 0x8f, 4]
]

/** The length of the well-formed sequence at `index`, or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0
  const row = sequences.find(([low, high]) => lead >= low && lead <= high)
  if (!row) return 0
  const [, , secondLow, secondHigh, length] = row
  if (length === 1) return 1
  if (index + length > bytes.length) return 0
  const second = bytes[index + 1] ?? 0
  if (second < secondLow || second > secondHigh) return 0
  for (let offset = 2; offset < length; offset++) {
    const next = bytes[index + offset] ?? 0
    if (next < 0x80 || next > 0xbf) return 0
  }
  return length
}
