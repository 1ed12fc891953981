/**
 * A minimal static file server for a built site, on 127.0.0.1 with a free port.
 * Behaves like a plain static host: /dir/ serves dir/index.html, /dir redirects to
 * /dir/, unknown paths get 404.html with status 404, Pagefind files get the MIME
 * types the browser needs (application/wasm for .wasm), and text files (HTML, CSS,
 * JS, JSON, XML, CSV, SVG) are gzipped when the browser accepts it, as every CDN
 * and static host does — so what a test measures as transferred is what a reader
 * downloads. Pagefind's index files are compressed already and go as they are.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import path from 'node:path';

export interface StaticServer {
  /** Origin plus base, ending in "/", e.g. http://127.0.0.1:41234/kb/ */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind's index chunks and compressed wasm are opaque binaries it fetches itself.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The MIME type a file is served with, by extension. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

async function fileKind(filePath: string): Promise<'file' | 'dir' | undefined> {
  try {
    const info = await stat(filePath);
    return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** Types worth compressing: text. Images, wasm and Pagefind's chunks are compressed already. */
function isCompressible(mimeType: string): boolean {
  return /^text\/|javascript|json|xml|svg/.test(mimeType);
}

function sendFile(res: ServerResponse, filePath: string, status: number, acceptEncoding = ''): void {
  const type = mimeTypeFor(filePath);
  const gzip = isCompressible(type) && /\bgzip\b/.test(acceptEncoding);
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  const file = createReadStream(filePath);
  if (gzip) file.pipe(createGzip()).pipe(res);
  else file.pipe(res);
}

/** Serves `rootDir` under `base` (default "/"). Call close() when done. */
export async function startStaticServer(rootDir: string, base = '/'): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const normalizedBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

  const server = createServer(async (req, res) => {
    try {
      const requestUrl = new URL(req.url ?? '/', 'http://localhost');
      const pathname = decodeURIComponent(requestUrl.pathname);
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const notFound = async () => {
        const page404 = path.join(root, '404.html');
        if ((await fileKind(page404)) === 'file') return sendFile(res, page404, 404, accepts);
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      };
      if (!pathname.startsWith(normalizedBase)) return await notFound();

      const filePath = path.join(root, pathname.slice(normalizedBase.length));
      // path.join normalizes "..": anything that lands outside the root is refused.
      if (filePath !== root && !filePath.startsWith(root + path.sep)) return await notFound();

      const kind = await fileKind(filePath);
      if (kind === 'file') return sendFile(res, filePath, 200, accepts);
      if (kind === 'dir') {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${requestUrl.pathname}/${requestUrl.search}` }).end();
          return;
        }
        const indexFile = path.join(filePath, 'index.html');
        if ((await fileKind(indexFile)) === 'file') return sendFile(res, indexFile, 200, accepts);
      }
      return await notFound();
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + normalizedBase,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
