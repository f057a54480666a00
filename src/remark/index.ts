/**
 * factmark/remark: the `:fact` annotation for any unified pipeline. The
 * plugin, the remark-rehype handler that renders a fact as its `<data>`
 * element, and the syntax extensions it is made of, for micromark and
 * mdast-util-from-markdown / -to-markdown users.
 */
export { default, default as remarkFact } from './plugin.js'
export type { FactDefaults, RemarkFactOptions } from './plugin.js'
export { factHandler } from './to-hast.js'
export { factElement } from '../emit/html/fact-element.js'
export type { FactElementOptions } from '../emit/html/fact-element.js'
export { factName, factSyntax } from './fact-syntax.js'
export { readRegistry } from '../load/read-registry.js'
export type { Diagnostic } from '../model/compiled.js'
export type { Result } from '../model/result.js'
export { factFromMarkdown, factToMarkdown } from './fact-markdown.js'
export type { Registry } from '../model/compiled.js'
export type { Fact, Metric } from '../model/schema-types.js'
