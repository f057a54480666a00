import { describe, expect, test } from 'vitest'
import { findLimitProblem } from '../src/remark/input-limits.js'
import { inputLimits } from '../src/remark/limit-values.js'
import { openSource } from '../src/load/source-file.js'

const limit = (text: string) => {
  const problem = findLimitProblem(text)
  return problem && `${problem.start}-${problem.end} ${problem.message}`
}

describe('the shapes a report may have', () => {
  // prettier-ignore
  test.each([
    ['32 block quotes on a line', `${'>'.repeat(32)} a\n`, undefined],
    ['33 block quotes on a line', `${'>'.repeat(33)} a\n`, '0-34 Block quotes and lists nest 33 deep here; factmark reads at most 32 levels: flatten them'],
    ['a list nested by indentation', Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- a\n`).join(''), '1120-1186 Block quotes and lists nest 33 deep here; factmark reads at most 32 levels: flatten them'],
    ['list markers on one line', `${'- '.repeat(40)}a\n`, '0-80 Block quotes and lists nest 40 deep here; factmark reads at most 32 levels: flatten them'],
    ['deep indentation without a marker is text, not nesting', `${' '.repeat(200)}a\n`, undefined],
    ['nesting inside fenced code is text', `\`\`\`\n${'>'.repeat(50)}\n\`\`\`\n`, undefined],
    ['1,000 nested items in one list', '- a\n  - b\n'.repeat(1000), undefined],
    ['1,001 nested items in one list', '- a\n  - b\n'.repeat(1001), '10004-10008 This list or block quote holds more than 1000 nested items; factmark reads at most 1000 in one top-level block: split it with a paragraph or heading between the parts'],
    ['1,001 nested items in lists apart', `${'- a\n  - b\n'.repeat(500)}\n段落\n\n${'- a\n  - b\n'.repeat(501)}`, undefined],
    ['1,000 emphasis closers in a paragraph', `${'a* '.repeat(1000)}\n`, undefined],
    ['1,001 emphasis closers in a paragraph', `${'a* '.repeat(1001)}\n`, '3001-3002 This paragraph has more than 1000 runs of * or _ that could close emphasis; factmark reads at most 1000 in one paragraph: split the paragraph or escape the markers (\\*)'],
    ['closers in separate paragraphs', `${'a* '.repeat(600)}\n\n${'a* '.repeat(600)}\n`, undefined],
    ['underscores inside words close nothing', `${':fact[1]{metric=air.aqi_rank} '.repeat(3000)}\n`, undefined],
    ['runs that only open close nothing', `${'*a '.repeat(3000)}\n`, undefined],
    ['underscores after a word and before a space close', `${'a_ '.repeat(1001)}\n`, '3001-3002 This paragraph has more than 1000 runs of * or _ that could close emphasis; factmark reads at most 1000 in one paragraph: split the paragraph or escape the markers (\\*)'],
    ['a closer after a character outside the BMP', `${'𠀀* '.repeat(1001)}\n`, '4002-4003 This paragraph has more than 1000 runs of * or _ that could close emphasis; factmark reads at most 1000 in one paragraph: split the paragraph or escape the markers (\\*)'],
    ['20,000 table cells in a report', `| a | b | c | d |\n| - | - | - | - |\n${'| 1 | 2 | 3 | 4 |\n'.repeat(4999)}`, undefined],
    ['20,001 table cells in a report', `| a | b | c | d |\n| - | - | - | - |\n${'| 1 | 2 | 3 | 4 |\n'.repeat(4999)}| 1 | 2 |\n`, '90018-90027 The tables of this report have more than 20000 cells; factmark reads at most 20000 in one report: split the report, or publish a table this large as a data file beside it'],
    ['cells of tables apart add up', '| a |\n| - |\n| 1 |\n\n'.repeat(10001), '190006-190011 The tables of this report have more than 20000 cells; factmark reads at most 20000 in one report: split the report, or publish a table this large as a data file beside it'],
    ['a row of 20,001 cells without outer pipes', `a | b\n- | -\n${'1 | '.repeat(20000)}1\n`, '12-80013 The tables of this report have more than 20000 cells; factmark reads at most 20000 in one report: split the report, or publish a table this large as a data file beside it'],
    ['escaped pipes split no cell', `| a |\n| - |\n|${'1\\|'.repeat(30000)} |\n`, undefined],
    ['pipes in text without a delimiter row are no table', 'a | b | c\n'.repeat(20000), undefined],
    ['pipes in fenced code are no table', `\`\`\`\n| a |\n| - |\n${'|1|2|\n'.repeat(20000)}\`\`\`\n`, undefined]
  ])('%s', (_name, text, expected) => {
    expect(limit(text)).toBe(expected)
  })

  test('a report of more than 8 MB, as UTF-8 and with its front matter', () => {
    expect(inputLimits.reportBytes).toBe(8 * 1024 * 1024)
    const frontMatter = '---\ntitle: 大\nissuer: 局\nentity: 市\nperiod: "2025"\nlanguage: zh-CN\nslug: big\n---\n\n'
    const head = Buffer.byteLength(frontMatter)
    const sized = (bytes: number) => frontMatter + 'a'.repeat(bytes - head)
    // Only opened, not compiled: the check is on the text before anything parses it.
    const diagnostics = (text: string | Uint8Array) =>
      openSource('big.md', text)
        .file.messages.filter((m) => m.ruleId === 'input-limit')
        .map((m) => `${m.line}:${m.column} ${m.reason}`)
    expect(diagnostics(sized(8 * 1024 * 1024))).toEqual([])
    const over = [
      '1:1 The report is 8 MB; factmark reads reports of at most 8 MB (of UTF-8 text, front matter included): split it into several reports'
    ]
    expect(diagnostics(sized(8 * 1024 * 1024 + 1))).toEqual(over)
    // Saved as UTF-16, the same text is fewer bytes on disk but as many as UTF-8.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sized(8 * 1024 * 1024 + 1), 'utf16le')])
    expect(diagnostics(utf16)).toEqual(over)
    expect(diagnostics('字'.repeat(7_000_000))).toEqual([
      '1:1 The report is 20 MB; factmark reads reports of at most 8 MB (of UTF-8 text, front matter included): split it into several reports'
    ])
  })
})
