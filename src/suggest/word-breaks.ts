let segmenter: Intl.Segmenter | undefined

/**
 * The words of a Chinese text, by the platform's word breaks: made once, as a segmenter loads its
 * dictionary when it is made.
 */
export function chineseWords(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  return segmenter.segment(text)
}
