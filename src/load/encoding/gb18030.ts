/**
 * Whether bytes that are not UTF-8 read as Chinese text in GB18030 (of which
 * GBK and GB2312 are subsets). Almost any byte string without 0x80 or 0xFF
 * decodes as GB18030, Latin-1 text included; what tells real Chinese apart
 * is which characters come out. GB2312 puts its symbols and punctuation in
 * rows 0xA1 to 0xA9 and the 3,755 most frequent characters in rows 0xB0 to
 * 0xD7 (both with trail bytes 0xA1 to 0xFE): running Chinese text is made of
 * them almost entirely, while Latin-1 letters read as pairs land elsewhere
 * (é, è, à, ü, ö lead to rows 0xE0 and up; an ASCII byte after a Latin-1
 * letter is a trail byte below 0xA1).
 */
export function readsAsChinese(bytes: Uint8Array): boolean {
  let characters = 0
  let common = 0
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0
    if (lead < 0x80) {
      index++
      continue
    }
    const trail = bytes[index + 1] ?? 0
    characters++
    if (trail >= 0x30 && trail <= 0x39) {
      // A four-byte sequence: characters outside GBK, rare in running text.
      index += 4
      continue
    }
    if (trail >= 0xa1 && ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xd7))) common++
    index += 2
  }
  return characters > 0 && common / characters >= minimumCommonShare
}

/** Chinese reports stay far above this share (the seed report: over 99%); misread Latin-1 text stays far below. */
const minimumCommonShare = 0.8
