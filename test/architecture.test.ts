import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

// How src/ is laid out and which stage may use which: read from the import statements themselves.
const src = path.resolve(new URL('../src', import.meta.url).pathname)

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return modules(full)
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : []
  })
}

/**
 * Every module of src/ and the modules of src/ it imports, type-only imports and re-exports
 * included, as paths relative to src/.
 */
const graph = new Map(
  modules(src).map((file) => {
    const text = readFileSync(file, 'utf8')
    const imports = [
      ...text.matchAll(
        /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g
      )
    ].map((match) =>
      path.relative(src, path.resolve(path.dirname(file), (match[1] ?? match[2]) as string).replace(/\.js$/, '.ts'))
    )
    return [path.relative(src, file), imports] as const
  })
)
const edges = [...graph].flatMap(([from, imports]) => imports.map((to) => [from, to] as const))
const stage = (module: string) => (module.includes('/') ? (module.split('/')[0] as string) : '(root)')

/**
 * The cycles of the graph: its strongly connected components of more than one module, and modules
 * that import themselves.
 */
function cycles(): string[][] {
  const order = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const found: string[][] = []
  const visit = (module: string) => {
    order.set(module, order.size)
    low.set(module, order.get(module) as number)
    stack.push(module)
    for (const next of graph.get(module) ?? []) {
      if (!graph.has(next)) continue
      if (!order.has(next)) {
        visit(next)
        low.set(module, Math.min(low.get(module) as number, low.get(next) as number))
      } else if (stack.includes(next)) {
        low.set(module, Math.min(low.get(module) as number, order.get(next) as number))
      }
    }
    if (low.get(module) !== order.get(module)) return
    const component: string[] = []
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      component.push(member)
      if (member === module) break
    }
    if (component.length > 1 || graph.get(module)?.includes(module)) found.push(component.sort())
  }
  for (const module of graph.keys()) if (!order.has(module)) visit(module)
  return found
}

describe('src/ is laid out by stage', () => {
  test('every import names a module that exists', () => {
    expect(edges.filter(([, to]) => !graph.has(to) && !to.endsWith('.d.ts'))).toEqual([])
  })

  test('at most eight modules stand at the root, the rest in the folder of their stage', () => {
    expect([...graph.keys()].filter((module) => stage(module) === '(root)').length).toBeLessThanOrEqual(8)
  })

  test('no import cycles, type-only imports included', () => {
    expect(cycles()).toEqual([])
  })

  // prettier-ignore
  test.each([
    ['emitters depend on the model, never on what orchestrates them', 'emit', ['build', 'compile', 'cli', '(root)']],
    ['suggest does not import the compiler', 'suggest', ['compile', 'build', 'cli']],
    ['the model depends on nothing else', 'model', ['load', 'remark', 'extract', 'validate', 'compile', 'build', 'emit', 'verify', 'diagnostics', 'chinese-number', 'suggest', 'cli', '(root)']],
    ['the rule catalog and diagnostics depend only on the model', 'diagnostics', ['load', 'remark', 'extract', 'validate', 'compile', 'build', 'emit', 'verify', 'chinese-number', 'suggest', 'cli']],
    ['Chinese numbers stand alone', 'chinese-number', ['load', 'remark', 'extract', 'validate', 'compile', 'build', 'emit', 'verify', 'diagnostics', 'suggest', 'cli']]
  ])('%s', (_name, from, forbidden) => {
    expect(edges.filter(([a, b]) => stage(a) === from && forbidden.includes(stage(b)) && !(stage(b) === '(root)' && b === 'version.ts'))).toEqual([])
  })

  test('only the command line imports the command line', () => {
    expect(edges.filter(([a, b]) => stage(b) === 'cli' && stage(a) !== 'cli')).toEqual([])
  })

  test('modules outside chinese-number/ use its public entry', () => {
    expect(
      edges.filter(
        ([a, b]) => stage(a) !== 'chinese-number' && stage(b) === 'chinese-number' && b !== 'chinese-number/index.ts'
      )
    ).toEqual([])
  })
})
