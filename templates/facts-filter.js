/* global document, window, Element */
// The filter box of the facts table. The box is hidden in the markup and shown here, so that
// without JavaScript the page is the whole table and nothing that cannot work. The script builds no
// HTML from text and sets no inline handlers: a strict Content-Security-Policy can allow it by its
// hash. Each term of the query (split at blanks) must occur in a row's metric, label, text or value,
// compared in NFKC and lower case, so that ＰＭ２.５ finds PM2.5.
;(() => {
  const box = document.getElementById('facts-filter')
  const table = document.getElementById('facts-table')
  if (!box || !table || !table.tBodies[0]) return
  const query = box.querySelector('input')
  const status = box.querySelector('[role="status"]')
  const fold = (text) => text.normalize('NFKC').toLowerCase()
  const rows = Array.from(table.tBodies[0].rows, (row) => ({
    row,
    text: fold(Array.from(row.querySelectorAll('[data-filter]'), (cell) => cell.textContent).join('\n'))
  }))
  const update = () => {
    const terms = fold(query.value).split(/\s+/).filter(Boolean)
    let shown = 0
    for (const { row, text } of rows) {
      const match = terms.every((term) => text.includes(term))
      row.hidden = !match
      if (match) shown++
    }
    status.textContent =
      terms.length === 0
        ? ''
        : shown === 0
          ? `没有符合的数据(共 ${rows.length} 项)`
          : `符合 ${shown} 项(共 ${rows.length} 项)`
  }
  // A figure of the text links to its row: a row the filter hides is shown again. The click is
  // handled before the browser follows the link, so that it scrolls to a row already shown; a
  // fragment typed or followed from elsewhere is handled when the hash changes.
  const rowOf = (hash) => {
    try {
      const target = document.getElementById(decodeURIComponent(hash.slice(1)))
      return target && target.hidden && table.contains(target) ? target : null
    } catch {
      return null
    }
  }
  const reveal = (row) => {
    if (!row) return
    query.value = ''
    update()
  }
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null
      if (link) reveal(rowOf(link.getAttribute('href')))
    },
    true
  )
  window.addEventListener('hashchange', () => {
    const row = rowOf(window.location.hash)
    reveal(row)
    if (row) row.scrollIntoView()
  })
  query.addEventListener('input', update)
  box.hidden = false
  // A browser may restore the query when the reader comes back to the page.
  update()
})()
