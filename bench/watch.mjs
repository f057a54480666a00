#!/usr/bin/env node
// What an editor waits for in `factmark watch`: from saving a report to the
// browser showing the rebuilt page. Makes a corpus of N copies of the seed
// (bench/corpus.mjs), starts watch on it (lib/, in a thread of its own: see
// bench/watch-thread.mjs), opens one
// report in Chromium, and saves that report S times, each time adding a
// sentence at its end; each save is timed until the page has put in the new
// build (the live-reload script's factmark:updated event) and drawn a frame,
// and split into the build itself (build()), the rest of the way to the
// announcement (file events and the quiet period), and the browser's update.
// Prints median and max of each. Target: save to reloaded page at most 300 ms
// at N = 100. The first save comes as soon as the page has loaded, unless
// --settle gives the milliseconds to wait, as an editor reading the page would.
// With --midway, each save puts its sentence at the start of a paragraph in the middle of the
// report, which moves every figure after it, rather than at its end, which moves none.
// With --built, the corpus is built once before the watch starts, as an editor
// who ran `factmark build` first has it: the watch's first build then takes
// every report from the cache, and its threads have compiled nothing.
// Run: npm run bench:watch [-- --reports N --saves S --settle MS --built --midway]
/* global window */
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { launchChromium } from './chromium.mjs'
import { insertedMidway, writeCorpus } from './corpus.mjs'
import { build } from '../lib/build/build.js'
import { updatedEvent } from '../lib/watch/live-reload-script.js'

const option = (name, fallback, least = 1) => {
  const at = process.argv.indexOf(`--${name}`)
  const value = at === -1 ? fallback : Number(process.argv[at + 1])
  if (!Number.isInteger(value) || value < least) {
    console.error(`bench: --${name} takes a whole number, for example --${name} ${fallback}`)
    process.exit(2)
  }
  return value
}
const count = option('reports', 100)
const saves = option('saves', 10)
const settleMs = option('settle', 0, 0)
const built = process.argv.includes('--built')
const midway = process.argv.includes('--midway')
/** Save to reloaded page, at most: the target the bench measures against. */
const aimMs = 300

const work = mkdtempSync(path.join(tmpdir(), 'factmark-bench-watch-'))
const slugs = writeCorpus(path.join(work, 'source'), count)
const middle = Math.floor(slugs.length / 2)
const file = path.join(
  work,
  'source',
  `report-${String(middle + 1).padStart(Math.max(5, String(count).length), '0')}.md`
)
const slug = slugs[middle]
if (built) {
  const done = await build({ cwd: work })
  if (!done.ok) throw new Error('the corpus did not build')
}

// The clock of every thread of the process: the watch's thread stamps its announcements by it.
const now = () => performance.timeOrigin + performance.now()

/** The builds watch reports, with the time each was announced to the pages. */
const builds = []
const thread = new Worker(new URL('./watch-thread.mjs', import.meta.url), { workerData: { cwd: work } })
const waiting = []
const started = new Promise((resolve, reject) => {
  thread.on('message', (message) => {
    if (message.kind === 'url') resolve(message.url)
    else if (message.kind === 'build') builds.push(message)
    else if (message.kind === 'settled') waiting.shift()?.()
  })
  thread.once('error', reject)
})
const watching = {
  url: await started,
  settled: () =>
    new Promise((resolve) => {
      waiting.push(resolve)
      thread.postMessage('settled')
    }),
  close: async () => {
    thread.postMessage('close')
    await once(thread, 'exit')
  }
}
let browser
try {
  // The browser and its tab start with the watch, as an editor's are open before the first save:
  // Chromium works on for a second or more after it has started, and a save in that time shares
  // the cores with it (the first save took 270 to 400 ms in build() where the others took 150 ms).
  browser = await launchChromium()
  const page = await browser.newPage()
  await watching.settled()
  const cold = builds.at(-1)
  if (!cold?.ok) throw new Error('the corpus did not build')
  console.log(
    `corpus: ${count} copies of the seed; node ${process.version}, ${availableParallelism()} cores; first build ${ms(cold.milliseconds)}${built ? ' (built before the watch started)' : ''}`
  )
  await page.goto(new URL(`${slug}/`, watching.url).href)
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs))

  const rows = []
  for (let save = 1; save <= saves; save++) {
    const sentence = `第${save}次保存的句子。`
    const seen = builds.length
    // Until the page shows the new build and has drawn it: the frame after the update that puts in
    // the sentence saved. An update can come of a build the save did not start (a second build of
    // the save before, its page put in late), and would end the wait with the page before the save.
    const shown = page.evaluate(
      ([event, saved]) =>
        new Promise((resolve) => {
          const updated = () => {
            if (!window.document.body.textContent?.includes(saved)) return
            window.removeEventListener(event, updated)
            window.requestAnimationFrame(() => setTimeout(resolve, 0))
          }
          window.addEventListener(event, updated)
        }),
      [updatedEvent, sentence]
    )
    const savedAt = now()
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, midway ? insertedMidway(text, sentence) : `${text}\n${sentence}\n`)
    await shown
    const loadedAt = now()
    await watching.settled()
    const mine = builds.slice(seen)
    if (!(await page.content()).includes(sentence))
      throw new Error(`save ${save}: the updated page lacks the new sentence`)
    const announced = mine[0]
    rows.push({
      total: loadedAt - savedAt,
      build: announced.milliseconds,
      toBuild: announced.announcedAt - savedAt - announced.milliseconds,
      reload: loadedAt - announced.announcedAt,
      builds: mine.length
    })
  }

  const settled = settleMs > 0 ? `, the first ${settleMs} ms after the page loaded` : ''
  const where = midway ? ', each a sentence put in its middle' : ''
  console.log(
    `${saves} saves of ${path.basename(file)}${where}${settled}, each until /${slug}/ has drawn the new build:`
  )
  console.log(`  ${'step'.padEnd(44)} ${'median'.padStart(9)} ${'max'.padStart(9)}`)
  const line = (name, key) => {
    const values = rows.map((row) => row[key]).sort((a, b) => a - b)
    console.log(`  ${name.padEnd(44)} ${ms(median(values)).padStart(9)} ${ms(values.at(-1)).padStart(9)}`)
  }
  line('save to updated page (total)', 'total')
  line('  file event and quiet period (40 ms)', 'toBuild')
  line('  build()', 'build')
  line('  announcement to the page drawn again', 'reload')
  // The aim is for every save: the slow ones are named, with the part of the way that took the time.
  const slow = rows.flatMap((row, at) => (row.total > aimMs ? [{ ...row, save: at + 1 }] : []))
  console.log(`  ${rows.length - slow.length} of ${rows.length} saves took at most ${aimMs} ms`)
  for (const row of slow)
    console.log(
      `  save ${row.save}: ${ms(row.total)} (to the build ${ms(row.toBuild)}, build() ${ms(row.build)}, to the page ${ms(row.reload)})`
    )
  const extra = rows.filter((row) => row.builds > 1).length
  if (extra > 0) console.log(`  (${extra === 1 ? 'one save' : `${extra} saves`} made more than one build)`)
} finally {
  await browser?.close()
  await watching.close()
  rmSync(work, { recursive: true, force: true })
}

function median(sorted) {
  const half = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
}

function ms(value) {
  return `${Math.round(value)} ms`
}
