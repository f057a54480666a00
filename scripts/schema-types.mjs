#!/usr/bin/env node
// Generates src/model/schema-types.ts from schema/*.schema.json, so that the JSON
// Schemas stay the one source of truth for the types. `--check` fails when
// the committed file differs from what the schemas give.
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { compile } from 'json-schema-to-typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
export const target = `${root}src/model/schema-types.ts`

/** The TypeScript source that the schemas give. */
export async function schemaTypes() {
  const index = {
    title: 'Schemas',
    type: 'object',
    properties: {
      report: { $ref: 'report.schema.json' },
      registry: { $ref: 'metrics.schema.json' },
      fact: { $ref: 'fact.schema.json' },
      bundle: { $ref: 'bundle.schema.json' },
      catalog: { $ref: 'catalog.schema.json' },
      catalogPage: { $ref: 'catalog-page.schema.json' },
      manifest: { $ref: 'manifest.schema.json' },
      series: { $ref: 'series.schema.json' },
      seriesIndex: { $ref: 'series-index.schema.json' }
    },
    additionalProperties: false
  }
  const banner =
    '// Generated from schema/*.schema.json by scripts/schema-types.mjs: do not edit.\n' +
    '// Run `npm run types` after changing a schema.\n'
  const text = await compile(index, 'Schemas', {
    cwd: `${root}schema`,
    bannerComment: banner,
    additionalProperties: false,
    style: { semi: false, singleQuote: true },
    $refOptions: { resolve: { http: false } }
  })
  return withoutNumberedCopies(text)
}

/**
 * A `$ref` with a description of its own makes the generator declare the
 * referenced type again under a numbered name (`MetricId1 = string`). Those
 * copies are the same type: each is removed and its uses name the original,
 * so the public types carry no placeholder names.
 */
function withoutNumberedCopies(text) {
  const declared = new Map([...text.matchAll(/^export type (\w+) = (.+)$/gm)].map((match) => [match[1], match[2]]))
  let result = text
  for (const [name, definition] of declared) {
    const copy = /^(\w+?)(\d+)$/.exec(name)
    if (!copy || declared.get(copy[1]) !== definition) continue
    result = result.replace(new RegExp(`/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\nexport type ${name} = .+\\n`), '')
    result = result.replace(new RegExp(`\\b${name}\\b`, 'g'), copy[1])
  }
  return result
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await schemaTypes()
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '')
    if (current !== text) {
      console.error('src/model/schema-types.ts is out of date: run `npm run types`')
      process.exitCode = 1
    }
  } else {
    await writeFile(target, text)
  }
}
