import { createHash } from 'node:crypto'
import type { Position } from 'unist'
import type { Diagnostic, RelatedPlace } from '../model/compiled.js'
import { sha256 } from '../emit/hash.js'
import type { AcrossMemo, AcrossMessages, Told } from './across-memo.js'
import type { ReportSummary, ReportUnit } from './report-unit.js'

/**
 * Where the facts of reports moved, when nothing else of them changed: a sentence put before
 * them, a word mended in the paragraph they stand in. By each file (the path messages name a
 * report by, and the one its facts' sources give), the place each fact's start and end stood
 * at, `line:column`, to where it stands now; null where two places that were one now part.
 */
export interface Moves {
  files: ReadonlyMap<string, ReadonlyMap<string, Point | null>>
  /** A digest of every move: a file moved by the same moves from the same bytes has the same bytes. */
  digest: string
}

interface Point {
  line: number
  column: number
}

/** A report as it was and as it is, with the digests of both summaries. */
export interface Moved {
  /** The path messages name the report by. */
  shown: string
  before: ReportSummary
  after: ReportSummary
  digests: [before: string, after: string]
  /** Places that stand where they stood: those of its front matter (its slug, its entity), which the key of the conclusions holds. */
  kept?: readonly Position[]
}

/**
 * The moves of these reports, or undefined when one is more than moved: another count of facts,
 * or a fact now from another file. (That the summaries are otherwise the same is the caller's:
 * see the digest of their shapes in ReportUnit.)
 */
export function movesOf(moved: readonly Moved[]): Moves | undefined {
  const files = new Map<string, Map<string, Point | null>>()
  const add = (file: string, key: string, to: Point) => {
    const moves = files.get(file) ?? new Map<string, Point | null>()
    files.set(file, moves)
    const known = moves.get(key)
    moves.set(key, known === undefined || (known !== null && samePoint(known, to)) ? to : null)
  }
  for (const { shown, before, after, kept = [] } of moved) {
    for (const { start, end } of kept)
      for (const point of [start, end]) add(shown, `${point.line}:${point.column}`, point)
    const was = before.bundle.facts
    const now = after.bundle.facts
    if (was.length !== now.length) return undefined
    for (const [at, fact] of was.entries()) {
      const from = fact.source
      const to = now[at]?.source
      if (to?.file !== from.file) return undefined
      for (const file of new Set([shown, from.file])) {
        add(file, `${from.line}:${from.column}`, { line: to.line, column: to.column })
        add(file, `${from.endLine}:${from.endColumn}`, { line: to.endLine, column: to.endColumn })
      }
    }
  }
  const digest = createHash('sha256')
    .update(JSON.stringify(moved.map(({ shown, digests }) => [shown, ...digests])))
    .digest('hex')
  return { files, digest }
}

function samePoint(a: Point, b: Point): boolean {
  return a.line === b.line && a.column === b.column
}

/**
 * The messages of the rules across reports with every place in a moved report where it now
 * stands: their own, their related places, and those their words name (`file:line:column`).
 * Undefined when one names a place in a moved report that is no fact's start or end: it may
 * have changed otherwise, and the rules are run again.
 */
export function relocatedMessages(messages: AcrossMessages, moves: Moves): AcrossMessages | undefined {
  try {
    const moved = (list: readonly Diagnostic[]) => list.map((diagnostic) => relocatedDiagnostic(diagnostic, moves))
    return {
      registry: moved(messages.registry),
      reports: Object.fromEntries(Object.entries(messages.reports).map(([file, list]) => [file, moved(list)])),
      skipped: moved(messages.skipped)
    }
  } catch (error) {
    if (error === unplaced) return undefined
    throw error
  }
}

const unplaced = new Error('a place in a moved report that no fact stood at')

/** What was told with every place in a moved report where it now stands; undefined as relocatedMessages says. */
export function relocatedTold(told: Told, moves: Moves): Told | undefined {
  try {
    return told.map((entry) => {
      const moved = relocatedDiagnostic(entry[1], moves)
      return moved === entry[1] ? entry : [entry[0], moved]
    })
  } catch (error) {
    if (error === unplaced) return undefined
    throw error
  }
}

/** Moves as JSON keeps them: by each file, each place as it was with where it stands now (none where it parted). */
export interface MovesKept {
  files: Array<[file: string, places: Array<[from: string, line: number, column: number] | [from: string]>]>
  digest: string
}

export function keptMoves(moves: Moves): MovesKept {
  return {
    files: [...moves.files].map(([file, places]) => [
      file,
      [...places].map(([from, to]): [string, number, number] | [string] => (to ? [from, to.line, to.column] : [from]))
    ]),
    digest: moves.digest
  }
}

export function movesKept(kept: MovesKept): Moves {
  const files = new Map(
    kept.files.map(([file, places]) => [
      file,
      new Map(
        places.map(([from, line, column]): [string, Point | null] => [
          from,
          line === undefined || column === undefined ? null : { line, column }
        ])
      )
    ])
  )
  return { files, digest: kept.digest }
}

function relocatedDiagnostic(diagnostic: Diagnostic, moves: Moves): Diagnostic {
  // Most name no moved report: kept as they are, not copied (30,000 notes at 10,000 reports).
  if (!namesMoved(diagnostic, moves)) return diagnostic
  const { related, fix } = diagnostic
  return {
    ...relocatedPlace(diagnostic, moves),
    message: relocatedWords(diagnostic.message, moves),
    ...(fix !== undefined && { fix: relocatedWords(fix, moves) }),
    ...(related && {
      related: related.map((place) => ({
        ...relocatedPlace(place, moves),
        message: relocatedWords(place.message, moves)
      }))
    })
  }
}

/** Whether a message stands in a moved report, or names one (a related place, a path in its words). */
function namesMoved({ file, related, message, fix }: Diagnostic, moves: Moves): boolean {
  if (moves.files.has(file) || related?.some((place) => moves.files.has(place.file))) return true
  for (const moved of moves.files.keys()) if (message.includes(moved) || fix?.includes(moved)) return true
  return false
}

function relocatedPlace<T extends Pick<RelatedPlace, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>>(
  place: T,
  moves: Moves
): T {
  const moved = moves.files.get(place.file)
  if (!moved) return place
  const start = pointOf(moved, place.line, place.column)
  const end = pointOf(moved, place.endLine, place.endColumn)
  return { ...place, line: start.line, column: start.column, endLine: end.line, endColumn: end.column }
}

function pointOf(moved: ReadonlyMap<string, Point | null>, line: number, column: number): Point {
  const to = moved.get(`${line}:${column}`)
  if (!to) throw unplaced
  return to
}

/**
 * The words of a message with each `file:line:column` of a moved report where it now stands. A
 * path is a path of its own only where no other path goes on before it: `a.md` is not named by
 * `source/a.md`.
 */
function relocatedWords(words: string, moves: Moves): string {
  let text = words
  for (const [file, moved] of moves.files) {
    if (!text.includes(`${file}:`)) continue
    text = text.replace(
      new RegExp(`(?<![\\w./\\\\-])${escapedPattern(file)}:(\\d+):(\\d+)`, 'gu'),
      (_, line: string, column: string) => {
        const to = pointOf(moved, Number(line), Number(column))
        return `${file}:${to.line}:${to.column}`
      }
    )
  }
  return text
}

function escapedPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')
}

/** A number of a series' JSON to put in place of another: where the fact of a moved report stands now. */
interface Edit {
  start: number
  end: number
  value: number
}

/**
 * A series' JSON with the source of every fact of a moved report where it now stands, read with
 * `read` (into a buffer, from where it is filled; 0 at the end) a window at a time, and given to
 * `write`, when there is one, a piece at a time (views of the windows, which may be held): how many
 * places moved (0: none of those it names did), or undefined when it names one in a way other than
 * as a series says where a fact stands (`"source": {"file", "line", "column"}`, indented), or a
 * place in a moved report that no fact stood at. Read as bytes, never as text, and never whole: at
 * 10,000 reports a series is up to a hundred megabytes of JSON, which read whole took a build's
 * peak past 440 MB.
 */
export function relocateSeries(
  read: (into: Buffer, at: number) => number,
  moves: Moves,
  write?: (piece: Buffer) => void,
  window = 1 << 22
): number | undefined {
  // A source is a few dozen bytes: one that starts in a window ends in what follows it.
  const slack = 1 << 12
  let buffer = Buffer.allocUnsafe(window + slack)
  let filled = 0
  let moved = 0
  for (;;) {
    let end = false
    while (!end && filled < buffer.length) {
      const got = read(buffer, filled)
      end = got === 0
      filled += got
    }
    const limit = end ? filled : filled - slack
    const view = buffer.subarray(0, filled)
    const edits = editsIn(view, limit, moves)
    if (!edits) return undefined
    moved += edits.length / 2
    const cut = Math.max(limit, edits.at(-1)?.end ?? 0)
    if (write) for (const piece of piecesOf(view.subarray(0, cut), edits)) write(piece)
    if (end) return moved
    // A window is never read into again: the pieces given to `write` stay as they are.
    const next = Buffer.allocUnsafe(window + slack)
    filled = buffer.copy(next, 0, cut, filled)
    buffer = next
  }
}

/** The numbers to put in place in `json` for the sources of moved facts named before `limit`, in order; undefined as relocateSeries says. */
function editsIn(json: Buffer, limit: number, moves: Moves): Edit[] | undefined {
  const edits: Edit[] = []
  for (const [file, moved] of moves.files) {
    const named = Buffer.from(`"file": ${JSON.stringify(file)},`)
    for (let at = json.indexOf(named); at !== -1 && at < limit; at = json.indexOf(named, at + named.length)) {
      const line = numberAfter(json, at + named.length, '"line": ')
      const column = line && numberAfter(json, line.end, ',', '"column": ')
      if (!line || !column || json[skipSpace(json, column.end)] !== closingBrace) return undefined
      const to = moved.get(`${line.value}:${column.value}`)
      if (!to) return undefined
      if (to.line === line.value && to.column === column.value) continue
      edits.push({ ...line, value: to.line }, { ...column, value: to.column })
    }
  }
  return edits.sort((a, b) => a.start - b.start)
}

/** The bytes of `json` with the edits made, as views of it and the numbers put in. */
function piecesOf(json: Buffer, edits: readonly Edit[]): Buffer[] {
  const pieces: Buffer[] = []
  let kept = 0
  for (const { start, end, value } of edits) {
    pieces.push(json.subarray(kept, start), Buffer.from(String(value)))
    kept = end
  }
  pieces.push(json.subarray(kept))
  return pieces
}

const closingBrace = '}'.charCodeAt(0)

/**
 * The whole number that follows `words` (each after white space) from `at`, with where its digits
 * start and end; undefined when they do not follow.
 */
function numberAfter(
  json: Buffer,
  at: number,
  ...words: string[]
): { value: number; start: number; end: number } | undefined {
  let next = at
  for (const word of words) {
    next = skipSpace(json, next)
    if (json.toString('latin1', next, next + word.length) !== word) return undefined
    next += word.length
  }
  let end = next
  while (end < json.length && (json[end] ?? 0) >= 0x30 && (json[end] ?? 0) <= 0x39) end += 1
  return end > next ? { value: Number(json.toString('latin1', next, end)), start: next, end } : undefined
}

function skipSpace(json: Buffer, at: number): number {
  let next = at
  while (json[next] === 0x20 || json[next] === 0x0a || json[next] === 0x0d || json[next] === 0x09) next += 1
  return next
}

/**
 * The conclusions kept for a collection of the same shape (see acrossKey), with the places of the
 * facts of each report that moved since where they now stand, the moves, and the reports moved;
 * the kept ones as they are, without moves, when none moved. Undefined when they cannot be moved
 * (a summary lost or changed by hand, a message naming a place no fact stood at): the rules run
 * again.
 */
export function movedMemo(
  kept: AcrossMemo,
  units: readonly ReportUnit[],
  keys: readonly string[],
  summaryOf: (key: string) => ReportSummary | undefined
): { memo: AcrossMemo; moves?: Moves; moved?: readonly Moved[] } | undefined {
  const { made } = kept
  if (!Array.isArray(made) || made.length !== units.length) return undefined
  const moved: Moved[] = []
  for (const [index, unit] of units.entries()) {
    const [before, key] = made[index] ?? [null, '']
    const after = unit.summaryDigest
    if (before === (after ?? null)) continue
    if (before === null || after === undefined) return undefined
    const was = summaryAt(summaryOf, key, before)
    const now = unit.summary ?? summaryAt(summaryOf, keys[index] ?? '', after)
    if (!was || !now) return undefined
    const kept = [unit.slugPlace, unit.entityPlace]
    moved.push({ shown: unit.path, before: was, after: now, digests: [before, after], kept })
  }
  const memo = { ...kept, made: madeOf(units, keys) }
  if (moved.length === 0) return { memo }
  const moves = movesOf(moved)
  const messages = moves && relocatedMessages(kept.messages, moves)
  return moves && messages && { memo: { ...memo, messages }, moves, moved }
}

/** Of each unit, the digest of its summary and its key, for the conclusions kept (see AcrossMemo.made). */
export function madeOf(units: readonly ReportUnit[], keys: readonly string[]): AcrossMemo['made'] {
  return units.map((unit, index) => [unit.summaryDigest ?? null, keys[index] ?? ''])
}

/** The summary kept under `key`, when it is the one of that digest: a summary in the cache may have been changed by hand. */
function summaryAt(
  summaryOf: (key: string) => ReportSummary | undefined,
  key: string,
  digest: string
): ReportSummary | undefined {
  const summary = summaryOf(key)
  return summary && sha256(JSON.stringify(summary)) === digest ? summary : undefined
}
