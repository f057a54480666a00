/** What the title of a report says of its front matter; a field it does not say is absent. */
export interface TitleGuess {
  issuer?: string
  entity?: string
  period?: string
  /** Why the period is not the year the title prints, when it is not. */
  periodReason?: string
}

/**
 * Kinds of report by the words that end their title, and the year their figures are of. A
 * government work report is delivered early in the year it names and reviews the year before:
 * 2024年政府工作报告 reports 2023's results and sets 2024's targets.
 */
// prettier-ignore
const genres: ReadonlyArray<{ words: string; yearsBefore: number; why?: (year: number) => string }> = [
  { words: '政府工作报告', yearsBefore: 1, why: (year) => `a government work report delivered in ${year} reviews ${year - 1}; its targets for ${year} take period=${year}` },
  { words: '工作总结', yearsBefore: 0 },
  { words: '工作要点', yearsBefore: 0 },
  { words: '工作计划', yearsBefore: 0 },
  { words: '工作报告', yearsBefore: 0 },
  { words: '统计公报', yearsBefore: 0 },
  { words: '状况公报', yearsBefore: 0 },
  { words: '质量公报', yearsBefore: 0 }
]

const chineseDigits = '〇一二三四五六七八九'
/** A year as titles print it: 2024年, 2024年度, 二〇二四年, or a span of years 2021—2025年. */
const yearPattern = new RegExp(`(\\d{4})(?:\\s*[-—–~～至到]\\s*(\\d{4}))?年度?|([零${chineseDigits}]{4})年度?`, 'u')

/**
 * The administrative divisions a title can open with, outermost first: a province, a prefecture,
 * a county or district. A name has two characters or more (a county may have one), which keeps
 * 城市 in 厦门市城市管理局 from reading as a city.
 */
const name = '[\\u4e00-\\u9fff]{2,7}?'
const divisions = new RegExp(
  `^(?:${name}(?:省|自治区|特别行政区))?(?:${name}(?:市|自治州|地区|盟))?(?:${name}(?:区|县|旗|市)|[\\u4e00-\\u9fff]县)?`,
  'u'
)

/** The last words of the name of a public body, so that 关于 before a year is not taken for an issuer. */
const bodyEnding = /(?:局|厅|委员会|委|办公室|政府|院|部|署|中心|办)$/u

/** Read issuer, entity and period from a title such as 厦门市生态环境局2022年工作总结. */
export function guessFromTitle(title: string): TitleGuess {
  const guess: TitleGuess = {}
  const year = yearPattern.exec(title)
  const genre = genres.find((entry) => title.includes(entry.words))
  const prefix = (year ? title.slice(0, year.index) : genre ? title.slice(0, title.indexOf(genre.words)) : '').trim()
  const entity = divisions.exec(prefix || title)?.[0]
  if (entity) guess.entity = entity
  if (bodyEnding.test(prefix)) guess.issuer = prefix
  if (year) Object.assign(guess, periodOf(year, genre))
  return guess
}

function periodOf(year: RegExpExecArray, genre: (typeof genres)[number] | undefined): Partial<TitleGuess> {
  const [, first, last, chinese] = year
  if (first !== undefined && last !== undefined) return { period: `${first}/${last}` }
  const printed = Number(
    first ?? [...(chinese ?? '')].map((digit) => chineseDigits.indexOf(digit === '零' ? '〇' : digit)).join('')
  )
  const shown = (value: number) => String(value).padStart(4, '0')
  if (!genre?.why || printed < genre.yearsBefore) return { period: shown(printed) }
  return { period: shown(printed - genre.yearsBefore), periodReason: genre.why(printed) }
}
