/** A problem in a YAML text, with offsets in that text. */
export interface YamlOffsetProblem {
  message: string
  start: number
  end: number
}
