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

test.each([
  ['check.cjs', '../model/schemas.js'],
  ['report-worker.cjs', '../emit/html/templates.js']
])(
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

/** The static imports that open a bundled module, one after the other, minified or not. */
function staticImports(module: URL): string[] {
  const code = readFileSync(module, 'utf8')
  const statement = /\s*import\s*(?:[^'";]*?from\s*)?['"]([^'"]+)['"];?/y
  const imported: string[] = []
  for (let match = statement.exec(code); match; match = statement.exec(code)) imported.push(match[1] as string)
  return imported
}

test('the bundle of build, one module for each part it loads when needed, imports from lib/ only the modules that find files by their own place', () => {
  const folder = new URL('../lib/bundle/build/', import.meta.url)
  const modules = readdirSync(folder).filter((name) => name.endsWith('.js'))
  expect(modules).toContain('build.js')
  const imported = modules.flatMap((name) =>
    staticImports(new URL(name, folder)).map((specifier) => ({ name, specifier }))
  )
  const fromLib = [...new Set(imported.flatMap(({ specifier }) => (specifier.startsWith('../') ? [specifier] : [])))]
  expect(fromLib.sort()).toEqual([
    '../../build/unit-pool.js',
    '../../cache/factmark-digest.js',
    '../../chinese-number/ucum.js',
    '../../emit/html/templates.js',
    '../../model/schemas.js',
    '../../version.js'
  ])
  for (const { name, specifier } of imported)
    if (specifier.startsWith('.')) expect(existsSync(new URL(specifier, new URL(name, folder)))).toBe(true)
  expect(imported.filter(({ specifier }) => !specifier.startsWith('.') && !isBuiltin(specifier))).toEqual([])
  // A build with nothing to do loads neither the compiler nor the site's own files.
  const entryImports = staticImports(new URL('build.js', folder))
  expect(entryImports.filter((specifier) => /compile|site-files|stage-site/.test(specifier))).toEqual([])
})
