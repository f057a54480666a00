import { stat } from 'node:fs/promises'
import path from 'node:path'
import { manifestName } from '../model/site.js'
import { describeSchemaErrors } from '../diagnostics/schema-messages.js'
import { schemaOfSitePath, validatorOf, type SchemaFile, type SiteSchemaFile } from '../model/schemas.js'
import { readRegular, type FileDigest, type ReadResult } from './read-regular.js'
import { listTree, type EntryType, type Tree } from '../model/file-tree.js'
import { isNodeError } from '../model/node-error.js'

export type { FileDigest } from './read-regular.js'
export type { EntryType } from '../model/file-tree.js'

export interface VerifyOptions {
  /** The published tree. Default `dist`. */
  dir?: string
  /** A relative `dir` is resolved against this folder. Default: the working directory. */
  cwd?: string
}

/**
 * One way in which a published tree differs from what its manifest and schemas promise; paths are
 * relative to the tree.
 */
export type VerifyProblem =
  | { kind: 'missing'; path: string; expected: FileDigest }
  | { kind: 'changed'; path: string; actual: FileDigest; expected: FileDigest }
  | { kind: 'extra'; path: string }
  /**
   * A link, FIFO, device or folder where a file is listed, or anywhere in the tree: never followed
   * or opened for reading.
   */
  | { kind: 'not-regular'; path: string; type: EntryType; listed: boolean }
  | { kind: 'invalid-json'; path: string; reason: string }
  /** `errors` holds the first 20 of `errorCount` problems, each phrased as for an editor. */
  | { kind: 'schema'; path: string; schema: SchemaFile; errors: string[]; errorCount: number }
  | { kind: 'too-large'; path: string; bytes: number; limit: number }
  /** A manifest entry that names a path outside the tree, or a path listed before. */
  | { kind: 'bad-entry'; path: string; reason: 'not-in-tree' | 'duplicate' }
  | { kind: 'unreadable'; path: string; reason: string }

export interface VerifyResult {
  /**
   * `valid`: every file matches; `invalid`: problems were found; `unusable`: the folder could not
   * be verified at all, or some of it could not be read.
   */
  status: 'valid' | 'invalid' | 'unusable'
  /** The folder, as given. */
  dir: string
  /** How many files the manifest lists. */
  listed: number
  /** How many of them are present with the listed size and SHA-256. */
  matched: number
  problems: VerifyProblem[]
  /** Why the folder could not be verified, when there was nothing to check against. */
  message?: string
}

/** JSON files larger than this are hashed but not parsed: a published bundle is a few hundred kilobytes. */
const jsonLimit = 256 * 1024 * 1024

/** A path a manifest may list: relative, forward slashes, no empty, `.` or `..` segment. */
function isTreePath(file: string): boolean {
  return (
    file !== '' &&
    !file.includes('\\') &&
    !file.includes('\0') &&
    file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  )
}

const shownErrors = 20

/**
 * Check a published tree against its manifest.json: every listed file
 * present as a regular file with its size and SHA-256, nothing else in the
 * tree, and manifest.json, catalog.json and each report's facts.json valid
 * against their schemas. Links are reported, never followed; FIFOs and
 * devices are never opened. Problems are data; nothing is thrown for what
 * the tree holds.
 */
export async function verify(options: VerifyOptions = {}): Promise<VerifyResult> {
  const dir = options.dir ?? 'dist'
  const root = path.resolve(options.cwd ?? process.cwd(), dir)
  const unfit = await notAFolder(root)
  if (unfit !== undefined) return unusable(dir, unfit)

  const problems: VerifyProblem[] = []
  const manifest = await readJson(root, manifestName, problems)
  if (manifest.missing) return unusable(dir, `it has no ${manifestName}, so it is not a tree factmark wrote`)
  if (manifest.data === undefined) return finish(dir, 0, 0, problems)
  // JSON that is not an object (null, a list) has no files: its schema problem is already reported.
  const data = manifest.data
  const files = typeof data === 'object' && data !== null ? (data as { files?: unknown }).files : undefined
  if (!Array.isArray(files)) return finish(dir, 0, 0, problems)

  const tree = listTree(root)
  for (const { path: folderPath, error } of tree.unreadable)
    problems.push({ kind: 'unreadable', path: folderPath === '' ? '.' : `${folderPath}/`, reason: reason(error) })
  const unread = tree.unreadable.map((folder) => folder.path)
  const { listed, matched } = await checkListed(root, files as unknown[], tree.entries, unread, problems)
  checkUnlisted(tree.entries, listed, problems)
  return finish(dir, listed.size, matched, problems)
}

function unusable(dir: string, message: string): VerifyResult {
  return { status: 'unusable', dir, listed: 0, matched: 0, problems: [], message }
}

/** Why `root` cannot be verified at all, or undefined when it is a folder. */
async function notAFolder(root: string): Promise<string | undefined> {
  // The folder named is followed if it is a link (dist -> releases/42): that is where the user asked to look.
  const folder = await stat(root).catch((error: unknown) => ({ error }))
  if ('error' in folder) return isNodeError(folder.error, 'ENOENT') ? 'no such folder' : reason(folder.error)
  return folder.isDirectory() ? undefined : 'not a folder'
}

/**
 * Check each file the manifest lists against the tree; the paths it lists, and how many of them
 * match. A file in a folder that could not be read (`unread`) is not looked for: its folder is the
 * problem, not the hundreds of files it may hold.
 */
async function checkListed(
  root: string,
  files: readonly unknown[],
  entries: Tree['entries'],
  unread: readonly string[],
  problems: VerifyProblem[]
): Promise<{ listed: Set<string>; matched: number }> {
  const inUnread = (file: string) => unread.some((folder) => folder === '' || file.startsWith(`${folder}/`))
  const onDisk = new Map(entries.map((entry) => [entry.path, entry.type]))
  const folders = foldersOf(entries.map((entry) => entry.path))
  const listed = new Set<string>()
  let matched = 0
  for (const file of files) {
    // The schema problem already names a malformed entry; only well-formed ones can be checked.
    if (!isEntry(file)) continue
    if (!isTreePath(file.path)) {
      problems.push({ kind: 'bad-entry', path: file.path, reason: 'not-in-tree' })
      continue
    }
    if (listed.has(file.path)) {
      problems.push({ kind: 'bad-entry', path: file.path, reason: 'duplicate' })
      continue
    }
    listed.add(file.path)
    if (inUnread(file.path)) continue
    const type = onDisk.get(file.path) ?? (folders.has(file.path) ? 'folder' : undefined)
    if (await checkFile(root, file, type, problems)) matched++
  }
  return { listed, matched }
}

/** Check one listed file; true when it is a regular file with the listed size and SHA-256. */
async function checkFile(
  root: string,
  file: ManifestEntry,
  type: EntryType | undefined,
  problems: VerifyProblem[]
): Promise<boolean> {
  const expected = { bytes: file.bytes, sha256: file.sha256 }
  if (type === undefined) {
    problems.push({ kind: 'missing', path: file.path, expected })
    return false
  }
  if (type !== 'file') {
    problems.push({ kind: 'not-regular', path: file.path, type, listed: true })
    return false
  }
  const schema = schemaOfSitePath(file.path)
  const read = await readChecked(root, file.path, schema ? jsonLimit : 0, problems)
  if (!read) return false
  const matches = read.digest.bytes === expected.bytes && read.digest.sha256 === expected.sha256
  if (!matches) problems.push({ kind: 'changed', path: file.path, actual: read.digest, expected })
  if (schema) checkJson(file.path, schema, read, problems)
  return matches
}

/** Everything in the tree that the manifest does not list, apart from the manifest itself. */
function checkUnlisted(entries: Tree['entries'], listed: ReadonlySet<string>, problems: VerifyProblem[]): void {
  for (const entry of entries) {
    if (entry.path === manifestName || listed.has(entry.path)) continue
    if (entry.type === 'file' || entry.type === 'folder') problems.push({ kind: 'extra', path: entry.path })
    else problems.push({ kind: 'not-regular', path: entry.path, type: entry.type, listed: false })
  }
}

function finish(dir: string, listed: number, matched: number, problems: VerifyProblem[]): VerifyResult {
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
  const status = problems.some((problem) => problem.kind === 'unreadable')
    ? 'unusable'
    : problems.length > 0
      ? 'invalid'
      : 'valid'
  return { status, dir, listed, matched, problems }
}

interface ManifestEntry {
  path: string
  bytes: number
  sha256: string
}

function isEntry(value: unknown): value is ManifestEntry {
  const entry = value as { path?: unknown; bytes?: unknown; sha256?: unknown } | null
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.path === 'string' &&
    typeof entry.bytes === 'number' &&
    typeof entry.sha256 === 'string'
  )
}

/** Every folder that holds an entry, without its slash: a listed path may name one. */
function foldersOf(entries: readonly string[]): Set<string> {
  const folders = new Set<string>()
  for (const entry of entries) {
    const segments = entry.split('/')
    for (let end = 1; end < segments.length; end++) folders.add(segments.slice(0, end).join('/'))
  }
  return folders
}

/** Read a file of the tree, turning what is not a readable regular file into a problem. */
async function readChecked(
  root: string,
  file: string,
  keepUpTo: number,
  problems: VerifyProblem[]
): Promise<Extract<ReadResult, { regular: true }> | undefined> {
  try {
    const read = await readRegular(path.join(root, ...file.split('/')), keepUpTo)
    if (read.regular) return read
    problems.push({ kind: 'not-regular', path: file, type: read.type, listed: true })
  } catch (error) {
    // Gone or replaced by a folder since the tree was listed.
    if (isNodeError(error, 'ENOENT'))
      problems.push({ kind: 'unreadable', path: file, reason: 'it disappeared while being read' })
    else problems.push({ kind: 'unreadable', path: file, reason: reason(error) })
  }
  return undefined
}

/** manifest.json, read like any other file of the tree; `missing` when there is no entry of that name at all. */
async function readJson(
  root: string,
  file: string,
  problems: VerifyProblem[]
): Promise<{ missing: boolean; data?: unknown }> {
  let read: ReadResult
  try {
    read = await readRegular(path.join(root, file), jsonLimit)
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return { missing: true }
    problems.push({ kind: 'unreadable', path: file, reason: reason(error) })
    return { missing: false }
  }
  if (!read.regular) {
    problems.push({ kind: 'not-regular', path: file, type: read.type, listed: true })
    return { missing: false }
  }
  return { missing: false, data: checkJson(file, 'manifest.schema.json', read, problems) }
}

/**
 * Parse a JSON file of the tree and check it against its schema; the parsed value, or undefined
 * when it is not JSON.
 */
function checkJson(
  file: string,
  schema: SiteSchemaFile,
  read: Extract<ReadResult, { regular: true }>,
  problems: VerifyProblem[]
): unknown {
  if (read.content === undefined) {
    problems.push({ kind: 'too-large', path: file, bytes: read.digest.bytes, limit: jsonLimit })
    return undefined
  }
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.content))
  } catch (error) {
    problems.push({
      kind: 'invalid-json',
      path: file,
      reason: error instanceof TypeError ? 'it is not UTF-8' : error instanceof Error ? error.message : String(error)
    })
    return undefined
  }
  const validate = validatorOf(schema)
  if (!validate(data)) {
    const errors = describeSchemaErrors(validate.errors ?? []).map((problem) => problem.message)
    problems.push({
      kind: 'schema',
      path: file,
      schema,
      errors: errors.slice(0, shownErrors),
      errorCount: errors.length
    })
  }
  return data
}

function reason(error: unknown): string {
  const code = isNodeError(error) ? error.code : undefined
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOTDIR') return 'not a folder'
  if (code === 'EISDIR') return 'is a folder'
  return code ?? (error instanceof Error ? error.message : String(error))
}
