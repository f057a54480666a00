import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import path from 'node:path'
import { expect, test } from 'vitest'

// `factmark --version` and `--help` start in the time of bare node only if main.ts loads, before the
// command line is parsed, nothing but the table of commands: each command's module is imported when
// it runs (import() is not followed here, as node does not follow it at start-up).
const src = path.resolve(new URL('../src', import.meta.url).pathname)

function staticClosure(start: string): string[] {
  const seen = new Set<string>()
  const visit = (module: string) => {
    if (seen.has(module)) return
    seen.add(module)
    const text = readFileSync(path.join(src, module), 'utf8')
    for (const match of text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b(?!\s+type\b)[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g
    ))
      visit(
        path.relative(
          src,
          path.resolve(path.dirname(path.join(src, module)), (match[1] as string).replace(/\.js$/, '.ts'))
        )
      )
  }
  visit(start)
  return [...seen].sort()
}

test('the command line loads, before a command runs, only its own table, the usage and the version', () => {
  expect(staticClosure('cli/main.ts')).toEqual([
    'cli/command-line.ts',
    'cli/format/printable.ts',
    'cli/main.ts',
    'cli/usage.ts',
    'model/factmark-error.ts',
    'model/node-error.ts',
    'model/plural.ts',
    'model/result.ts',
    'version.ts'
  ])
})

test('check loads no emitter and no build: no templates, HTML, CSV or Parquet writers', () => {
  expect(staticClosure('cli/commands/check.ts').filter((module) => /^(emit|build)\//.test(module))).toEqual([])
})

test.each([['report-worker.cjs', '../emit/html/templates.js']])(
  'the bundle %s holds all it runs of lib/ and of the packages: it requires only node’s own modules',
  (name, placed) => {
    // The test setup writes lib/bundle/ as npm run compile does (scripts/bundles.mjs).
    const code = readFileSync(new URL(`../lib/bundle/${name}`, import.meta.url), 'utf8')
    const required = Array.from(code.matchAll(/\brequire\(\s*[`'"]([^`'"]+)[`'"]\s*\)/g), (match) => match[1] as string)
    expect(required).toContain('node:fs')
    // ucum-lhc, whose table of units is JSON, is required by ucum.js when a unit is first asked about.
    expect(required.filter((specifier) => !isBuiltin(specifier))).toEqual([])
    // The modules that find files by their own place are told where theirs is in lib/.
    expect(code).not.toContain('import.meta')
    expect(code).toContain(`__dirname,\`${placed}\``)
  }
)

/** What a CommonJS module requires: each module, and whether it is required only when a function runs (a part loaded when needed). */
function requiresOf(module: URL): Array<{ specifier: string; later: boolean }> {
  const code = readFileSync(module, 'utf8')
  return Array.from(code.matchAll(/(=>\s*)?\brequire\(\s*[`'"]([^`'"]+)[`'"]\s*\)/g), (match) => ({
    specifier: match[2] as string,
    later: match[1] !== undefined
  }))
}

/** The modules of a bundle split in parts (lib/bundle/<name>/), after checking that they hold all they run but node's own modules. */
function splitBundle(name: string): { folder: URL; modules: string[] } {
  const folder = new URL(`../lib/bundle/${name}/`, import.meta.url)
  const modules = readdirSync(folder).filter((file) => file.endsWith('.cjs'))
  expect(modules).toContain(`${name}.cjs`)
  const required = modules.flatMap((file) => requiresOf(new URL(file, folder)).map((entry) => ({ file, ...entry })))
  // Its own modules, beside each other, and node's.
  for (const { file, specifier } of required)
    if (isBuiltin(specifier)) continue
    else expect([file, specifier]).toEqual([file, expect.stringMatching(/^\.\/[\w-]+\.cjs$/)])
  for (const { specifier } of required)
    if (!isBuiltin(specifier)) expect(existsSync(new URL(specifier, folder))).toBe(true)
  const code = modules.map((file) => readFileSync(new URL(file, folder), 'utf8')).join('\n')
  expect(code).not.toContain('import.meta')
  return { folder, modules }
}

/** What the entry of a split bundle requires when it starts, and what only once a function asks for it. */
function entryRequires(folder: URL, name: string): { atOnce: string[]; later: string[] } {
  const required = requiresOf(new URL(`${name}.cjs`, folder))
  return {
    atOnce: required.filter((entry) => !entry.later).map((entry) => entry.specifier),
    later: required.filter((entry) => entry.later).map((entry) => entry.specifier)
  }
}

test('the bundle of check, one module for each part it loads when needed, holds all it runs; a check kept before loads no compiler', () => {
  const { folder, modules } = splitBundle('check')
  // The schemas are found in lib/, from the module that reads them.
  const code = modules.map((file) => readFileSync(new URL(file, folder), 'utf8')).join('\n')
  expect(code).toContain('__dirname,`../../model/schemas.js`')
  const { atOnce, later } = entryRequires(folder, 'check')
  expect(atOnce.filter((specifier) => /compile|registry/.test(specifier))).toEqual([])
  expect(later).toEqual(expect.arrayContaining(['./compile-sources.cjs', './checked-registry.cjs']))
})

test('the bundle of build, one module for each part it loads when needed, holds all it runs of lib/ and of the packages', () => {
  const { folder, modules } = splitBundle('build')
  // tinypool starts its threads on a file of its own, which is found where the package is installed.
  const withThreads = modules.map((name) => readFileSync(new URL(name, folder), 'utf8')).join('\n')
  expect(withThreads).toMatch(/\(__filename\)\.resolve\(\s*[`'"]tinypool[`'"]\s*\)/)
  // A build with nothing to do loads neither the compiler nor the site's own files.
  const { atOnce, later } = entryRequires(folder, 'build')
  expect(atOnce.filter((specifier) => /compile|site-files|stage-site/.test(specifier))).toEqual([])
  expect(later).toContain('./stage-site.cjs')
})
