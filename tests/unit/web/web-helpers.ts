import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

// Helpers for the web-mode tests: a raw HTTP client (fetch cannot set Host) and a fake built renderer.

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

/** Sends one request with exactly the given headers. */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, setHost: !options.headers || !('Host' in options.headers) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A temp folder holding a tiny "built renderer", a secret file beside it and a symlink pointing out. */
export function makeStaticDir(): { root: string; staticDir: string; secret: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nianbao-web-'));
  const staticDir = path.join(root, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>年报</title><div id="root"></div>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(staticDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(path.join(staticDir, '.env'), 'SECRET=1');
  const secret = path.join(root, 'secret.txt');
  writeFileSync(secret, 'TOP SECRET');
  try {
    symlinkSync(secret, path.join(staticDir, 'assets', 'link.txt'));
  } catch {
    // Windows without symlink rights: that case is skipped.
  }
  return { root, staticDir, secret };
}
