import react from '@vitejs/plugin-react';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';

// Builds the grid/preview test page with Vite into a temp folder, serves it on 127.0.0.1 and drives
// Debian's Chromium with playwright-core. Shared by the UI tests and bench/grid-bench.ts.

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../..');
export const SHOTS_DIR = path.join(REPO_ROOT, 'test-results/ui');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface GridHarness {
  /** Base URL of grid-page.html; add "?table=t2" or "?view=preview". */
  url: string;
  browser: Browser;
  /** A fresh page (own context, clipboard allowed) at the given query. */
  open(query?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Builds tests/ui/grid/grid-page.html (production React) into a new temp folder. */
export async function buildGridPage(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'nianbao-grid-page-'));
  // Under vitest NODE_ENV is "test", which would give React's development build: build for production.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: here,
      base: './',
      mode: 'production',
      logLevel: 'error',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, minify: false, rolldownOptions: { input: path.join(here, 'grid-page.html') } },
    });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
  return outDir;
}

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, path.normalize(rel).replace(/^([/\\])+/, ''));
    try {
      if (!file.startsWith(dir) || !statSync(file).isFile()) throw new Error('not found');
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Launches Debian's Chromium (never a downloaded one). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Build, serve and launch; close() undoes all three. */
export async function startGridHarness(): Promise<GridHarness> {
  const dir = await buildGridPage();
  const server = await serve(dir);
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/grid-page.html`;
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    url,
    browser,
    async open(query = '') {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${url}${query}`);
      await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, { timeout: 15_000 }).catch(() => {
        throw new Error(`测试页未就绪：${errors.join('\n')}`);
      });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
