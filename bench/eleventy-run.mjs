// Eleventy 3 on a folder of Markdown reports, HTML only: a well-known static
// site generator on the same files, as a peer for the scale bench.
// Run by bench/build.mjs: node bench/eleventy-run.mjs <folder> <out>
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import Eleventy from '@11ty/eleventy'

const [input, output] = process.argv.slice(2)
if (!input || !output) throw new Error('usage: node bench/eleventy-run.mjs <folder> <out>')
// Markdown only, and not run through Liquid first: the reports are not templates.
const config = path.join(path.dirname(path.resolve(output)), 'eleventy.config.mjs')
writeFileSync(
  config,
  "export default function (c) { c.setTemplateFormats(['md']) }\nexport const config = { markdownTemplateEngine: false }\n"
)
const eleventy = new Eleventy(input, output, { quietMode: true, configPath: config })
await eleventy.write()
console.log('written')
