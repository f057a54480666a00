import { link, open, unlink, writeFile } from 'node:fs/promises'
import { isNodeError } from './node-error.js'

/** Where the process `pid` writes the text of `file` before it links it into place (see placeWhole). */
const besideFile = (file: string, pid: number) => `${file}.${pid}`

/**
 * Create `file` holding `text`, or false when there is one already. The text is written beside it
 * first and linked into its place, which fails when the place is taken as an exclusive create does:
 * a file created empty and written next is read empty by a process that comes in between, and left
 * empty by one that dies there, and taken for someone else's. Where the file system has no hard
 * links, the file is created and written as before.
 */
export async function placeWhole(file: string, text: string): Promise<boolean> {
  const beside = besideFile(file, process.pid)
  try {
    // Inside the try: a write that fails (a full disk) leaves the file beside, which is removed all the same.
    await writeFile(beside, text)
    await link(beside, file)
    return true
  } catch (error) {
    if (isNodeError(error, 'EEXIST')) return false
    if (!linksRefused(error)) throw error
  } finally {
    await unlink(beside).catch(() => undefined)
  }
  try {
    const handle = await open(file, 'wx')
    await handle.writeFile(text)
    await handle.close()
    return true
  } catch (error) {
    if (isNodeError(error, 'EEXIST')) return false
    throw error
  }
}

const linksRefused = (error: unknown) =>
  ['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].some((code) => isNodeError(error, code))
