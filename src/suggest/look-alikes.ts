/**
 * Words of provincial and national reports that only look like figures: footnote marks, the plan
 * that 十四五 abbreviates written out, enumerations of places, slogans. Like the built-in names, a
 * figure overlapping one of these spans is not suggested; each entry says why an editor would not
 * tag it. Patterns start with a fixed character or a bounded run, so that each is tried in time
 * linear in the text.
 */
export interface LookAlike {
  id: string
  /** Global (`g`), so that every occurrence is found. */
  pattern: RegExp
  description: string
}

/** Chinese numerals as they appear inside names, 两 included (两市一区). */
const N = '[一二三四五六七八九十两]'

// prettier-ignore
export const LOOK_ALIKES: readonly LookAlike[] = [
  {
    id: 'footnote-mark',
    pattern: /[[［]\d{1,3}(?:[,，、\-–]\d{1,3})*[\]］]/g,
    description: 'Footnote marks: ［24］, [24], [3,5] (① is no digit and never read)'
  },
  {
    id: 'plan-name',
    pattern: new RegExp(`(?:第${N}{1,3}个)?五年(?:规划|计划)`, 'g'),
    description: 'The five-year plans by name: 第十四个五年规划, 五年规划纲要 (a name, like 十四五)'
  },
  {
    id: 'place-enumeration',
    pattern: new RegExp(`(?:(?<!\\d)\\d{1,2}|(?<!${N})${N}{1,3})[省市县区](?:\\d{1,2}|${N}{1,3})[市县区]`, 'g'),
    description: 'Enumerations of places that name a set of jurisdictions: 九市一区, 6市1区 (a name, not a count)'
  },
  {
    id: 'slogan',
    pattern: /两个(?:大局|一百年|毫不动摇|结合)|三个务必|一成不变/g,
    description: 'Slogans and set phrases with numerals: 两个大局, 两个一百年, 两个毫不动摇, 三个务必, 一成不变'
  }
]

/** Every span of `text` that a look-alike covers, in text order (spans may overlap). */
export function lookAlikeSpans(text: string): Array<{ start: number; end: number; id: string }> {
  const spans: Array<{ start: number; end: number; id: string }> = []
  for (const { id, pattern } of LOOK_ALIKES) {
    for (const match of text.matchAll(pattern))
      spans.push({ start: match.index, end: match.index + match[0].length, id })
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end)
}
