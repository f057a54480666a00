/**
 * Text from a source, a file name or a message reaches terminals and CI logs.
 * Control characters there are commands to the terminal (ESC ] 0 ; retitles
 * the window, ESC [ 2 J clears it), bidirectional controls reorder what a
 * line appears to say, and a CI runner executes lines it reads as workflow
 * commands. Every formatter prints such text through these functions.
 */

/** C0 and C1 controls and DEL (Unicode category Cc), and the Unicode Bidi_Control characters. */
const unsafe = /[\p{Cc}\p{Bidi_Control}]/gu

/** `\u{1b}`: the JavaScript escape of a code point, unambiguous and readable in any terminal. */
function escapeCodePoint(char: string): string {
  return `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`
}

/**
 * One field of a line (a file name, a message, a figure, a line of source):
 * a tab becomes one space, so that columns still line up; every other
 * control or bidirectional character, line breaks included, is written as
 * its escape, so the field stays on its line and shows what it holds.
 */
export function printable(text: string): string {
  return text.replace(unsafe, (char) => (char === '\t' ? ' ' : escapeCodePoint(char)))
}

/**
 * GitHub's runner executes a line that starts with `::` after any blanks,
 * and the older form `##[command]` anywhere in a line
 * (actions/runner src/Runner.Common/ActionCommand.cs, TryParseV2 and
 * TryParse). Their first `:` or the `[` is written as its escape.
 */
export function guardLine(line: string): string {
  return line
    .replace(/^(\s*):(?=:)/u, (_, blanks: string) => `${blanks}${escapeCodePoint(':')}`)
    .replace(/(?<=##)\[/g, escapeCodePoint('['))
}

/**
 * A character of a line of source as shown, for output that measures where
 * each character lands (the code frame's caret): printable, with the `[`
 * of `##[` escaped here rather than by guardLine afterwards.
 */
export function shownCharacter(chars: readonly string[], index: number): string {
  const char = chars[index] ?? ''
  return char === '[' && chars[index - 1] === '#' && chars[index - 2] === '#' ? escapeCodePoint(char) : printable(char)
}

/** Every line of a text whose fields are printable already, guarded against CI runners. */
export function guardLines(text: string): string {
  return text.split('\n').map(guardLine).join('\n')
}

/**
 * Text from elsewhere (an error message, a path) as a whole: every line printable and guarded; its
 * line breaks are kept.
 */
export function terminalText(text: string): string {
  return guardLines(text.split('\n').map(printable).join('\n'))
}

/**
 * What JSON.stringify leaves raw and a terminal would still act on: DEL, C1 controls and the
 * bidirectional controls.
 */
const jsonUnsafe = /[\u007f-\u009f\p{Bidi_Control}]/gu

/**
 * JSON for output: the same data, with DEL, C1 and bidirectional controls
 * and the `[` of `##[` as \u escapes. JSON.stringify escapes C0 already;
 * these characters can only stand inside strings, so a consumer parses
 * exactly the strings it would have got without the escapes.
 */
export function jsonText(value: unknown): string {
  const hex = (char: string) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
  return `${JSON.stringify(value, null, 2)
    .replace(jsonUnsafe, hex)
    .replace(/(?<=##)\[/g, hex('['))}\n`
}
