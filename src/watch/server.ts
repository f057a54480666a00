import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { contentTypeOf, isHtml } from './content-types.js'
import { liveReloadScript, liveReloadTag, watchPaths } from './live-reload-script.js'
import type { ReloadChannel } from './reload-channel.js'
import { isNodeError } from '../model/node-error.js'

export interface ServerOptions {
  /** The folder served: the build's output. */
  root: string
  /** 0 takes any free port. */
  port: number
  /** Default 127.0.0.1: the drafts of unpublished reports are not offered to the network. */
  host?: string
  channel: ReloadChannel
}

export interface SiteServer {
  url: string
  close(): Promise<void>
}

/** Serve `root` with node:http, with the live-reload script in every HTML page and the event stream beside it. */
export async function startServer({ root, port, host = '127.0.0.1', channel }: ServerOptions): Promise<SiteServer> {
  const server = createServer((request, response) => {
    if (!isOwnHost(request.headers.host, host)) {
      const refused = text(403, 'Forbidden: this server answers only to the address of this machine')
      response.writeHead(refused.status, headers(refused.type, refused.body))
      response.end(refused.body)
      return
    }
    respond(request, response, root, channel).catch((error: unknown) => {
      // A failure here is the server's, not the sources': answer, so that the page does not hang.
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end(`factmark watch: ${error instanceof Error ? error.message : String(error)}\n`)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`,
    close: () =>
      new Promise((resolve) => {
        channel.close()
        server.close(() => resolve())
        // Kept-alive connections of the browser would hold close() open until they time out.
        server.closeAllConnections()
      })
  }
}

/**
 * Whether a request's Host names this server: an address (127.0.0.1, [::1]), localhost, or the
 * host it was started on. A page of another site whose name is made to resolve to 127.0.0.1
 * (DNS rebinding) sends its own name, and must not read the drafts served here.
 */
function isOwnHost(header: string | undefined, host: string): boolean {
  if (header === undefined) return true
  const name = header.replace(/:\d+$/, '').toLowerCase()
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === host.toLowerCase() ||
    /^\d{1,3}(?:\.\d{1,3}){3}$/.test(name) ||
    /^\[[\da-f:.]+\]$/.test(name)
  )
}

async function respond(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  channel: ReloadChannel
): Promise<void> {
  const pathname = (request.url ?? '/').split(/[?#]/, 1)[0] ?? '/'
  if (request.method === 'GET' && pathname === watchPaths.events) channel.connect(response)
  else {
    const answer = await answerFor(request, pathname, root, channel.state().build)
    response.writeHead(answer.status, { ...headers(answer.type, answer.body), ...answer.headers })
    response.end(request.method === 'HEAD' ? undefined : answer.body)
  }
}

interface Answer {
  status: number
  type: string
  body: Buffer
  headers?: Record<string, string>
}

const text = (status: number, message: string, extra?: Record<string, string>): Answer => ({
  status,
  type: 'text/plain; charset=utf-8',
  body: Buffer.from(`${message}\n`),
  ...(extra && { headers: extra })
})

/** What a request for `pathname` is answered with; pages are served with the tag of the build they show. */
async function answerFor(request: IncomingMessage, pathname: string, root: string, build: number): Promise<Answer> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return text(405, 'Method not allowed', { Allow: 'GET, HEAD' })
  if (pathname === watchPaths.script)
    return { status: 200, type: contentTypeOf(watchPaths.script), body: Buffer.from(liveReloadScript) }
  const found = await findFile(root, pathname)
  switch (found.kind) {
    case 'folder': {
      // A folder's page is served under its own URL ending in /, so that its relative links resolve;
      // leading slashes are collapsed, so that //host/ cannot make the redirect leave the site.
      const query = (request.url ?? '').slice(pathname.length)
      return text(301, 'Moved permanently', { Location: `/${pathname.replace(/^\/+/, '')}/${query}` })
    }
    case 'refused':
      return text(found.status, found.reason)
    case 'missing': {
      const page = withLiveReload(notFoundPage(pathname), build)
      return { status: 404, type: contentTypeOf('404.html'), body: Buffer.from(page) }
    }
    case 'file': {
      const type = contentTypeOf(found.file)
      const bytes = await readFile(found.file)
      return {
        status: 200,
        type,
        body: isHtml(type) ? Buffer.from(withLiveReload(bytes.toString('utf8'), build)) : bytes
      }
    }
  }
}

function headers(type: string, body: Buffer): Record<string, string | number> {
  return {
    'Content-Type': type,
    'Content-Length': body.length,
    // Every build replaces the files: a cached page or stylesheet would show the output of an older save.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  }
}

type Found =
  | { kind: 'file'; file: string }
  | { kind: 'folder' }
  | { kind: 'missing' }
  | { kind: 'refused'; status: number; reason: string }

/**
 * The file of `root` a URL path names: a folder's index.html, and nothing outside `root`, neither
 * by `..` (plain or percent-encoded) nor by a link that leads out.
 */
async function findFile(root: string, pathname: string): Promise<Found> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { kind: 'refused', status: 400, reason: 'Bad request' }
  }
  if (decoded.includes('\0')) return { kind: 'refused', status: 400, reason: 'Bad request' }
  const base = path.resolve(root)
  const file = path.join(base, decoded)
  if (!isInside(base, file)) return { kind: 'refused', status: 403, reason: 'Forbidden' }
  try {
    const real = await realpath(file)
    if (!isInside(await realpath(base), real)) return { kind: 'refused', status: 403, reason: 'Forbidden' }
    const stats = await stat(real)
    if (stats.isDirectory()) {
      if (!decoded.endsWith('/')) return { kind: 'folder' }
      return await findFile(root, `${pathname}index.html`)
    }
    return stats.isFile() ? { kind: 'file', file: real } : { kind: 'missing' }
  } catch (error) {
    if (isNodeError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return { kind: 'missing' }
    throw error
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
}

/**
 * The page with the live-reload tag at the end of its head (or body), where a deferred script
 * belongs; a page without either gets it at the end.
 */
export function withLiveReload(html: string, build: number): string {
  const tag = liveReloadTag(build)
  for (const close of [/<\/head\s*>/i, /<\/body\s*>/i]) {
    const at = close.exec(html)?.index
    if (at !== undefined) return `${html.slice(0, at)}${tag}${html.slice(at)}`
  }
  return `${html}${tag}`
}

function notFoundPage(pathname: string): string {
  const shown = pathname.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found</title></head>
<body>
<main>
<h1>Not found</h1>
<p><code>${shown}</code> is not in the output. It may not have been built yet, or the last build did not write it.</p>
<p><a href="/">The catalog</a></p>
</main>
</body>
</html>
`
}
