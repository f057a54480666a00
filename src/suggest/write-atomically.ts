import { randomBytes } from 'node:crypto'
import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Replace a file's text in one step: the new text goes to a temporary file in
 * the same folder (so that the rename stays on one file system), which then
 * takes the file's place with its mode. A reader sees the old file or the new
 * one, never half of one. Returns false, writing nothing, when the file no
 * longer holds `expected`: someone changed it since it was read.
 */
export async function writeAtomically(file: string, expected: string, text: string): Promise<boolean> {
  const current = await readFile(file)
  if (!current.equals(Buffer.from(expected, 'utf8'))) return false
  const { mode } = await stat(file)
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' })
    await chmod(temporary, mode)
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  return true
}
