import type { Fact, FactBundle } from '../model/schema-types.js'
import { decimalString } from './decimal.js'

/** One column of facts.csv, with everything the Data Package says about it. */
export interface Column {
  name: string
  /** Table Schema type. */
  type: 'string' | 'number' | 'integer' | 'object' | 'array'
  title: string
  description: string
  required?: boolean
  enum?: readonly string[]
  /** The cell for a fact: undefined leaves it empty. */
  cell: (fact: Fact, bundle: FactBundle) => string | number | undefined
}

const json = (value: unknown) => JSON.stringify(value)

/**
 * The columns of facts.csv, in order. One table drives the CSV, the Table
 * Schema of the Data Package and the column documentation, so they cannot
 * disagree.
 */
// prettier-ignore
export const factColumns: readonly Column[] = [
  { name: 'id', type: 'string', title: 'Fact id', description: 'Stable identifier of the fact, unique in the report; the same as in facts.json. It is also the anchor of the figure in index.html, except that there white space, % and control characters are percent-encoded, and an id that begins like one of the page’s own (row:, sec-, chart-, tip-, fact:) or is one of them gets fact: in front.', required: true, cell: (fact) => fact.id },
  { name: 'metric', type: 'string', title: 'Metric', description: 'Id of the metric in the registry (source/metrics.yaml).', required: true, cell: (fact) => fact.metric },
  { name: 'label_zh', type: 'string', title: 'Label (Chinese)', description: 'Name of the metric in Chinese.', required: true, cell: (fact, bundle) => bundle.metrics[fact.metric]?.label.zh },
  { name: 'label_en', type: 'string', title: 'Label (English)', description: 'Name of the metric in English.', required: true, cell: (fact, bundle) => bundle.metrics[fact.metric]?.label.en },
  {
    name: 'aspect',
    type: 'string',
    title: 'Aspect',
    description: 'level: the value in the period; start: the value at its start; target: a goal; change: an absolute change (percentage points for percentages); relative-change: a change in percent of the earlier value.',
    required: true,
    enum: ['level', 'start', 'target', 'change', 'relative-change'],
    cell: (fact) => fact.aspect
  },
  { name: 'value', type: 'number', title: 'Value', description: 'The value in the unit of the `unit` column, scales applied (1159万吨 is 11590000); negative for a decrease. In plain digits, never with an exponent: the same digits as facts.json. Empty for dates, which are in `date_value`.', cell: (fact) => (typeof fact.value === 'number' ? decimalString(fact.value) : undefined) },
  { name: 'date_value', type: 'string', title: 'Date value', description: 'For a metric of kind date, the ISO 8601 date or period (2025-11); otherwise empty.', cell: (fact) => (typeof fact.value === 'string' ? fact.value : undefined) },
  { name: 'unit', type: 'string', title: 'Unit', description: 'UCUM code of the value (ug/m3, t, m2, %, 1), or CNY for yuan.', required: true, cell: (fact) => fact.unit },
  { name: 'decimals', type: 'integer', title: 'Decimals', description: 'Precision as written, as XBRL decimals: 17.4 gives 1, 1159万吨 gives -4. Empty for dates.', cell: (fact) => fact.decimals },
  { name: 'text', type: 'string', title: 'Text as printed', description: 'The figure exactly as the report prints it (1159万吨, 99.2%, 第8).', required: true, cell: (fact) => fact.text },
  { name: 'display_unit', type: 'string', title: 'Unit as printed', description: 'The unit or measure word as printed (微克/立方米, 万吨, 个百分点, 个); empty when none.', cell: (fact) => fact.displayUnit || undefined },
  { name: 'classifier', type: 'string', title: 'Measure word', description: 'The measure word of a count or class (个, 家, 批, 类).', cell: (fact) => fact.classifier },
  { name: 'bound', type: 'string', title: 'Bound', description: 'at-least (100余个), at-most (前4) or about (约50%) when the text qualifies the value.', enum: ['at-least', 'at-most', 'about'], cell: (fact) => fact.bound },
  { name: 'period', type: 'string', title: 'Period', description: 'ISO 8601 period the value is about: a year (2025), month (2025-11), day or interval (2021/2024).', required: true, cell: (fact) => fact.period },
  { name: 'base_period', type: 'string', title: 'Base period', description: 'For a change, the period it is measured against (同比: the previous year).', cell: (fact) => fact.basePeriod },
  { name: 'revises', type: 'string', title: 'Revises', description: 'Slug of the earlier report whose value of the same figure this one corrects (revises=): where two reports give a figure different values, the row with revises is the one that stands.', cell: (fact) => fact.revises },
  { name: 'entity', type: 'string', title: 'Entity', description: 'Whom the value is about.', required: true, cell: (fact) => fact.entity },
  { name: 'dimensions', type: 'object', title: 'Dimensions', description: 'Further qualifiers declared by the metric, as a JSON object ({"site":"隘头潭国控断面"}).', required: true, cell: (fact) => json(fact.dimensions) },
  { name: 'section', type: 'array', title: 'Section', description: 'Headings above the figure, outermost first, as a JSON array.', required: true, cell: (fact) => json(fact.section) },
  { name: 'table_row', type: 'string', title: 'Table row', description: 'For a figure in a table cell: the text of the first cell of its row; empty outside tables, and when that cell is empty or is the figure’s own.', cell: (fact) => fact.table?.row },
  { name: 'table_column', type: 'string', title: 'Table column', description: 'For a figure in a table cell: the text of the header cell of its column; empty outside tables, and when that cell is empty, missing or is the figure’s own.', cell: (fact) => fact.table?.column },
  { name: 'file', type: 'string', title: 'Source file', description: 'The annotated source the figure comes from.', required: true, cell: (fact) => fact.source.file },
  { name: 'line', type: 'integer', title: 'Line', description: 'Line of the annotation in the source (1-based).', required: true, cell: (fact) => fact.source.line },
  { name: 'column', type: 'integer', title: 'Column', description: 'Column of the annotation in the source (1-based, UTF-16 code units).', required: true, cell: (fact) => fact.source.column }
]

/** The column of the site-wide facts.csv that names the report a row comes from, before the fact's own. */
export const reportColumn = {
  name: 'report',
  type: 'string',
  title: 'Report',
  description: 'Slug of the report the fact is tagged in: its folder in the site. With id, it identifies the row.',
  required: true
} as const

/** A fact's cells, column by column; undefined for an empty cell. */
export type FactCells = ReadonlyArray<string | number | undefined>

const cellsKept = new WeakMap<FactBundle, readonly FactCells[]>()

/**
 * The cells of every fact of a bundle, in the order of its facts: a report's facts.csv, its
 * facts-excel.csv and its rows of the site's table are written from the same cells, made once.
 */
export function factCells(bundle: FactBundle): readonly FactCells[] {
  const kept = cellsKept.get(bundle)
  if (kept) return kept
  const made = bundle.facts.map((fact) => factColumns.map((column) => column.cell(fact, bundle)))
  cellsKept.set(bundle, made)
  return made
}
