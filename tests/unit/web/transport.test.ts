import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/web/web-server';
import { makeStaticDir } from './web-helpers';

// renderer/src/transport.ts in a fake browser (location, history, sessionStorage) against the real
// web server; Node's fetch does not send Origin, so the fake fetch adds it as a browser would.

const fx = makeStaticDir();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-transport-'));
let server: WebServer;

type FakeWindow = {
  location: { hash: string; pathname: string; search: string; origin: string };
  history: { replaceState: (d: unknown, u: string, url?: string) => void };
  sessionStorage: Map<string, string> & { getItem(k: string): string | null; setItem(k: string, v: string): void };
  fetch: typeof fetch;
  nianbao?: unknown;
};
let win: FakeWindow;
const g = globalThis as unknown as Record<string, unknown>;
const saved: Record<string, unknown> = {};
const realFetch = globalThis.fetch;

function install(hash: string) {
  const store = new Map<string, string>() as FakeWindow['sessionStorage'];
  store.getItem = (k) => store.get(k) ?? null;
  store.setItem = (k, v) => void store.set(k, v);
  win = {
    location: { hash, pathname: '/', search: '', origin: `http://127.0.0.1:${server.port}` },
    history: {
      replaceState: (_d, _u, url) => {
        const i = url!.indexOf('#');
        win.location.hash = i >= 0 ? url!.slice(i) : '';
      },
    },
    sessionStorage: store,
    fetch: (input, init) => realFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: win.location.origin } }),
  };
  for (const k of ['location', 'history', 'sessionStorage', 'fetch', 'nianbao'] as const) {
    if (!(k in saved)) saved[k] = g[k];
    Object.defineProperty(globalThis, k, { value: win[k], configurable: true, writable: true });
  }
}

beforeAll(async () => {
  server = await startWebServer({ dataDir, staticDir: fx.staticDir });
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) Object.defineProperty(globalThis, k, { value: v, configurable: true, writable: true });
  await server.close();
  rmSync(fx.root, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => vi.resetModules());

async function transport() {
  return import('../../../renderer/src/transport');
}

describe('web transport', () => {
  it('reads the token from the address, removes it, and calls the real library', async () => {
    install(`#token=${server.token}&view=list`);
    const t = await transport();
    const bridge = t.getBridge();
    const r = await bridge.invoke('library:create', { unitName: '某某市财政局', level: 'department', year: 2024 });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    expect(win.location.hash).toBe('#view=list');
    expect(win.sessionStorage.getItem('nianbao.token')).toBe(server.token);
    const list = await bridge.invoke('library:list', {});
    expect(list.ok && list.value.some((s) => s.unitName === '某某市财政局')).toBe(true);
  });

  it('keeps working after a reload (token from sessionStorage)', async () => {
    install(`#token=${server.token}`);
    await (await transport()).getBridge().invoke('app:info', {});
    expect(win.location.hash).toBe('');
    vi.resetModules();
    // Same tab, reloaded: the address has no token any more.
    const t = await transport();
    const r = await t.getBridge().invoke('app:info', {});
    expect(r).toMatchObject({ ok: true, value: { mode: 'web' } });
  });

  it('says in Chinese when the token is missing or wrong', async () => {
    install('');
    const r1 = await (await transport()).getBridge().invoke('library:list', {});
    expect(r1).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!r1.ok && r1.error.message).toMatch(/凭据/);
    vi.resetModules();
    install('#token=wrong-token-wrong-token-wrong');
    const r2 = await (await transport()).getBridge().invoke('library:list', {});
    expect(r2).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('returns invalid-input Results from the server as they are', async () => {
    install(`#token=${server.token}`);
    const r = await (await transport()).getBridge().invoke('library:get', { id: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('reports a stopped server as an io error', async () => {
    install(`#token=${server.token}`);
    win.location.origin = 'http://127.0.0.1:9';
    const r = await (await transport()).getBridge().invoke('library:list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'io' } });
  });

  it('prefers the Electron preload bridge when present; menu events are a no-op on the web', async () => {
    install('');
    const calls: unknown[] = [];
    const desktop = { invoke: async (...a: unknown[]) => (calls.push(a), { ok: true, value: 1 }), onMenu: () => () => 'off', onBeforeQuit: () => () => undefined };
    Object.defineProperty(globalThis, 'nianbao', { value: desktop, configurable: true, writable: true });
    const t = await transport();
    expect(t.getBridge()).toBe(desktop);
    await t.getBridge().invoke('app:info', {});
    expect(calls).toEqual([['app:info', {}]]);
    expect(t.onMenuCommand(() => undefined)()).toBe('off');
    Object.defineProperty(globalThis, 'nianbao', { value: undefined, configurable: true, writable: true });
    vi.resetModules();
    const web = await transport();
    expect(typeof web.onMenuCommand(() => undefined)).toBe('function');
    expect(typeof web.onBeforeQuit(() => ({ saved: true }))).toBe('function');
  });
});
