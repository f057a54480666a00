/**
 * A report's text with every `:fact[label]{…}` replaced by its label: what
 * the text was before it was annotated. Quoted attribute values may hold `}`.
 */
export function stripAnnotations(text: string): string {
  // Inner annotations first: one figure of several metrics is an annotation in the label of another.
  const stripped = text.replace(/:fact\[([^\]]*)\]\{(?:[^}"']|"[^"]*"|'[^']*')*\}/g, '$1')
  return stripped === text ? text : stripAnnotations(stripped)
}
