import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract, fail, type Result } from '../core/contract';
import { APP_VERSION } from '../services/app-version';
import { createHandlers, dispatch, type Handlers } from '../services/app-handlers';
import { openLibrary, type Library } from '../services/library/library-service';
import type { Logger } from '../services/log-file';
import { securityHeaders } from '../services/security-headers';
import { contentTypeFor, resolveStaticFile } from '../services/static-files';

// The web mode: the same UI in the system browser, served on 127.0.0.1 only, carrying the same
// contract as POST /api/<channel>. Every API call needs the per-launch token (Authorization:
// Bearer) and our own Origin; every request needs Host 127.0.0.1:<port> or localhost:<port>
// (DNS rebinding). Static files get the CSP header; paths never leave the static folder.

export interface WebServerOptions {
  /** Port to listen on; 0 or absent picks a free one. */
  port?: number;
  dataDir: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** The secret; a fresh 32-byte one when absent. */
  token?: string;
  log?: Logger;
  version?: string;
  /** The built import worker; the TypeScript source when absent (tests). */
  importWorkerUrl?: URL;
}

export interface WebServer {
  /** The address to open, token in the fragment (never sent to the server, never logged). */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** Largest request body: the contract's largest payload (base64 backup) plus JSON overhead. */
export const MAX_BODY_BYTES = 150 * 1024 * 1024;

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Compares a presented bearer token with the secret in constant time. */
export function tokenMatches(header: string | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const m = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header.trim());
  if (!m) return false;
  return timingSafeEqual(digest(m[1]), digest(secret));
}

/** The Host header values the server accepts (DNS-rebinding protection). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The Origin values the server accepts for API calls. */
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

function send(res: http.ServerResponse, status: number, body: Result<unknown>, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...securityHeaders(),
    ...extra,
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<{ ok: true; text: string } | { ok: false; status: 413 | 400 }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      resolve({ ok: false, status: 413 });
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, status: 413 });
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => {
      if (done) return;
      done = true;
      resolve({ ok: false, status: 400 });
    });
  });
}

/** The request handler, separate from listening so it can be reasoned about on its own. */
export function createRequestHandler(opts: { handlers: Handlers; staticDir: string; token: string; port: () => number; log?: Logger }) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const port = opts.port();
    const host = req.headers.host ?? '';
    if (!allowedHosts(port).includes(host.toLowerCase())) {
      send(res, 403, fail('forbidden', '拒绝访问：请求的主机名不是本机地址。'));
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      send(res, 400, fail('invalid-input', '请求地址无效。'));
      return;
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url, port, opts);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, fail('invalid-input', '不支持的请求方法。'), { Allow: 'GET, HEAD' });
      return;
    }
    const found = await resolveStaticFile(opts.staticDir, url.pathname);
    if (!found.ok) {
      const text = found.status === 404 ? '未找到' : found.status === 403 ? '拒绝访问' : '请求地址无效';
      res.writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() });
      res.end(text);
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentTypeFor(found.file),
      'Cache-Control': found.file.endsWith('.html') ? 'no-store' : 'no-cache',
      ...securityHeaders(),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  port: number,
  opts: { handlers: Handlers; token: string; log?: Logger },
): Promise<void> {
  if (req.method !== 'POST') {
    send(res, 405, fail('invalid-input', '接口只接受 POST 请求。'), { Allow: 'POST' });
    return;
  }
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || !allowedOrigins(port).includes(origin.toLowerCase())) {
    opts.log?.warn('拒绝来自其他网站的接口请求', String(origin ?? '(无 Origin)').slice(0, 200));
    send(res, 403, fail('forbidden', '拒绝访问：请求不是来自本程序的页面。'));
    return;
  }
  if (!tokenMatches(req.headers.authorization, opts.token)) {
    send(res, 401, fail('forbidden', '访问凭据无效：请使用启动时显示的完整地址（含 #token=…）重新打开。'), { 'WWW-Authenticate': 'Bearer' });
    return;
  }
  let channel = url.pathname.slice('/api/'.length);
  try {
    channel = decodeURIComponent(channel);
  } catch {
    // left as is: no channel has a "%" in its name
  }
  if (!Object.prototype.hasOwnProperty.call(contract, channel)) {
    send(res, 404, fail('not-found', `未知的接口：${channel.slice(0, 60)}`));
    return;
  }
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    send(res, 415, fail('invalid-input', '请求内容应为 JSON（Content-Type: application/json）。'));
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!body.ok) {
    send(res, body.status, fail('invalid-input', body.status === 413 ? '请求内容过大。' : '请求内容读取失败。'));
    return;
  }
  let payload: unknown;
  try {
    payload = body.text.trim() === '' ? {} : JSON.parse(body.text);
  } catch {
    send(res, 400, fail('invalid-input', '请求内容不是有效的 JSON。'));
    return;
  }
  const result = await dispatch(opts.handlers, channel, payload, { log: opts.log });
  send(res, 200, result);
}

/** Starts the web mode on 127.0.0.1 with a real library in dataDir. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  if (!/^[A-Za-z0-9_-]{16,200}$/.test(token)) throw new Error('访问凭据格式无效（至少 16 个字符，只能包含字母、数字、- 和 _）');
  const opened = await openLibrary({ dataDir: options.dataDir });
  if (!opened.ok) throw new Error(`无法打开报告库（${options.dataDir}）：${opened.error.message}`);
  const library: Library = opened.value;
  const handlers = createHandlers({ library, mode: 'web', version: options.version ?? APP_VERSION, dataDir: options.dataDir, log: options.log, importWorkerUrl: options.importWorkerUrl });
  let port = 0;
  const handle = createRequestHandler({ handlers, staticDir: options.staticDir, token, port: () => port, log: options.log });
  const server = http.createServer({ requestTimeout: 10 * 60_000 }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      options.log?.error('处理请求出错', e);
      if (!res.headersSent) send(res, 500, fail('internal', '程序内部错误。'));
      else res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    await library.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `端口 ${options.port} 已被占用，请换一个端口（--port）或不指定端口。` : `无法启动本机服务：${(e as Error).message}`);
  }
  port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => library.close());
      return closed;
    },
  };
}
