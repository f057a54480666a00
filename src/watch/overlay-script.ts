/**
 * The browser code that shows a failed build over the page: the file, line and column, the rule
 * and the message of each diagnostic. It is built with DOM calls and textContent from the JSON the
 * server sends, never as HTML, so a message that quotes the source cannot inject markup. The
 * overlay lives in a shadow root, so that the page's styles and the overlay's do not mix.
 *
 * It defines `showProblem(problem)` and `clearProblem()` for the live-reload script it is joined to.
 */
export const overlayScript = String.raw`
const overlayId = 'factmark-overlay'

const overlayStyle = ${'`'}
  :host { all: initial; }
  section {
    position: fixed; inset: auto 0 0 0; z-index: 2147483647; max-height: 60vh; overflow: auto;
    box-sizing: border-box; padding: 1rem 1.25rem; margin: 0;
    font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    color: #fff; background: #3b0a0a; border-top: 4px solid #ff5c5c;
  }
  h2 { font-size: 15px; margin: 0 0 0.5rem; }
  p { margin: 0 0 0.5rem; }
  ol { margin: 0; padding-left: 1.5rem; }
  li { margin: 0.25rem 0; }
  .place { color: #ffd479; }
  .rule { color: #9cdcfe; }
  button {
    position: absolute; top: 0.75rem; right: 1rem; font: inherit;
    color: inherit; background: transparent; border: 1px solid currentColor; border-radius: 4px;
  }
${'`'}

function element(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

function clearProblem() {
  document.getElementById(overlayId)?.remove()
}

function showProblem(problem) {
  clearProblem()
  const host = element('div')
  host.id = overlayId
  const root = host.attachShadow({ mode: 'open' })
  const style = element('style', '', overlayStyle)
  const section = element('section')
  section.setAttribute('role', 'alert')
  section.append(element('h2', '', 'factmark: the last save did not build'))
  section.append(element('p', '', problem.message + '; the page shows the last good output.'))
  const list = element('ol')
  for (const diagnostic of problem.diagnostics) {
    const item = element('li', 'diagnostic')
    item.dataset.ruleId = diagnostic.ruleId
    item.append(
      element('span', 'place', diagnostic.file + ':' + diagnostic.line + ':' + diagnostic.column),
      ' ',
      element('span', 'severity', diagnostic.severity),
      ' ',
      element('span', 'rule', diagnostic.ruleId),
      ' ',
      element('span', 'message', diagnostic.message)
    )
    list.append(item)
  }
  section.append(list)
  const hide = element('button', '', 'Hide')
  hide.type = 'button'
  hide.addEventListener('click', clearProblem)
  section.append(hide)
  root.append(style, section)
  document.body.append(host)
}
`
