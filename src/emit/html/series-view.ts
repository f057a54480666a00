import { toHtml } from 'hast-util-to-html'
import type { Series, SeriesCheck, SeriesPoint, SeriesTarget } from '../../model/schema-types.js'
import { version } from '../../version.js'
import { decimalString } from '../decimal.js'
import { seriesFileName } from '../series-json.js'
import { unitSymbol } from './display.js'
import { safeTree } from './safe-text.js'
import { seriesChart } from './series-chart.js'
import { factLink, pointValue, targetValue, type FactLink } from './series-display.js'
import { seriesLines, whereOf } from './series-lines.js'
import { betterWords, checkKindWords, evaluationWords, holdsWords, statusWords } from './series-words.js'

export interface SeriesView {
  lang: string
  pageTitle: string
  description: string
  generator: string
  metric: {
    id: string
    label: string
    labelEn: string
    definition: string
    definitionEn: string
    unit: string
    better: string
  }
  json: string
  chart: string
  lineCount: number
  points: Array<{
    period: string
    where: string
    value: string
    display: string
    inferred: boolean
    status: string
    derivation: string
    derivedFrom: FactLink[]
    source: FactLink
    alsoIn: FactLink[]
    revises: FactLink[]
  }>
  targets: Array<{
    period: string
    where: string
    display: string
    status: SeriesTarget['evaluation']['status']
    evaluation: string
    outcome: (FactLink & { inferred: boolean }) | undefined
    source: FactLink
  }>
  checks: Array<{
    kind: string
    holds: boolean
    mark: string
    word: string
    statement: FactLink
    against: FactLink[]
    detail: string
  }>
}

/** Everything the series template shows, computed here so the template only lays it out. */
export function seriesView(series: Series, titleOf: (slug: string) => string): SeriesView {
  const { metric } = series
  const lines = seriesLines(series)
  const chart = seriesChart({ series, lines, titleOf })
  safeTree(chart)
  const link = (reference: Parameters<typeof factLink>[0]) => factLink(reference, titleOf)
  return {
    lang: 'zh-CN',
    pageTitle: `${metric.label.zh}:历年数值`,
    description: `${metric.label.zh}在各报告中的数值、目标及其评估、跨报告核对,共 ${series.points.length} 个数据点。`,
    generator: `factmark ${version}`,
    metric: {
      id: metric.id,
      label: metric.label.zh,
      labelEn: metric.label.en,
      definition: metric.definition?.zh ?? '',
      definitionEn: metric.definition?.en ?? '',
      unit: metric.kind === 'rank' ? '名次' : unitSymbol(metric.unit),
      better: betterWords[metric.better]
    },
    json: seriesFileName(metric.id, 'json'),
    chart: toHtml(chart),
    lineCount: lines.length,
    points: series.points.map((point) => pointRow(series, point, link)),
    targets: series.targets.map((target) => targetRow(series, target, link)),
    checks: series.checks.map((check) => checkRow(check, link))
  }
}

type Link = (reference: Parameters<typeof factLink>[0]) => FactLink

function pointRow(series: Series, point: SeriesPoint, link: Link): SeriesView['points'][number] {
  return {
    period: point.period,
    where: whereOf(point),
    value: decimalString(point.value),
    display: pointValue(point, series.metric),
    inferred: point.status === 'inferred',
    status: statusWords[point.status],
    derivation: point.derivation?.expression ?? '',
    derivedFrom: (point.derivation?.from ?? []).map(link),
    source: link(point),
    alsoIn: (point.alsoIn ?? []).map(link),
    revises: (point.revises ?? []).map(link)
  }
}

function targetRow(series: Series, target: SeriesTarget, link: Link): SeriesView['targets'][number] {
  const { outcome, outcomeStatus } = target.evaluation
  return {
    period: target.period,
    where: whereOf(target),
    display: targetValue(target, series.metric),
    status: target.evaluation.status,
    evaluation: evaluationWords[target.evaluation.status],
    outcome: outcome ? { ...link(outcome), inferred: outcomeStatus === 'inferred' } : undefined,
    source: link(target)
  }
}

function checkRow(check: SeriesCheck, link: Link): SeriesView['checks'][number] {
  const { mark, word } = holdsWords[check.holds ? 'true' : 'false']
  return {
    kind: checkKindWords[check.kind],
    holds: check.holds,
    mark,
    word,
    statement: link(check.statement),
    against: check.against.map(link),
    detail: check.detail
  }
}
