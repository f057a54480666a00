// Preloaded with `node --import` into each step the scale bench times: when
// the process exits, it writes what it used (CPU of all its threads, peak
// resident memory) to the file named by FACTMARK_BENCH_USAGE.
import { writeFileSync } from 'node:fs'

const file = process.env.FACTMARK_BENCH_USAGE
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(
      file,
      JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS })
    )
  })
}
