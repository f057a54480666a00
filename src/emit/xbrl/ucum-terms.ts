/** A UCUM code split into the unit terms it multiplies by and divides by. */
export interface UcumTerms {
  numerator: string[]
  denominator: string[]
}

// `.` multiplies and `/` divides; brackets and braces hold names and annotations that may contain either.
const closing: Record<string, string> = { '[': ']', '{': '}' }

/**
 * Read a UCUM code as `.` and `/` over parenthesized groups, the way UCUM
 * does: left to right with equal precedence, so `kg/m.s` is kg·s/m and
 * `kg/(m.s)` is kg/(m·s). Terms keep their exponents (`m3`); a `1` factor
 * and bare annotations (`{tbl}`) are dimensionless and drop out. Undefined
 * when the code does not parse.
 */
export function ucumTerms(code: string): UcumTerms | undefined {
  const terms: UcumTerms = { numerator: [], denominator: [] }
  let at = 0

  const term = (divide: boolean): boolean => {
    let dividing = divide
    if (code[at] === '/') {
      dividing = !divide
      at++
    }
    for (;;) {
      if (!component(dividing)) return false
      const operator = code[at]
      if (operator !== '.' && operator !== '/') return true
      at++
      dividing = operator === '/' ? !divide : divide
    }
  }

  const component = (dividing: boolean): boolean => {
    if (code[at] === '(') {
      at++
      if (!term(dividing) || code[at] !== ')') return false
      at++
      return true
    }
    const start = at
    while (at < code.length && !'./()'.includes(code[at] ?? '')) {
      const close = closing[code[at] ?? '']
      if (close !== undefined) {
        const end = code.indexOf(close, at + 1)
        if (end < 0) return false
        at = end
      }
      at++
    }
    const atom = code.slice(start, at)
    if (atom === '') return false
    if (atom !== '1' && !atom.startsWith('{')) (dividing ? terms.denominator : terms.numerator).push(atom)
    return true
  }

  return term(false) && at === code.length ? terms : undefined
}
