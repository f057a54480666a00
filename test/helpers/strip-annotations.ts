/**
 * A report's text with every `:fact[label]{…}` replaced by its label: what
 * the text was before it was annotated. Quoted attribute values may hold `}`.
 */
export function stripAnnotations(text: string): string {
  return text.replace(/:fact\[([^\]]*)\]\{(?:[^}"']|"[^"]*"|'[^']*')*\}/g, '$1')
}
