/**
 * factmark's library API: compile annotated reports into fact bundles and
 * diagnostics, build the published site from them, and verify a published
 * site. The command line is a thin shell over these functions.
 */
export { compile, suggest } from './api.js'
export type { CompileOptions } from './api.js'
export { build } from './site.js'
export type { BuildOptions, BuildOutcome } from './site.js'
export { compileSources } from './compile.js'
export type { CompileInput, CompileResult, CompiledReport, Coverage, SourceText } from './compile.js'
export { renderArtifacts, reportFiles, writeArtifacts } from './build.js'
export type { Artifact, EmitContext, ReportFile } from './build.js'
export type { Diagnostic } from './diagnostics.js'
export { readFigure, readUnit } from './chinese-number/index.js'
export type { Figure, FigureKind, FigureResult, UnitReading } from './chinese-number/index.js'
export { rules } from './rules.js'
export type { Rule, RuleId, Severity } from './rules.js'
export type { Suggestions } from './suggest/suggest.js'
export type { UntaggedFigure } from './suggest/untagged.js'
export { verify } from './verify.js'
export type { EntryType, FileDigest, VerifyOptions, VerifyProblem, VerifyResult } from './verify.js'
export type * from './schema-types.js'
