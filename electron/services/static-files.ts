import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

// Resolving a URL path to a file of the built renderer, for the app:// protocol and the web server.
// Never leaves the root: no "..", no encoded separators, no NUL, no symlinks pointing outside.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name (application/octet-stream when unknown). */
export function contentTypeFor(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/** Maps a URL pathname ("/assets/x.js") to a file under root; "/" and extension-less routes give index.html. */
export async function resolveStaticFile(root: string, pathname: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return { ok: false, status: 400 };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  if (segments.some((s) => s.startsWith('.') && s.length > 0)) return { ok: false, status: 404 };
  const rootReal = await realpath(root).catch(() => null);
  if (!rootReal) return { ok: false, status: 404 };
  let rel = decoded.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  // A client-side route such as "/report/abc" (no extension) is the single page itself.
  if (!path.extname(rel)) rel = 'index.html';
  const candidate = path.resolve(rootReal, rel);
  if (!isInside(rootReal, candidate)) return { ok: false, status: 403 };
  const real = await realpath(candidate).catch(() => null);
  if (!real) return { ok: false, status: 404 };
  if (!isInside(rootReal, real)) return { ok: false, status: 403 };
  const s = await stat(real).catch(() => null);
  if (!s || !s.isFile()) return { ok: false, status: 404 };
  return { ok: true, file: real };
}

/** True when child is root itself or a path below it. */
export function isInside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
