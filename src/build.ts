import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { CompileResult } from './compile.js'
import { emitFactsJson } from './emit/facts-json.js'

/** One output file, its path relative to the output folder. */
export interface Artifact {
  path: string
  content: string
}

/** Every file of the output tree, in a fixed order. */
export function renderArtifacts(result: CompileResult): Artifact[] {
  const artifacts = result.reports.map((report) => ({ path: `${report.frontMatter.slug}/facts.json`, content: emitFactsJson(report) }))
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * Write a complete new output tree beside `out`, then swap it in: readers
 * and a failing build never see a half-written `dist/`.
 */
export async function writeArtifacts(out: string, artifacts: readonly Artifact[]): Promise<void> {
  const parent = path.dirname(path.resolve(out))
  const base = path.basename(path.resolve(out))
  const staging = path.join(parent, `.${base}-new-${process.pid}`)
  const retired = path.join(parent, `.${base}-old-${process.pid}`)
  await rm(staging, { recursive: true, force: true })
  try {
    for (const artifact of artifacts) {
      const target = path.join(staging, artifact.path)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, artifact.content)
    }
    await mkdir(staging, { recursive: true })
    const hadPrevious = await rename(out, retired).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false
        throw error
      }
    )
    try {
      await rename(staging, out)
    } catch (error) {
      if (hadPrevious) await rename(retired, out)
      throw error
    }
    if (hadPrevious) await rm(retired, { recursive: true, force: true })
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
