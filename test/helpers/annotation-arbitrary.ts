import fc from 'fast-check'

/**
 * Annotations as editors write them and get them wrong: a directive name (the right one or not),
 * a label that is a figure or any text, attributes quoted or not, with or without the braces.
 */
export function annotationArbitrary(parts: {
  names: readonly string[]
  figures: readonly string[]
  keys: readonly string[]
  values: readonly string[]
  labelLength: number
}): fc.Arbitrary<string> {
  const attribute = fc
    .tuple(fc.constantFrom(...parts.keys), fc.constantFrom(...parts.values), fc.boolean())
    .map(([key, value, quoted]) => (key === '' ? value : `${key}=${quoted ? `"${value}"` : value}`))
  return fc
    .tuple(
      fc.constantFrom(...parts.names),
      fc.oneof(fc.constantFrom(...parts.figures), fc.string({ maxLength: parts.labelLength })),
      fc.array(attribute, { maxLength: 5 }),
      fc.boolean()
    )
    .map(([name, label, attributes, braces]) => `${name}[${label}]${braces ? `{${attributes.join(' ')}}` : ''}`)
}
