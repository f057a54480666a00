#!/usr/bin/env node
// What a build does in a container with a memory limit: cold builds of N copies of the seed
// (bench/corpus.mjs), each in a control group of its own limited to so many megabytes, on as many
// threads as --jobs says or as factmark chooses by itself ("default"); for each, whether it built
// or was killed (and when), its wall time, and its peak resident memory as it reports it
// (bench/usage.mjs). Needs root and a writable cgroup v1 memory hierarchy or cgroup v2 tree with
// the memory controller; says so and exits 2 otherwise.
// Run: npm run compile && node bench/memory-limit.mjs [--reports 1000] [--runs default@280,4@280,...]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { writeCorpus } from './corpus.mjs'

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '1000' },
    runs: { type: 'string', default: 'default@280,3@280,4@280,default@384,4@384,6@384,4@512,8@512,10@1024' }
  }
})
const count = Number(values.reports)
const runs = values.runs.split(',').map((run) => {
  const [jobs, mb] = run.split('@')
  if (!(jobs === 'default' || /^\d+$/.test(jobs ?? '')) || !/^\d+$/.test(mb ?? '')) {
    console.error(`bench: --runs takes threads@megabytes pairs, for example default@280,4@384, not "${run}"`)
    process.exit(2)
  }
  return { jobs, mb: Number(mb) }
})

const root = fileURLToPath(new URL('..', import.meta.url))
const group = memoryGroup()
if (typeof group === 'string') {
  console.error(`bench: ${group}`)
  process.exit(2)
}

const work = mkdtempSync(path.join(tmpdir(), 'factmark-memory-'))
writeCorpus(path.join(work, 'source'), count)
const usageFile = path.join(work, 'usage.json')
console.log(`corpus: ${count} copies of the seed; node ${process.version}; memory limits by ${group.version}`)
console.log(`${'limit'.padStart(8)} ${'threads'.padStart(8)}  result`)
try {
  for (const { jobs, mb } of runs) {
    rmSync(path.join(work, 'dist'), { recursive: true, force: true })
    rmSync(path.join(work, 'cache'), { recursive: true, force: true })
    rmSync(usageFile, { force: true })
    writeFileSync(group.limitFile, String(mb * 1024 * 1024))
    const factmark = [path.join(root, 'bin/factmark.js'), 'build', '--cache-dir', 'cache', '--timings']
    if (jobs !== 'default') factmark.push('--jobs', jobs)
    const node = ['node', '--import', pathToFileURL(path.join(root, 'bench/usage.mjs')).href, ...factmark]
    // The shell joins the group before it becomes node, so that every byte node takes is counted.
    const command = `echo $$ > ${JSON.stringify(group.procsFile)} && exec ${node.map((arg) => JSON.stringify(arg)).join(' ')}`
    const start = process.hrtime.bigint()
    const child = spawnSync('bash', ['-c', command], {
      cwd: work,
      env: { ...process.env, FACTMARK_BENCH_USAGE: usageFile },
      encoding: 'utf8',
      maxBuffer: 64 << 20
    })
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    const threads = /compile \d+ reports(?: on (\d+) threads?)?/.exec(child.stderr)
    const used = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : undefined
    const result =
      child.status === 0 && used
        ? `built in ${seconds.toFixed(2)} s, peak RSS ${Math.round(used.maxRssKb / 1024)} MB, on ${threads?.[1] ?? 1} ${threads?.[1] === '1' || !threads?.[1] ? 'thread' : 'threads'}`
        : child.signal
          ? `killed (${child.signal}) after ${seconds.toFixed(2)} s`
          : `failed (exit ${child.status}) after ${seconds.toFixed(2)} s: ${child.stderr.trim().split('\n').at(-1)}`
    console.log(`${`${mb} MB`.padStart(8)} ${jobs.padStart(8)}  ${result}`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
  // The group is empty once its last process ended, and can go.
  rmdirSync(group.folder)
}

/** A new control group under this process's own, with a memory limit to set; or why there is none. */
function memoryGroup() {
  const lines = readFileSync('/proc/self/cgroup', 'utf8').split('\n')
  const v1 = lines
    .map((line) => /^\d+:([^:]*):(.*)$/.exec(line))
    .find((match) => match?.[1]?.split(',').includes('memory'))
  const v2 = lines.map((line) => /^0::(.*)$/.exec(line)).find(Boolean)
  const name = `factmark-bench-${process.pid}`
  const places = [
    v1 && {
      version: 'cgroup v1',
      folder: path.join('/sys/fs/cgroup/memory', v1[2], name),
      limit: 'memory.limit_in_bytes'
    },
    v2 && { version: 'cgroup v2', folder: path.join('/sys/fs/cgroup', v2[1], name), limit: 'memory.max' }
  ].filter(Boolean)
  for (const place of places) {
    try {
      mkdirSync(place.folder)
    } catch {
      continue
    }
    if (existsSync(path.join(place.folder, place.limit)))
      return {
        version: place.version,
        folder: place.folder,
        limitFile: path.join(place.folder, place.limit),
        procsFile: path.join(place.folder, 'cgroup.procs')
      }
    rmdirSync(place.folder)
  }
  return 'no control group with a memory limit could be made here (it takes root, and a memory controller this process may use)'
}
