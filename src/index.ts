/**
 * factmark's library API: compile annotated reports into fact bundles and
 * diagnostics, build the published site from them, and verify a published
 * site. The command line is a thin shell over these functions.
 */
export { compile, suggest, suggestWrite } from './api.js'
export type { CompileOptions, SuggestWriteOptions, SuggestWriteResult } from './api.js'
export { build } from './build/build.js'
export type { BuildFailure, BuildOptions, BuildOutcome, Built } from './build/build.js'
export type { BuildResult, PublishedReport } from './build/build-result.js'
export { compileSources } from './compile/compile-sources.js'
export { readRegistry } from './load/read-registry.js'
export type {
  Collection,
  CompileInput,
  CompileResult,
  CompiledReport,
  Coverage,
  Registry,
  RelatedPlace,
  SkippedSource,
  SourceText
} from './model/compiled.js'
export { renderArtifacts, reportFiles, writeArtifacts } from './build/render-artifacts.js'
export type { Artifact, EmitContext, ReportFile } from './build/render-artifacts.js'
export type { OutputCheck, OutputRefusal } from './build/output-folder.js'
export type { PublishOptions, PublishStep, RecoveryResult } from './build/publish.js'
export type { StepTime } from './build/step-clock.js'
export type { BuildProgress } from './build/build-progress.js'
export type { Download } from './emit/downloads.js'
export type { CollectionLookup, LevelQuery, PublishedLevel } from './emit/html/collection-lookup.js'
export type { SchemaFile } from './model/schemas.js'
export type { Diagnostic } from './model/compiled.js'
export type { Result } from './model/result.js'
export { FactmarkError } from './model/factmark-error.js'
export type { ErrorPlace, FactmarkErrorCode } from './model/factmark-error.js'
export { readFigure, readUnit } from './chinese-number/index.js'
export type { Figure, FigureKind, FigureResult, UnitReading } from './chinese-number/index.js'
export { rules } from './diagnostics/rules.js'
export type { Rule, RuleId, Severity } from './diagnostics/rules.js'
export type { Suggestions } from './suggest/suggest.js'
export type { UntaggedFigure } from './suggest/untagged.js'
export type { ProposedAspect } from './suggest/comparison-words.js'
export type { ProposedIgnore } from './suggest/ignore-phrases.js'
export type { ChangedFile, RefusedFile, WriteEdit, WritePlan } from './suggest/write-annotations.js'
export { verify } from './verify/verify.js'
export type { EntryType, FileDigest, VerifyOptions, VerifyProblem, VerifyResult } from './verify/verify.js'
export type * from './model/schema-types.js'
