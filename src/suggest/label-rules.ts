import { isArabicDigit, type Figure } from '../chinese-number/index.js'
import { isIdeograph } from './label-chars.js'

/**
 * Labels that `readFigure` reads but that running text uses as words. Each
 * rule is a reason an editor would give for not tagging the span.
 */
export interface LabelRule {
  id: string
  description: string
  /** `after`: the character right after the label, '' at the end of the text. */
  rejects: (label: string, figure: Figure, after: string) => boolean
}

// prettier-ignore
export const NOT_FIGURES: readonly LabelRule[] = [
  {
    id: 'bare-chinese-numeral',
    description: 'A Chinese numeral with no classifier or unit is a word (一些, 进一步, 一体化), not a figure; but for a number with a fraction that ends its words (综合指数为二点三一。), where 一点一滴 goes on as a word',
    rejects: (label, figure, after) =>
      figure.kind === 'number' && ![...label].some(isArabicDigit) && !(label.includes('点') && !isIdeograph(after))
  },
  {
    id: 'bare-roman-numeral',
    description: 'A Roman numeral without 类 names a stage or a standard (国Ⅴ), not a water-quality class',
    rejects: (_label, figure) => figure.kind === 'class' && figure.displayUnit === ''
  },
  {
    id: 'chinese-zero',
    description: 'A lone 零 is a word (零部件, 零件, 零排放), not a count of nothing: reports write a zero count 0起',
    rejects: (label, figure) => figure.value === 0 && /^[零〇]/.test(label)
  },
  {
    id: 'article',
    description: '一种 is the article "a kind of" (一种常态, 一种模式), not a count of one kind',
    rejects: (label) => label === '一种'
  },
  {
    id: 'loose-bound',
    description: '上下 after a figure is more often 上下游 or 上下联动 than "about"',
    rejects: (label) => label.endsWith('上下')
  }
]

export function isSuggestedLabel(label: string, figure: Figure, after: string): boolean {
  return !NOT_FIGURES.some((rule) => rule.rejects(label, figure, after))
}
