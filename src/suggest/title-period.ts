/**
 * The year a plain text's title names (厦门市生态环境局2024年生态环境保护工作总结
 * → 2024), for a text without front matter: a change 同比 gets `base=` the
 * year before it. A range of years (2021-2025年) names no single period.
 */
export function periodOfTitle(text: string): string | undefined {
  const title = text.split('\n').find((line) => line.trim() !== '') ?? ''
  return /(?<![\d\-—~～至])(\d{4})年(?![\d\-—~～至])/.exec(title)?.[1]
}
