/**
 * Measure words (量词) that turn a number into a count: 205个, 457家, 三轮.
 * The classifier is kept on the figure because it says what was counted
 * (家次 is visits to firms, not firms).
 *
 * Listed: the measure words of the 2025 Xiamen report, the common ones of
 * government work reports, and a few nouns that reports use as measure words
 * (方面 and 个方面 as in 4个方面, 地市 as in 五地市, 大类 as in 五大类). Not listed on purpose:
 * 点 (also a time of day), 单 and 首 (more often part of a name: 三单,
 * 首批), 度 (degree, kWh or temperature).
 */
// prettier-ignore
export const COUNT_CLASSIFIERS: readonly string[] = [
  '个',
  '家',
  '家次',
  '批',
  '批次',
  '件',
  '件次',
  '轮',
  '场',
  '场次',
  '项',
  '份',
  '名',
  '人',
  '人次',
  '期',
  '处',
  '条',
  '次',
  '户',
  '座',
  '台',
  '台次',
  '辆',
  '辆次',
  '套',
  '篇',
  '部',
  '起',
  '宗',
  '所',
  '株',
  '棵',
  '只',
  '头',
  '块',
  '栋',
  '间',
  '艘',
  '艘次',
  '架',
  '架次',
  '列',
  '位',
  '种',
  '类',
  '大类',
  '届',
  '例',
  '张',
  '本',
  '册',
  '支',
  '队',
  '组',
  '片',
  '段',
  '根',
  '口',
  '眼',
  '方面',
  '个方面',
  '地市'
]

/**
 * Classifiers that count places in a ranking: 同比上升4位, 前进3名. A figure with one of them reads
 * as a count; on a metric of kind rank it is a change of rank.
 */
export const RANK_PLACE_CLASSIFIERS: readonly string[] = ['位', '名']

/** Classifiers that make a number a grade rather than a count: 三星级, 一等奖, 一级. */
export const CLASS_CLASSIFIERS: readonly string[] = ['星级', '等奖', '级', '等']

/** Classifiers that only follow an ordinal: 2025年第二季度. */
export const ORDINAL_CLASSIFIERS: readonly string[] = ['季度']

/** What a water-quality class label may end with: Ⅱ类. */
export const WATER_CLASS_CLASSIFIER = '类'
