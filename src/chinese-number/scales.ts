/**
 * Scale words written after an Arabic number (1.2万, 2.5亿元, 3万亿). The
 * power of ten also fixes the written precision: 1159万 is known to the 万,
 * so its XBRL `decimals` is -4.
 *
 * Compound scales (十万, 百万, 千万 …) are listed because reports write
 * `3百万` as often as `300万`; longest first, so that the longest match wins.
 */
export interface Scale {
  text: string
  power: number
}

// prettier-ignore
export const SCALES: readonly Scale[] = [
  { text: '万亿', power: 12 },
  { text: '萬億', power: 12 },
  { text: '千亿', power: 11 },
  { text: '百亿', power: 10 },
  { text: '十亿', power: 9 },
  { text: '千万', power: 7 },
  { text: '百万', power: 6 },
  { text: '十万', power: 5 },
  { text: '亿', power: 8 },
  { text: '億', power: 8 },
  { text: '万', power: 4 },
  { text: '萬', power: 4 },
  { text: '千', power: 3 },
  { text: '百', power: 2 },
  { text: '十', power: 1 }
]

/** Scales that `text` starts with, longest first. */
export function scalesAtStart(text: string): Scale[] {
  return SCALES.filter((scale) => text.startsWith(scale.text))
}

export function scaleNamed(text: string): Scale | undefined {
  return SCALES.find((scale) => scale.text === text)
}
