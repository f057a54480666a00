import { directive } from 'micromark-extension-directive'
import type { Code, Construct, Extension, State, TokenizeContext } from 'micromark-util-types'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** The colons and name looked at, and never kept, to decide whether a directive is an annotation. */
    factDirectiveName: 'factDirectiveName'
  }
}

/** The directive name of factmark's annotation. */
export const factName = 'fact'

const colon = 58
const dash = 45
const underscore = 95
const name = [...factName].map((char) => char.charCodeAt(0))

/**
 * A micromark extension that recognises directives named `fact` only
 * (`:fact[…]{…}`, and `::fact` and `:::fact`, which are reported as not
 * inline): everything else that the generic directive syntax would claim,
 * `10:30`, `注:note`, a `:::` line, stays the Markdown it is, because it is
 * never parsed as a directive. The label and attributes are read by the
 * generic syntax's own constructs, so that their grammar is exactly
 * remark-directive's.
 */
export function factSyntax(): Extension {
  const generic = directive()
  return {
    text: { [colon]: onlyFacts(generic.text?.[colon]) },
    flow: { [colon]: onlyFacts(generic.flow?.[colon]) }
  }
}

type Constructs = Construct | Construct[] | undefined

function onlyFacts(constructs: Constructs): Construct[] {
  const list = constructs === undefined ? [] : Array.isArray(constructs) ? constructs : [constructs]
  return list.map(gated)
}

/**
 * The construct, tried only where a run of colons is followed by the name `fact` and a character
 * that cannot continue a name.
 */
function gated(construct: Construct): Construct {
  const result: Construct = {
    name: 'factDirective',
    tokenize(effects, ok, nok) {
      const run: State = (code) => construct.tokenize.call(this, effects, ok, nok)(code)
      return (code) => effects.check(namedFact, run, nok)(code)
    }
  }
  if (construct.previous) result.previous = construct.previous
  if (construct.concrete) result.concrete = construct.concrete
  return result
}

const namedFact: Construct = { tokenize: tokenizeNamedFact, partial: true }

function tokenizeNamedFact(
  this: TokenizeContext,
  effects: Parameters<Construct['tokenize']>[0],
  ok: State,
  nok: State
): State {
  let matched = 0
  return colons

  function colons(code: Code): State | undefined {
    effects.enter('factDirectiveName')
    return sequence(code)
  }

  function sequence(code: Code): State | undefined {
    if (code !== colon) return letters(code)
    effects.consume(code)
    return sequence
  }

  function letters(code: Code): State | undefined {
    if (matched === name.length) {
      effects.exit('factDirectiveName')
      return continuesName(code) ? nok(code) : ok(code)
    }
    if (code !== name[matched]) return nok(code)
    matched++
    effects.consume(code)
    return letters
  }
}

/** Whether a character may continue a directive name (ASCII letters and digits, `-`, `_`). */
function continuesName(code: Code): boolean {
  if (code === null) return false
  return (
    code === dash ||
    code === underscore ||
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122)
  )
}
