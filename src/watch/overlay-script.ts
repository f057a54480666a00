/**
 * The browser code that shows a failed build over the page: the file, line and column, the rule
 * and the message of each diagnostic; and, after a build that wrote the output, its warnings, in a
 * box in a corner that opens on a click. It is built with DOM calls and textContent from the JSON
 * the server sends, never as HTML, so a message that quotes the source cannot inject markup. Each
 * lives in a shadow root, so that the page's styles and the overlay's do not mix.
 *
 * It defines `showProblem(problem)`, `clearProblem()`, `showWarnings(warnings)` and
 * `clearWarnings()` for the live-reload script it is joined to.
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

function diagnosticList(diagnostics) {
  const list = element('ol')
  for (const diagnostic of diagnostics) {
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
  return list
}

// Put on the page, in a shadow root of a host with the id given, an element styled by style alone.
function showApart(id, style, content) {
  document.getElementById(id)?.remove()
  const host = element('div')
  host.id = id
  host.attachShadow({ mode: 'open' }).append(element('style', '', style), content)
  document.body.append(host)
}

function showProblem(problem) {
  const section = element('section')
  section.setAttribute('role', 'alert')
  section.append(element('h2', '', 'factmark: the last save did not build'))
  section.append(element('p', '', problem.message + '; the page shows the last good output.'))
  section.append(diagnosticList(problem.diagnostics))
  const hide = element('button', '', 'Hide')
  hide.type = 'button'
  hide.addEventListener('click', clearProblem)
  section.append(hide)
  showApart(overlayId, overlayStyle, section)
}

const warningsId = 'factmark-warnings'

const warningsStyle = ${'`'}
  :host { all: initial; }
  details {
    position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483646; max-width: min(48rem, calc(100vw - 2rem));
    max-height: 50vh; overflow: auto; box-sizing: border-box; padding: 0.5rem 0.75rem;
    font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    color: #1f1600; background: #fff4d6; border: 1px solid #c98a00; border-radius: 6px;
  }
  summary { cursor: pointer; font-weight: bold; }
  ol { margin: 0.5rem 0 0; padding-left: 1.5rem; }
  li { margin: 0.25rem 0; }
  p { margin: 0.5rem 0 0; }
  .place { color: #7a4b00; }
  .rule { color: #00519e; }
${'`'}

// Whether the reader opened the list: the box is made again with each build, open as they left it.
let warningsOpen = false

function clearWarnings() {
  document.getElementById(warningsId)?.remove()
}

function showWarnings(warnings) {
  const details = element('details')
  details.open = warningsOpen
  details.addEventListener('toggle', () => {
    warningsOpen = details.open
  })
  const count = warnings.count + (warnings.count === 1 ? ' warning' : ' warnings')
  details.append(element('summary', '', 'factmark: ' + count), diagnosticList(warnings.shown))
  const left = warnings.count - warnings.shown.length
  if (left > 0) details.append(element('p', '', 'and ' + left + ' more: the terminal lists them all.'))
  showApart(warningsId, warningsStyle, details)
}
`
