import { VFile } from 'vfile'
import { blankForbiddenCharacters, describeForbiddenCharacter, forbiddenCharacters } from './control-characters.js'
import { report } from '../diagnostics/report.js'
import { decodeText, type DecodedText, type Encoding } from './encoding/decode.js'
import { inputLimits, sizeMessage } from '../remark/limit-values.js'
import { pointsOf } from '../model/positions.js'
import { plural } from '../model/plural.js'

export interface SourceFile {
  /** The file as read, line ends made LF where they were a lone CR; diagnostics are attached to it. */
  file: VFile
  /**
   * What the parsers read: the same text with each forbidden character (see control-characters.ts)
   * made spaces, so that none reaches a value and every offset stays put.
   */
  text: string
  /** False when the file is in no encoding factmark reads; nothing of it is then compiled. */
  readable: boolean
}

/** How the warning names each encoding other than UTF-8, and what `iconv -f` calls it. */
const otherEncodings: Record<Exclude<Encoding, 'utf-8'>, { name: string; iconv: string }> = {
  gb18030: { name: 'GB18030 (GBK)', iconv: 'GB18030' },
  'utf-16le': { name: 'UTF-16 LE (it starts with a byte order mark)', iconv: 'UTF-16' },
  'utf-16be': { name: 'UTF-16 BE (it starts with a byte order mark)', iconv: 'UTF-16' }
}

/**
 * More control characters in one file are counted, not listed: a binary file would otherwise give
 * one error per byte.
 */
const listedControlCharacters = 10

/**
 * Turn a source file into text: decode its bytes (a string is taken as
 * decoded already), warn once when it is not UTF-8, and report bytes that
 * cannot be read and control characters at their positions.
 */
export function openSource(path: string, content: string | Uint8Array, unreadSize?: number): SourceFile {
  if (unreadSize !== undefined) {
    const file = new VFile({ path, value: '' })
    report(file, 'input-limit', sizeMessage(unreadSize), { line: 1, column: 1 })
    return { file, text: '', readable: false }
  }
  const decoded: DecodedText =
    typeof content === 'string' ? { text: content.replace(/^\uFEFF/, ''), encoding: 'utf-8' } : decodeText(content)
  // A lone CR ends a line for CommonMark and YAML alike; as LF, the one character keeps every offset, line and column.
  const value = decoded.text.replace(/\r(?!\n)/g, '\n')
  const file = new VFile({ path, value })
  const toPoint = pointsOf(file)
  const at = (offset: number, length = 1) => ({
    start: toPoint(offset),
    end: toPoint(Math.min(offset + length, value.length))
  })

  if (decoded.encoding !== 'utf-8') {
    const { name, iconv } = otherEncodings[decoded.encoding]
    report(
      file,
      'encoding-not-utf8',
      `The file is saved as ${name}, not UTF-8, and was read as such: save it as UTF-8 in your editor, or convert it with \`iconv -f ${iconv} -t UTF-8\``,
      { line: 1, column: 1 }
    )
  }
  if (decoded.invalidAt !== undefined) {
    const reason =
      decoded.encoding === 'utf-8'
        ? `The file is not valid UTF-8: the byte 0x${(decoded.invalidByte ?? 0).toString(16).toUpperCase().padStart(2, '0')} here cannot be read, and the file does not read as GB18030 Chinese either; save it as UTF-8`
        : `The file starts with a UTF-16 byte order mark but is not valid UTF-16 from here on; save it as UTF-8`
    report(file, 'encoding-invalid', reason, at(decoded.invalidAt))
    return { file, text: value, readable: false }
  }
  // The limit is on the text as UTF-8, front matter included, whatever encoding the file was saved in.
  const size = Buffer.byteLength(value, 'utf8')
  if (size > inputLimits.reportBytes) {
    report(file, 'input-limit', sizeMessage(size), { line: 1, column: 1 })
    return { file, text: value, readable: false }
  }

  const found = forbiddenCharacters(value)
  for (const { offset, char } of found.slice(0, listedControlCharacters)) {
    const described = describeForbiddenCharacter(char)
    report(
      file,
      'control-character',
      `${described.charAt(0).toUpperCase()}${described.slice(1)} stands here: delete it`,
      at(offset, char.length)
    )
  }
  const more = found[listedControlCharacters]
  if (more !== undefined) {
    const count = found.length - listedControlCharacters
    report(
      file,
      'control-character',
      `${count} more such ${plural(count, 'character')} from here on: delete them`,
      at(more.offset, more.char.length)
    )
  }
  return { file, text: found.length > 0 ? blankForbiddenCharacters(value) : value, readable: true }
}
