/**
 * The first `shown` of many items, joined, and how many more there are (a, b, c and 7 more): a
 * message stays short however many places, files or facts it speaks of.
 */
export function fewOfMany(items: readonly string[], shown = 3): string {
  const more = items.length - shown
  return more > 0 ? `${items.slice(0, shown).join(', ')} and ${more} more` : items.join(', ')
}
