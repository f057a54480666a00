import { readsAsChinese } from './gb18030.js'
import { firstInvalidUtf8 } from './utf8.js'

/** The encodings factmark reads; everything but UTF-8 is read with a warning. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodedText {
  /** The text, without a byte order mark; bytes that could not be decoded are U+FFFD. */
  text: string
  encoding: Encoding
  /** Where in `text` the first byte that could not be decoded stands; absent when every byte was. */
  invalidAt?: number
  /** That byte, for the message. */
  invalidByte?: number
}

/** Byte order marks, which name their encoding (the Encoding Standard's "BOM sniff"). */
// prettier-ignore
const byteOrderMarks: ReadonlyArray<{ bytes: readonly number[]; encoding: Encoding }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' }
]

/**
 * Decode a source file: UTF-8 unless a byte order mark says UTF-16, or the
 * bytes are not UTF-8 but read cleanly as Chinese in GB18030 (see
 * gb18030.ts). Anything else is UTF-8 with its first invalid byte marked.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const marked = byteOrderMarks.find((mark) => mark.bytes.every((byte, index) => bytes[index] === byte))
  if (marked && marked.encoding !== 'utf-8') return decodeUtf16(bytes, marked.encoding)
  const utf8 = strictly('utf-8', bytes)
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' }
  if (readsAsChinese(bytes)) {
    const chinese = strictly('gb18030', bytes)
    if (chinese !== undefined) return { text: chinese, encoding: 'gb18030' }
  }
  const index = firstInvalidUtf8(bytes) ?? 0
  return {
    text: new TextDecoder('utf-8').decode(bytes),
    encoding: 'utf-8',
    // The bytes before the first invalid one are well-formed, so they decode to exactly the text before it.
    invalidAt: new TextDecoder('utf-8').decode(bytes.subarray(0, index)).length,
    invalidByte: bytes[index] ?? 0
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: Encoding): DecodedText {
  const strict = strictly(encoding, bytes)
  if (strict !== undefined) return { text: strict, encoding }
  // A lone surrogate or an odd last byte: the first replacement character marks it.
  const text = new TextDecoder(encoding).decode(bytes)
  const at = text.indexOf('\uFFFD')
  return { text, encoding, invalidAt: at === -1 ? text.length : at }
}

/** The text, or undefined when the bytes are not valid in the encoding (or this Node.js has no decoder for it). */
function strictly(encoding: Encoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}
