// Characters XML 1.0 cannot carry at all, not even as character references.
const notXmlChar =
  // eslint-disable-next-line no-control-regex -- the control characters are what this finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const textEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' }
// In attributes, white space would be normalized to spaces on reading unless it is a reference.
const attributeEntities: Record<string, string> = {
  ...textEntities,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;'
}

/** Element content: markup escaped, characters XML cannot hold replaced by U+FFFD. */
function xmlText(text: string): string {
  return text.replace(notXmlChar, '\uFFFD').replace(/[&<>\r]/g, (char) => textEntities[char] ?? char)
}

/** A quoted attribute value, escaped the same way and keeping its white space. */
function xmlAttribute(text: string): string {
  return text.replace(notXmlChar, '\uFFFD').replace(/[&<>\r"'\t\n]/g, (char) => attributeEntities[char] ?? char)
}

/** One element on one line: attributes in the order given, text content escaped, empty content self-closed. */
export function xmlElement(name: string, attributes: ReadonlyArray<[string, string]>, text?: string): string {
  const attributeText = attributes.map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`).join('')
  return text === undefined ? `<${name}${attributeText}/>` : `<${name}${attributeText}>${xmlText(text)}</${name}>`
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>'

/** A comment; `--` cannot occur inside one. */
export function xmlComment(text: string): string {
  return `<!-- ${xmlText(text).replace(/--/g, '- -')} -->`
}
