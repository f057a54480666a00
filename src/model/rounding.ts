/**
 * `value` rounded to `places` decimals the way `toFixed` rounds: on the
 * decimal the double stands for, so that 12.45 (stored as 12.4499…) gives
 * 12.4, the figure a text written with `toFixed` shows beside it. Negative
 * places round to tens, hundreds and so on.
 */
export function roundTo(value: number, places: number): number {
  // A figure written to the ten thousand (1159万吨) has negative decimals, which toFixed refuses.
  if (places < 0) {
    const unit = 10 ** -places
    return Number((value / unit).toFixed(0)) * unit
  }
  return Number(value.toFixed(Math.min(places, 100)))
}

/**
 * `value` scaled by 10^places, rounded to a whole number and scaled back:
 * the product decides, so 12.45 gives 12.5 where roundTo gives 12.4. For
 * drawing coordinates, which have always been rounded this way; published
 * drawings would change if they were rounded like text.
 */
export function roundScaled(value: number, places: number): number {
  const scale = 10 ** places
  return Math.round(value * scale) / scale
}
