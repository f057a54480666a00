import { ncNameLike } from './ncname.js'

/**
 * xBRL-JSON keys facts by NCName ids; ours (`air.pm25@2025`,
 * `…@2025:site=隘头潭国控断面`) have `@`, `:`, `=` and `/`. Each of those
 * becomes `_`, a name that could not start so gets `f_`, and when two ids
 * fall on the same name, the later one in fact order gets the first free
 * `_2`, `_3`… A suffix never takes a name another fact derives plainly.
 */
export function xbrlFactIds(ids: readonly string[]): string[] {
  const names = ids.map((id) => ncNameLike(id, 'f_'))
  const taken = new Set(names)
  const given = new Set<string>()
  return names.map((name) => {
    let unique = name
    if (given.has(name)) {
      let n = 2
      while (taken.has(`${name}_${n}`)) n++
      unique = `${name}_${n}`
      taken.add(unique)
    }
    given.add(unique)
    return unique
  })
}
