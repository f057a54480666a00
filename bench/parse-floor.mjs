// The floor the scale bench compares a build with: remark-parse and
// remark-directive over every report of a folder, one after another, in this
// process, on one core. Nothing is kept but a count, so memory stays flat.
// Run by bench/build.mjs: node bench/parse-floor.mjs <folder>
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import remarkDirective from 'remark-directive'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const folder = process.argv[2]
if (!folder) throw new Error('usage: node bench/parse-floor.mjs <folder>')
const processor = unified().use(remarkParse).use(remarkDirective)
let nodes = 0
for (const name of readdirSync(folder)
  .filter((file) => file.endsWith('.md'))
  .sort()) {
  const tree = processor.parse(readFileSync(path.join(folder, name), 'utf8'))
  nodes += tree.children.length
}
console.log(`parsed, ${nodes} top-level nodes`)
