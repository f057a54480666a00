import { rules } from '../lib/diagnostics/rules.js'

/**
 * The rule reference (docs/rules.md), generated from the catalog in
 * src/diagnostics/rules.ts and the fixture of each rule, so the docs say
 * what the code does.
 *
 * @param {Record<string, { path: string, input: string, language: string, output: string }>} examples
 *   A real run of each rule: its fixture's input, and the diagnostics factmark prints.
 */
export function renderRulesDoc(examples) {
  const ids = Object.keys(rules)
  // prettier-ignore
  const lines = [
    '# Rule reference',
    '',
    '<!-- Generated from src/diagnostics/rules.ts and test/fixtures/rules/ by `npm run docs`: do not edit. -->',
    '',
    'Every problem factmark reports has a rule id, a severity and a fix. Errors fail `factmark build` and `factmark check` (exit code 1); warnings fail them only with `--strict`. Each example below is the fixture the tests run, with the exact diagnostics it gives.',
    '',
    '| rule | severity | problem |',
    '| --- | --- | --- |',
    ...ids.map((id) => `| [\`${id}\`](#${id}) | ${rules[id].severity} | ${rules[id].title} |`),
    ''
  ]
  for (const id of ids) {
    const rule = rules[id]
    lines.push(
      `## ${id}`,
      '',
      `**${rule.severity}**: ${rule.title}.`,
      '',
      rule.explanation,
      '',
      `**Fix:** ${rule.fix}`,
      ''
    )
    const example = examples[id]
    if (example) {
      lines.push(
        `Example, from \`${example.path}\`:`,
        '',
        `\`\`\`${example.language}`,
        example.input.trimEnd(),
        '```',
        '',
        '```text',
        example.output.trimEnd(),
        '```',
        ''
      )
    }
  }
  return `${lines.join('\n').trimEnd()}\n`
}
