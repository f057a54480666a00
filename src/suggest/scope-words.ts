/**
 * The extent a rank is taken over. 全省排名第一 and 全国排名第3 are two
 * metrics that the same words (排名, 第一) introduce: the scope word near the
 * figure tells them apart, and a metric's own label says its scope
 * (空气质量优良率全省排名), so the registry needs no field of its own.
 */
export type Scope = 'national' | 'provincial' | 'municipal'

// prettier-ignore
const SCOPE_WORDS: ReadonlyArray<{ word: string; scope: Scope }> = [
  { word: '全国', scope: 'national' },
  { word: '全省', scope: 'provincial' },
  // 市直 ranks a bureau among the city's departments (位居市直政府部门第一).
  { word: '全市', scope: 'municipal' },
  { word: '市直', scope: 'municipal' }
]

/** The scope word nearest the end of `text`, if any. */
export function lastScope(text: string): Scope | undefined {
  let found: { at: number; scope: Scope } | undefined
  for (const { word, scope } of SCOPE_WORDS) {
    const at = text.lastIndexOf(word)
    if (at !== -1 && (!found || at > found.at)) found = { at, scope }
  }
  return found?.scope
}

/** The scope a metric's label names, when it names exactly one. */
export function scopeOfLabel(label: string): Scope | undefined {
  const scopes = new Set(SCOPE_WORDS.filter(({ word }) => label.includes(word)).map(({ scope }) => scope))
  return scopes.size === 1 ? [...scopes][0] : undefined
}
