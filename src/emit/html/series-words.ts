import type { Metric, SeriesCheck, SeriesPoint, SeriesTarget } from '../../model/schema-types.js'

/**
 * The words the series pages use for the codes of series.schema.json, one table per code, so that
 * the page and the schema's enums are read side by side and a new code is a type error here.
 */

export const betterWords: Record<Metric['better'], string> = {
  higher: '越高越好',
  lower: '越低越好',
  neutral: '不分好坏'
}

export const statusWords: Record<SeriesPoint['status'], string> = {
  published: '公布',
  inferred: '推算'
}

/** A target without a bound is met by its value or better (series.schema.json). */
export const boundWords: Record<NonNullable<SeriesTarget['bound']> | 'none', string> = {
  'at-least': '不低于',
  'at-most': '不高于',
  none: '达到'
}

export const evaluationWords: Record<SeriesTarget['evaluation']['status'], string> = {
  met: '已达成',
  missed: '未达成',
  pending: '待评估'
}

export const checkKindWords: Record<SeriesCheck['kind'], string> = {
  change: '增减量与两期数值',
  restatement: '再次公布的数值',
  start: '期初值与上期数值'
}

/** A check's outcome as a mark and a word: the mark alone would say nothing to a screen reader. */
export const holdsWords = {
  true: { mark: '✓', word: '相符' },
  false: { mark: '✗', word: '不符' },
  revision: { mark: '↻', word: '修订' }
} as const
