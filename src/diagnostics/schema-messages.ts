import type { ErrorObject } from 'ajv'
import { didYouMean } from './did-you-mean.js'

/** One readable problem found by a schema, with the YAML path it concerns. */
export interface SchemaProblem {
  path: Array<string | number>
  /** Whether the key itself (an unknown or badly named key) or its value is at fault. */
  part: 'key' | 'value'
  message: string
}

// When ajv reports several errors for one place, the first of these kinds says most.
const priority = ['required', 'additionalProperties', 'propertyNames', 'type', 'const', 'enum', 'pattern', 'format']

/**
 * Turn ajv's list of errors into one message per problem, phrased for an
 * editor, in document order of their paths.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  const byPlace = new Map<string, ErrorObject[]>()
  for (const error of errors) {
    // A propertyNames failure is reported twice: once for the key, once by the inner keyword.
    if (error.propertyName !== undefined && error.keyword !== 'propertyNames') continue
    const key = placeKey(error)
    const list = byPlace.get(key) ?? []
    list.push(error)
    byPlace.set(key, list)
  }
  const problems: SchemaProblem[] = []
  const misspelt = misspeltRequired(errors)
  for (const list of byPlace.values()) {
    const ranked = [...list].sort((a, b) => rank(a.keyword) - rank(b.keyword))
    const first = ranked[0]
    if (!first) continue
    // Several missing keys on one object, or several unknown keys, are each a problem of their own.
    const same =
      first.keyword === 'required' || first.keyword === 'additionalProperties'
        ? ranked.filter((error) => error.keyword === first.keyword)
        : [first]
    for (const error of same) {
      const told = misspelt.get(error)
      if (told === undefined) problems.push(describe(error))
      else if (told !== 'dropped') problems.push(told)
    }
  }
  return problems
}

/**
 * A key missing beside an unknown key spelt like it (tilte: for title:) is one slip, not two
 * problems: told once, at the unknown key. Maps each error of such a pair to what is said of it.
 */
function misspeltRequired(errors: readonly ErrorObject[]): Map<ErrorObject, SchemaProblem | 'dropped'> {
  const told = new Map<ErrorObject, SchemaProblem | 'dropped'>()
  const missing = errors.filter((error) => error.keyword === 'required')
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue
    const extra = String((error.params as Record<string, unknown>)['additionalProperty'])
    const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {})
    const guess = didYouMean(extra, allowed)
    const required = missing.find(
      (candidate) =>
        candidate.instancePath === error.instancePath &&
        String((candidate.params as Record<string, unknown>)['missingProperty']) === guess
    )
    if (!required || guess === undefined || told.has(required)) continue
    const path = pathOf(error.instancePath)
    told.set(required, 'dropped')
    told.set(error, {
      path: [...path, extra],
      part: 'key',
      message: `Unknown key "${extra}"${where(path)}: did you mean "${guess}", which is required and missing?`
    })
  }
  return told
}

function placeKey(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}/${String(params['additionalProperty'])}#key`
  if (error.keyword === 'propertyNames') return `${error.instancePath}/${String(params['propertyName'])}#key`
  return error.instancePath
}

function rank(keyword: string): number {
  const index = priority.indexOf(keyword)
  return index === -1 ? priority.length : index
}

function pathOf(pointer: string): Array<string | number> {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
}

/** `metrics › air.pm25 › kind`. */
function pathText(path: ReadonlyArray<string | number>): string {
  return path.length === 0
    ? 'the document'
    : path.map((segment) => (typeof segment === 'number' ? `item ${segment + 1}` : segment)).join(' › ')
}

function where(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? '' : ` in ${pathText(path)}`
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value} ${String(value)}`
  return typeof value
}

function hint(error: ErrorObject): string {
  const schema = error.parentSchema as { description?: string; title?: string } | undefined
  const text = schema?.description ?? schema?.title
  return text ? ` (${text.replace(/\.$/, '')})` : ''
}

/** Where an error is, with ajv's parameters for it and the place as a reader names it. */
interface Place {
  path: Array<string | number>
  params: Record<string, unknown>
  name: string
}

type Describe = (error: ErrorObject, place: Place) => SchemaProblem

function describe(error: ErrorObject): SchemaProblem {
  const path = pathOf(error.instancePath)
  const place: Place = { path, params: error.params as Record<string, unknown>, name: pathText(path) }
  return (DESCRIBERS.get(error.keyword) ?? describeOther)(error, place)
}

function describeRequired(_error: ErrorObject, { path, params }: Place): SchemaProblem {
  const missing = String(params['missingProperty'])
  return { path, part: 'value', message: `Missing required key "${missing}"${where(path)}` }
}

function describeUnknownKey(error: ErrorObject, { path, params }: Place): SchemaProblem {
  const extra = String(params['additionalProperty'])
  const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {})
  return {
    path: [...path, extra],
    part: 'key',
    message: `Unknown key "${extra}"${where(path)}${keyAdvice(extra, allowed)}`
  }
}

function keyAdvice(extra: string, allowed: string[]): string {
  const guess = didYouMean(extra, allowed)
  if (guess) return `, did you mean "${guess}"?`
  return allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ''
}

function describeKeyName(error: ErrorObject, { path, params }: Place): SchemaProblem {
  const key = String(params['propertyName'])
  const schema = error.schema as { $ref?: string; pattern?: string } | undefined
  return { path: [...path, key], part: 'key', message: `Invalid key "${key}"${where(path)}${namingHint(schema)}` }
}

function describeType(error: ErrorObject, { path, params, name }: Place): SchemaProblem {
  const expected = String(params['type'])
  // YAML reads 2025 as a number; the fix is the quotes, so say so, and for a date, the whole day.
  const isDate = (error.parentSchema as { format?: string } | undefined)?.format === 'date'
  const quote =
    expected === 'string' && typeof error.data === 'number'
      ? isDate
        ? '; write the day, in quotes, as YYYY-MM-DD (e.g. "2025-02-18")'
        : `; write it in quotes: "${String(error.data)}"`
      : hint(error)
  return { path, part: 'value', message: `${name} must be ${article(expected)}, found ${show(error.data)}${quote}` }
}

function describeEnum(error: ErrorObject, { path, params, name }: Place): SchemaProblem {
  const allowed = (params['allowedValues'] as unknown[]).map(String)
  const guess = typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined
  const advice = guess ? `, did you mean "${guess}"?` : ` (allowed: ${allowed.join(', ')})`
  return { path, part: 'value', message: `${name} ${show(error.data)} is not allowed${advice}` }
}

function describeOther(error: ErrorObject, { path, name }: Place): SchemaProblem {
  return { path, part: 'value', message: `${name} ${error.message ?? 'is not valid'}` }
}

/** One phrasing per ajv keyword; a keyword not listed falls back to ajv's own message. */
const DESCRIBERS: ReadonlyMap<string, Describe> = new Map<string, Describe>([
  ['required', describeRequired],
  ['additionalProperties', describeUnknownKey],
  ['propertyNames', describeKeyName],
  ['type', describeType],
  [
    'const',
    (error, { path, params, name }) => ({
      path,
      part: 'value',
      message: `${name} must be ${show(params['allowedValue'])}, found ${show(error.data)}`
    })
  ],
  ['enum', describeEnum],
  [
    'pattern',
    (error, { path, name }) => ({
      path,
      part: 'value',
      message: `${name} ${show(error.data)} is not valid${hint(error)}`
    })
  ],
  [
    'format',
    (error, { path, params, name }) => ({
      path,
      part: 'value',
      message:
        params['format'] === 'date'
          ? `${name} ${show(error.data)} ${notADay(error.data)}`
          : `${name} ${show(error.data)} is not a valid ${String(params['format'])}${hint(error)}`
    })
  ],
  ['minLength', (_error, { path, name }) => ({ path, part: 'value', message: `${name} must not be empty` })],
  [
    'uniqueItems',
    (_error, { path, params, name }) => ({
      path,
      part: 'value',
      message: `${name} lists the same entry twice (items ${Number(params['j']) + 1} and ${Number(params['i']) + 1})`
    })
  ]
])

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false'
  }
  return words[type] ?? type
}

function namingHint(schema: { $ref?: string; pattern?: string } | undefined): string {
  if (schema?.$ref?.endsWith('metricId')) return ': metric ids are lower-case dotted names like air.pm25'
  if (schema?.pattern) return `: names must match ${schema.pattern}`
  return ''
}

/** Why a text is no date: 2026-02-30 is written right but names no day; 2026/2/3 is not written as one. */
function notADay(data: unknown): string {
  const written = typeof data === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(data) : null
  if (!written) return 'is not a date: write the day as YYYY-MM-DD, in quotes (e.g. "2025-02-18")'
  const [year, month] = [Number(written[1]), Number(written[2])]
  if (month < 1 || month > 12) return `is not a day of the calendar: its month is ${written[2]}`
  // Day 0 of the next month is the last day of this one.
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `is not a day of the calendar: ${written[1]}-${written[2]} has ${days} days`
}
