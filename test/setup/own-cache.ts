import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// A project without node_modules keeps factmark's cache in the user's cache folder (see
// defaultCacheFolder), and so would every command-line test that builds in a temporary folder:
// the tests would then depend on whatever that folder holds (a build that prunes thousands of
// records there took seconds), and fill it. The tests run with a cache folder of their own,
// removed when they end. The files the test processes start inherit it.
export default function ownCache(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'factmark-test-cache-'))
  const before = process.env['XDG_CACHE_HOME']
  const named = process.env['FACTMARK_CACHE_DIR']
  process.env['XDG_CACHE_HOME'] = folder
  // A cache folder named for the user's own builds would be every test's.
  delete process.env['FACTMARK_CACHE_DIR']
  return () => {
    if (before === undefined) delete process.env['XDG_CACHE_HOME']
    else process.env['XDG_CACHE_HOME'] = before
    if (named !== undefined) process.env['FACTMARK_CACHE_DIR'] = named
    rmSync(folder, { recursive: true, force: true })
  }
}
