import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { Script } from 'node:vm'
import { liveReloadScript, watchPaths } from '../src/watch/live-reload-script.js'
import { reloadChannel } from '../src/watch/reload-channel.js'
import { startServer, withLiveReload, type SiteServer } from '../src/watch/server.js'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request sent as written: fetch() would resolve `..` in the path before sending it. */
function get(url: string, rawPath: string, method = 'GET', host?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const headers = host === undefined ? {} : { Host: host }
    const call = request({ hostname, port, path: rawPath, method, headers }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    call.on('error', reject)
    call.end()
  })
}

const page = '<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>报告</p></body></html>\n'

describe('the watch server', () => {
  let root: string
  let server: SiteServer

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'factmark-serve-'))
    const out = path.join(root, 'dist')
    mkdirSync(path.join(out, 'xiamen-2025'), { recursive: true })
    writeFileSync(path.join(out, 'index.html'), page)
    writeFileSync(path.join(out, 'xiamen-2025/index.html'), page)
    writeFileSync(path.join(out, 'style.css'), 'p { color: red }\n')
    writeFileSync(path.join(out, 'facts.json'), '{"facts":[]}\n')
    writeFileSync(path.join(out, 'facts.csv'), 'id\n')
    writeFileSync(path.join(out, 'facts.parquet'), 'PAR1')
    writeFileSync(path.join(out, 'taxonomy.xsd'), '<schema/>\n')
    writeFileSync(path.join(out, 'notes.bin'), 'bytes')
    writeFileSync(path.join(root, 'secret.txt'), 'not to be served\n')
    symlinkSync(path.join(root, 'secret.txt'), path.join(out, 'link.txt'))
    server = await startServer({ root: out, port: 0, channel: reloadChannel({ build: 7 }) })
  })
  afterAll(async () => {
    await server.close()
    rmSync(root, { recursive: true, force: true })
  })

  test('serves on 127.0.0.1 and says where', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  test.each([
    ['/', 'text/html; charset=utf-8'],
    ['/xiamen-2025/', 'text/html; charset=utf-8'],
    ['/style.css', 'text/css; charset=utf-8'],
    ['/facts.json', 'application/json; charset=utf-8'],
    ['/facts.csv', 'text/csv; charset=utf-8'],
    ['/facts.parquet', 'application/vnd.apache.parquet'],
    ['/taxonomy.xsd', 'application/xml; charset=utf-8'],
    ['/notes.bin', 'application/octet-stream'],
    [watchPaths.script, 'text/javascript; charset=utf-8']
  ])('%s is served as %s, never cached', async (file, type) => {
    const answer = await get(server.url, file)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe(type)
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
  })

  test('a folder named without its slash is redirected to it, and the redirect stays on the site', async () => {
    expect((await get(server.url, '/xiamen-2025?x=1')).headers.location).toBe('/xiamen-2025/?x=1')
    const doubled = await get(server.url, '//xiamen-2025')
    expect(doubled.status).toBe(301)
    expect(doubled.headers.location).toBe('/xiamen-2025/')
  })

  test('HTML pages get the live-reload script of the build they show, at the end of the head; other files are served as they are', async () => {
    const html = await get(server.url, '/xiamen-2025/')
    expect(html.body).toBe(
      page.replace('</head>', `<script src="${watchPaths.script}" data-build="7" defer></script></head>`)
    )
    expect(Number(html.headers['content-length'])).toBe(Buffer.byteLength(html.body))
    expect((await get(server.url, '/style.css')).body).toBe('p { color: red }\n')
    expect((await get(server.url, '/facts.json')).body).toBe('{"facts":[]}\n')
  })

  test('the script is put before </body> when a page has no head, and at the end when it has neither', () => {
    const tag = `<script src="${watchPaths.script}" data-build="1" defer></script>`
    expect(withLiveReload('<p>a</p></BODY>', 1)).toBe(`<p>a</p>${tag}</BODY>`)
    expect(withLiveReload('<p>a</p>', 1)).toBe(`<p>a</p>${tag}`)
  })

  test('the live-reload script opens the event stream and builds the overlay without HTML', () => {
    expect(liveReloadScript).toContain(JSON.stringify(watchPaths.events))
    expect(liveReloadScript).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write|eval\(/)
    // A template literal eats single backslashes: the script must still compile as written.
    expect(() => new Script(liveReloadScript)).not.toThrow()
  })

  test('a missing file gets the 404 page, which reloads too', async () => {
    const answer = await get(server.url, '/nowhere/<b>')
    expect(answer.status).toBe(404)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.body).toContain('<h1>Not found</h1>')
    expect(answer.body).toContain('/nowhere/&#60;b&#62;')
    expect(answer.body).toContain(`src="${watchPaths.script}"`)
  })

  test.each([
    ['/../secret.txt', 403],
    ['/../../../../etc/passwd', 403],
    ['/%2e%2e/secret.txt', 403],
    ['/..%2fsecret.txt', 403],
    ['/xiamen-2025/%2e%2e/%2e%2e/secret.txt', 403],
    ['/link.txt', 403],
    ['/%00', 400],
    ['/%E0%A4%A', 400]
  ])('%s is refused with %i, nothing outside the output is served', async (rawPath, status) => {
    const answer = await get(server.url, rawPath)
    expect(answer.status).toBe(status)
    expect(answer.body).not.toContain('not to be served')
  })

  // A page of another site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name.
  test.each([
    ['evil.example', 403],
    ['evil.example:4321', 403],
    ['127.0.0.1.evil.example', 403],
    ['localhost', 200],
    ['localhost:4321', 200],
    ['app.localhost:4321', 200],
    ['127.0.0.1:4321', 200],
    ['[::1]:4321', 200]
  ])('Host: %s is answered with %i', async (host, status) => {
    const answer = await get(server.url, '/', 'GET', host)
    expect(answer.status).toBe(status)
    if (status === 403) {
      expect(answer.body).toBe('Forbidden: this server answers only to the address of this machine\n')
      expect((await get(server.url, watchPaths.events, 'GET', host)).status).toBe(403)
    } else expect(answer.body).toContain('<p>报告</p>')
  })

  test('HEAD answers without a body; other methods are refused', async () => {
    const head = await get(server.url, '/', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    const post = await get(server.url, '/', 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
  })
})
