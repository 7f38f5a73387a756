import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { securityHeaders } from '../services/security-headers';
import { contentTypeFor, resolveStaticFile } from '../services/static-files';
import { APP_HOST, APP_SCHEME } from './guards';

// The renderer is served from app://nianbao/ (not file:), with the CSP header on every response.
// Standard + secure makes it a real origin (Vite's module scripts, localStorage); only our host exists.

/** Must run before app "ready": makes app:// a standard, secure scheme. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

function refuse(status: number): Response {
  return new Response(status === 404 ? '未找到' : '拒绝访问', { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() } });
}

/** Serves files of rendererDir on app://nianbao/; other hosts and methods are refused. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400);
    }
    if (url.host.toLowerCase() !== APP_HOST) return refuse(403);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const found = await resolveStaticFile(rendererDir, url.pathname);
    if (!found.ok) return refuse(found.status);
    const body = await readFile(found.file);
    const isHtml = found.file.endsWith('.html');
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { 'Content-Type': contentTypeFor(found.file), 'Cache-Control': isHtml ? 'no-store' : 'no-cache', ...securityHeaders() },
    });
  });
}
