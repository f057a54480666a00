import type { TextDirective } from 'mdast-util-directive'
import type { VFile } from 'vfile'
import { readFigure } from '../chinese-number/index.js'
import { report } from '../diagnostics/report.js'
import type { Fact } from '../model/schema-types.js'

/**
 * The rest of a figure that may stand right after an annotation: the fraction of a numeral cut at
 * its point (百分之九十九 then 点五, 17 then .4) or within it (二点三 then 一, 2.3 then 1), more digits
 * after digits (99 then 5%), or the hundredth after 成 (九成 then 五), with any unit after it. Only
 * these are looked for: a label that ends where its figure goes on in words is otherwise a figure
 * the label chose to end there (17.4 then 微克/立方米 with unit=). The label stands before the text
 * after the annotation, for the lookbehinds.
 */
const GOES_ON =
  /(?:[点.．][0-9０-９〇零一二三四五六七八九]+|(?<=[0-9０-９])[0-9０-９]+|(?<=点[〇零一二三四五六七八九]*)[〇零一二三四五六七八九]+|(?<=成)[一二三四五六七八九])[^\s，,。；;：:！？!?、（）()“”"]{0,8}/y

/**
 * figure-cut-short: an annotation whose figure goes on after its closing bracket, so that the
 * value published is another than the report prints (:fact[百分之九十九]{…}点五 publishes 99%
 * of 99.5%). Told with the label it should have, read as it would be.
 */
export function tellCutShort(node: TextDirective, fact: Fact, source: string, file: VFile): void {
  const end = node.position?.end.offset
  if (end === undefined || typeof fact.value !== 'number') return
  GOES_ON.lastIndex = fact.text.length
  const rest = GOES_ON.exec(`${fact.text}${source.slice(end, end + 16)}`)?.[0]
  if (!rest) return
  for (let length = rest.length; length > 0; length--) {
    const whole = `${fact.text}${rest.slice(0, length)}`
    const read = readFigure(whole)
    if (!read.ok || read.value.value === fact.value) continue
    report(
      file,
      'figure-cut-short',
      `The figure goes on after the annotation: "${fact.text}" is followed by "${rest.slice(0, length)}", and the report prints ${whole}, not ${fact.text}: put the whole figure in the label, :fact[${whole}]`,
      node.position
    )
    return
  }
}
