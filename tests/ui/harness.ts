import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Channel, Input, Output, Result } from '../../electron/core/contract';
import { startWebServer } from '../../electron/web/web-server';
import { DIST_RENDERER, ROOT } from './renderer-build';

// The UI test fixture: a web server over a fresh library folder, Debian's Chromium, one page,
// a node-side API client (same contract, same token) and screenshots in test-results/ui/.

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const SHOTS_DIR = path.join(ROOT, 'test-results', 'ui');

export interface Harness {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** The address with the token (#token=…). */
  url: string;
  origin: string;
  dataDir: string;
  /** Errors the page threw or logged (a test asserts none). */
  pageErrors: string[];
  /** Calls the contract from the test, like the renderer does; throws on failure. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Saves a screenshot to test-results/ui/<name>.png; returns its path. */
  shot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  /** Opens the app (optionally straight into a report). */
  open(reportId?: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the server on a fresh temp data folder (after `prepare` put files in it), launches Chromium and opens a page. */
export async function startHarness(options: { viewport?: { width: number; height: number }; prepare?: (dataDir: string) => Promise<void> } = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'nianbao-ui-'));
  await options.prepare?.(dataDir);
  const server = await startWebServer({ dataDir, staticDir: DIST_RENDERER });
  const origin = new URL(server.url).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ acceptDownloads: true, viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
  });
  mkdirSync(SHOTS_DIR, { recursive: true });

  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const res = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify(input),
    });
    const r = (await res.json()) as Result<Output<C>>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };

  return {
    page,
    context,
    browser,
    url: server.url,
    origin,
    dataDir,
    pageErrors,
    call,
    async shot(name, o = {}) {
      const file = path.join(SHOTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: o.fullPage ?? false });
      return file;
    },
    async open(reportId) {
      const u = new URL(server.url);
      if (reportId) u.searchParams.set('report', reportId);
      await page.goto(u.href);
      await page.waitForSelector(reportId ? '.editor .paper' : '.library');
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** Simulates Chinese IME composition in the focused field through CDP: composition updates, then the committed text. */
export async function imeType(page: Page, steps: string[], commit: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const s of steps) await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
  await cdp.send('Input.insertText', { text: commit });
  await cdp.detach();
}
