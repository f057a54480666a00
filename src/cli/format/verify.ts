import type { VerifyProblem, VerifyResult } from '../../verify/verify.js'
import { workflowCommand } from './github.js'
import { guardLines, jsonText, printable } from './printable.js'
import { plural } from '../../model/plural.js'

/** How many schema errors of one file a line names; JSON has them all. */
const shownSchemaErrors = 3

/** The tree as the user named it, without trailing slashes: `dist`. */
function treeName(dir: string): string {
  return dir.replace(/(.)\/+$/, '$1')
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

/** One problem as one line: `dist/xiamen-2025/facts.json changed: sha256 … expected …, size …`. */
function describeProblem(problem: VerifyProblem, dir: string): string {
  const file = `${treeName(dir)}/${problem.path}`
  switch (problem.kind) {
    case 'missing':
      return `${file} missing`
    case 'changed': {
      const { actual, expected } = problem
      const size =
        actual.bytes === expected.bytes ? `size ${actual.bytes}` : `size ${actual.bytes} expected ${expected.bytes}`
      return `${file} changed: sha256 ${actual.sha256} expected ${expected.sha256}, ${size}`
    }
    case 'extra':
      return `${file} extra: not in the manifest`
    case 'not-regular':
      return problem.listed
        ? `${file} is ${article(problem.type)}, not a regular file`
        : `${file} extra: ${article(problem.type)}, not in the manifest`
    case 'invalid-json':
      return `${file} is not valid JSON: ${problem.reason}`
    case 'schema': {
      const more = problem.errorCount > shownSchemaErrors ? `; and ${problem.errorCount - shownSchemaErrors} more` : ''
      return `${file} does not meet ${problem.schema}: ${problem.errors.slice(0, shownSchemaErrors).join('; ')}${more}`
    }
    case 'too-large':
      return `${file} is too large to check as JSON: ${problem.bytes} bytes, more than ${problem.limit}`
    case 'bad-entry':
      return problem.reason === 'duplicate'
        ? `${treeName(dir)}/manifest.json lists ${JSON.stringify(problem.path)} twice`
        : `${treeName(dir)}/manifest.json lists ${JSON.stringify(problem.path)}, which is not a path inside the tree`
    case 'unreadable':
      return `${file} cannot be read: ${problem.reason}`
  }
}

/** Why a folder could not be verified at all, for stderr: `Cannot verify dist: no such folder`. */
export function verifyFailure(result: VerifyResult): string | undefined {
  return result.message === undefined ? undefined : `Cannot verify ${treeName(result.dir)}: ${result.message}`
}

/** verify's output: one line per problem and a summary; JSON with every field; or a workflow command per problem. */
export function formatVerify(result: VerifyResult, format: 'text' | 'json' | 'github'): string {
  const lines = result.problems.map((problem) => describeProblem(problem, result.dir))
  const failure = verifyFailure(result)
  if (format === 'json') {
    return jsonText({
      dir: result.dir,
      status: result.status,
      listed: result.listed,
      matched: result.matched,
      problemCount: result.problems.length,
      problems: result.problems.map((problem, index) => ({ ...problem, message: lines[index] })),
      ...(failure !== undefined && { message: failure })
    })
  }
  if (format === 'github') {
    return [...lines, ...(failure === undefined ? [] : [failure])]
      .map((line) => workflowCommand('error', [['title', 'factmark verify']], [line]))
      .join('')
  }
  if (failure !== undefined && lines.length === 0) return ''
  const count = result.problems.length
  const summary =
    count === 0
      ? // The manifest is one more file of the tree than it lists, as build counts them.
        `✔ ${treeName(result.dir)}/manifest.json and the ${result.listed} ${plural(result.listed, 'file')} it lists: all match`
      : `✖ ${count} ${plural(count, 'problem')}`
  return guardLines([...lines.map(printable), summary].join('\n') + '\n')
}
