import { readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

// The public API as a user of the package sees it: the entry points package.json exports, what each exports, and
// whether every type those exports mention can be named by a user.
const repo = path.resolve(new URL('..', import.meta.url).pathname)
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  exports: Record<string, { types: string; default: string }>
}

/** The source module of each entry point: lib/x.js is compiled from src/x.ts. */
const entries = Object.fromEntries(
  Object.entries(manifest.exports).map(([name, target]) => [
    name,
    path.join(repo, target.default.replace(/^\.\/lib\//, 'src/').replace(/\.js$/, '.ts'))
  ])
)

const program = ts.createProgram(Object.values(entries), {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
  noEmit: true
})
const checker = program.getTypeChecker()
const resolve = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol)

function exportsOf(file: string): ts.Symbol[] {
  const source = program.getSourceFile(file)
  const module = source && checker.getSymbolAtLocation(source)
  return module ? checker.getExportsOfModule(module) : []
}

/** The parts of a declaration a user sees: a function's signature, not its body; all of a type. */
function visibleParts(declaration: ts.Declaration): ts.Node[] {
  if (ts.isFunctionDeclaration(declaration))
    return [
      ...(declaration.typeParameters ?? []),
      ...declaration.parameters,
      ...(declaration.type ? [declaration.type] : [])
    ]
  if (ts.isVariableDeclaration(declaration)) return declaration.type ? [declaration.type] : []
  return [declaration]
}

/**
 * The types declared in src/ that an entry's exports mention, directly or through other such types,
 * and are not exported by any entry.
 */
function unnamedTypes(): string[] {
  const exported = new Set(Object.values(entries).flatMap((file) => exportsOf(file).map(resolve)))
  const seen = new Set<ts.Symbol>()
  const missing = new Set<string>()
  const pending = [...exported]
  for (let symbol = pending.pop(); symbol; symbol = pending.pop()) {
    for (const declaration of symbol.declarations ?? []) {
      const visit = (node: ts.Node): void => {
        const name = ts.isTypeReferenceNode(node)
          ? node.typeName
          : ts.isExpressionWithTypeArguments(node)
            ? node.expression
            : undefined
        const target = name && checker.getSymbolAtLocation(name)
        const declared = target && resolve(target)
        const where = declared?.declarations?.[0]?.getSourceFile().fileName
        const isTypeParameter = declared !== undefined && (declared.flags & ts.SymbolFlags.TypeParameter) !== 0
        if (declared && !isTypeParameter && where?.startsWith(path.join(repo, 'src')) && !seen.has(declared)) {
          seen.add(declared)
          if (!exported.has(declared))
            missing.add(`${declared.getName()} (${path.relative(repo, where)}), used by ${symbol.getName()}`)
          pending.push(declared)
        }
        ts.forEachChild(node, visit)
      }
      for (const part of visibleParts(declaration)) visit(part)
    }
  }
  return [...missing].sort()
}

describe('the public API', () => {
  test('package.json exports the library, the Chinese number reader and the remark plugin', () => {
    expect(Object.keys(manifest.exports).sort()).toEqual(['.', './chinese-number', './remark'])
  })

  test('every type the entry points mention can be named by their users', () => {
    for (const file of Object.values(entries)) expect(exportsOf(file).length).toBeGreaterThan(0)
    expect(unnamedTypes()).toEqual([])
  })

  test('the library entry exports exactly these names', async () => {
    const library = await import('../src/index.js')
    expect(Object.keys(library).sort()).toEqual([
      'FactmarkError',
      'build',
      'compile',
      'compileSources',
      'readFigure',
      'readRegistry',
      'readUnit',
      'renderArtifacts',
      'reportFiles',
      'rules',
      'suggest',
      'suggestWrite',
      'verify',
      'writeArtifacts'
    ])
  })

  test('the Chinese number entry exports exactly these names', async () => {
    const numbers = await import('../src/chinese-number/index.js')
    expect(Object.keys(numbers).sort()).toEqual([
      'CLASS_CLASSIFIERS',
      'CURRENCY',
      'DATE_MARKERS',
      'DIGITS',
      'INFIX_BOUNDS',
      'MAX_SIGNIFICANT_DIGITS',
      'ORDINAL_CLASSIFIERS',
      'PLACES',
      'PROPORTION_COLONS',
      'RANGE_SEPARATORS',
      'RANK_GOAL_WORDS',
      'RANK_PLACE_CLASSIFIERS',
      'ROUND_PREFIXES',
      'ROUND_SCALES',
      'SUFFIX_BOUNDS',
      'UNITS',
      'WATER_CLASS_CLASSIFIER',
      'absolute',
      'compare',
      'convertValue',
      'decimalShift',
      'fromDecimal',
      'fromFactor',
      'fromNumber',
      'isArabicDigit',
      'isNumeralChar',
      'isUcumUnit',
      'minus',
      'negate',
      'opensNumeral',
      'parseChineseNumeral',
      'powerOfTen',
      'readFigure',
      'readUnit',
      'storeValue',
      'times',
      'toDecimal',
      'toFixed'
    ])
  })

  test('the remark entry exports exactly these names', async () => {
    const remark = await import('../src/remark/index.js')
    expect(Object.keys(remark).sort()).toEqual([
      'default',
      'factElement',
      'factFromMarkdown',
      'factHandler',
      'factName',
      'factSyntax',
      'factToMarkdown',
      'readRegistry',
      'remarkFact'
    ])
  })
})
