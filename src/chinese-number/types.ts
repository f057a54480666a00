import type { Result } from '../model/result.js'
import type { Ratio } from './ratio.js'

/**
 * What a printed figure says, read from its label.
 *
 * `kind` describes the form of the figure as written, not the metric it
 * belongs to: the registry decides whether a bare `2.43` is an index or a
 * count.
 */
export type FigureKind =
  | 'number' // bare number: 2.43, 1.2万, 二十
  | 'percent' // 99.2%, ９９．２％, 百分之十五
  | 'percentage-point' // 2.1个百分点
  | 'count' // number with a classifier: 205个, 457家, 三轮, 15批, 194家次
  | 'quantity' // number with a physical unit: 17.4微克/立方米, 1159万吨, 4675亩, 六年
  | 'money' // 2.5亿元, 282.56万元
  | 'rank' // 第8, 排名第二, 前4
  | 'class' // Ⅱ类, 劣Ⅴ类, 三星级, 一等奖
  | 'date' // 2025年, 2025年11月, 11-12月, 2021—2024年
  | 'unchanged' // 持平, 基本持平: a change of zero, written without a digit

/** A qualifier on the value that the label itself states. */
export type Bound = 'at-least' | 'at-most' | 'about'

export interface Figure {
  kind: FigureKind
  /**
   * Value in `unit`, scales applied: 1159万吨 → 11590000 (t); 99.2% → 99.2 (%).
   * Lower end of a range. Exactly the digits written, scaled; only a unit
   * whose factor has no finite decimal (亩) rounds, to 15 significant digits.
   */
  value: number
  /** Upper end when the label is a range (Ⅰ~Ⅱ类, 11-12月, 2021—2024年). */
  upper?: number
  /**
   * Written precision in `unit`, as XBRL `decimals`: digits after the decimal
   * point, minus the power of ten of the scale. 17.4 → 1; 1159万吨 → -4;
   * 2.5亿元 → -7; 三轮 → 0.
   */
  decimals: number
  /** UCUM code ('t', 'ug/m3', '%', 'm2', 'dB', 'a') or 'CNY' for money; '1' when the figure has no unit. */
  unit: string
  /** Unit or classifier exactly as written after the number, '' when none: '万吨', '微克/立方米', '个百分点', '%', '个', '类'. */
  displayUnit: string
  /** The measure word of a count or class, kept: 个, 家, 批, 件, 家次, 轮, 项, 类, 星级, 等奖. */
  classifier?: string
  /** A bound stated in the label: 前4 → 'at-most'; 100余个 → 'at-least'; 约50% → 'about'. */
  bound?: Bound
  /** For dates: ISO 8601 form ('2025', '2025-11', '2021/2024', '--11/--12' when the year is not written). */
  period?: string
}

/** Why a label is not read as a figure, in words an editor can act on. */
export interface FigureProblem {
  reason: string
  /** `too-precise`: the figure is read, but has more digits than a value keeps exactly. */
  code?: 'too-precise'
}

export type FigureResult = Result<Figure, FigureProblem>

/** A unit as written in text or in an annotation's `unit` attribute. */
export interface UnitReading {
  /** UCUM code, or 'CNY' for money. */
  unit: string
  /**
   * Multiply a number written in this unit by `factor` to get `unit`: 万吨 →
   * 10000; 亩 → 2000/3 (m2). Arithmetic on values uses the exact ratio it
   * stands for (`fromFactor`).
   */
  factor: number
  /** As written. */
  display: string
  kind: 'quantity' | 'money' | 'percent' | 'percentage-point' | 'count'
  classifier?: string
}

export interface Converted {
  /** Exact: a value becomes a number only once, when it is stored (`storeValue`). */
  value: Ratio
  decimals: number
}
