import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/security-headers';
import { allowedHosts, startWebServer, tokenMatches, type WebServer } from '../../../electron/web/web-server';
import { makeStaticDir, rawRequest } from './web-helpers';

// The web mode's local transport, end to end over real HTTP with a real library in a temp folder.

const fx = makeStaticDir();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-web-data-'));
let server: WebServer;
let origin = '';
let host = '';

beforeAll(async () => {
  server = await startWebServer({ dataDir, staticDir: fx.staticDir });
  origin = `http://127.0.0.1:${server.port}`;
  host = `127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close();
  rmSync(fx.root, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function api(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest(server.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { Host: host, Origin: origin, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('startWebServer', () => {
  it('listens on 127.0.0.1 with a 32-byte token carried in the URL fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it('a good request reaches the real library', async () => {
    const created = await api('library:create', { unitName: '某某县人民政府办公室', level: 'county_gov', year: 2024 });
    expect(created.status).toBe(200);
    const r = created.json() as { ok: boolean; value: { id: string; year: number } };
    expect(r.ok).toBe(true);
    expect(r.value.year).toBe(2024);
    expect(existsSync(path.join(dataDir, 'reports', `${r.value.id}.json`))).toBe(true);
    const list = (await api('library:list', {})).json() as { ok: boolean; value: Array<{ id: string }> };
    expect(list.value.map((s) => s.id)).toContain(r.value.id);
    const info = (await api('app:info', {})).json();
    expect(info).toMatchObject({ ok: true, value: { mode: 'web', dataDir } });
  });

  it('refuses a request without the token (401)', async () => {
    const r = await rawRequest(server.port, { method: 'POST', path: '/api/library:list', headers: { Host: host, Origin: origin, 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each(['Bearer wrong-token-wrong-token', `Bearer ${'A'.repeat(43)}`, `bearer ${'x'}`, 'Basic abc', '', `Bearer  ${'x'.repeat(500)}`])('refuses a wrong token (401): %s', async (auth) => {
    const r = await api('library:list', {}, { Authorization: auth });
    expect(r.status).toBe(401);
  });

  it('refuses the right token with extra text around it', async () => {
    expect((await api('library:list', {}, { Authorization: `Bearer ${server.token}x` })).status).toBe(401);
    expect((await api('library:list', {}, { Authorization: `Bearer ${server.token.slice(1)}` })).status).toBe(401);
  });

  it.each(['http://evil.example', 'null', `http://127.0.0.1:${1}`, 'http://127.0.0.1.evil.example', 'https://127.0.0.1'])('refuses another Origin (403): %s', async (o) => {
    const r = await api('library:list', {}, { Origin: o });
    expect(r.status).toBe(403);
  });

  it('refuses an API call with no Origin (403)', async () => {
    const r = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/library:list',
      headers: { Host: host, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(403);
  });

  it.each(['evil.example', 'evil.example:80', `attacker.example:${0}`, '127.0.0.1', '127.0.0.1:1', '0.0.0.0', ''])('refuses a foreign Host header — DNS rebinding (403): %s', async (h) => {
    const r = await api('library:list', {}, { Host: h });
    expect(r.status).toBe(403);
    const page = await rawRequest(server.port, { path: '/', headers: { Host: h } });
    expect(page.status).toBe(403);
  });

  it('accepts localhost:<port> as Host and Origin', async () => {
    const r = await api('library:list', {}, { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` });
    expect(r.status).toBe(200);
  });

  it.each(['nope', 'library:nope', '__proto__', 'constructor', 'toString', '..%2f..%2fetc', ''])('answers 404 for an unknown channel: %s', async (c) => {
    const r = await api(c, {});
    expect(r.status).toBe(404);
  });

  it('refuses invalid JSON (400) and a non-JSON content type (415)', async () => {
    const bad = await api('library:list', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const text = await api('library:list', '{}', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('validates payloads with the contract (invalid input is a Result, not a crash)', async () => {
    const r = (await api('library:get', { id: 42 })).json() as { ok: boolean; error: { code: string; message: string } };
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(r.error.message).toContain('id');
    const proto = (await api('library:list', '{"__proto__":{"polluted":true}}')).json();
    expect(proto).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts only POST on the API (405)', async () => {
    const r = await rawRequest(server.port, { path: '/api/library:list', headers: { Host: host, Origin: origin, Authorization: `Bearer ${server.token}` } });
    expect(r.status).toBe(405);
  });

  it('serves static files with the CSP header and nosniff', async () => {
    for (const p of ['/', '/index.html', '/assets/app.js', '/report/abc']) {
      const r = await rawRequest(server.port, { path: p, headers: { Host: host } });
      expect(r.status, p).toBe(200);
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
    const js = await rawRequest(server.port, { path: '/assets/app.js', headers: { Host: host } });
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.text).toBe('console.log(1)');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%00', '/.env', '/assets/link.txt', '/assets/nothing.js'])(
    'refuses path traversal and missing files: %s',
    async (p) => {
      const r = await rawRequest(server.port, { path: p, headers: { Host: host } });
      expect(r.text).not.toContain('TOP SECRET');
      expect(r.text).not.toContain('SECRET=1');
      if (r.status === 200) expect(r.text).toContain('<div id="root">');
      else expect([400, 403, 404]).toContain(r.status);
    },
  );

  it('refuses other methods on static files (405)', async () => {
    expect((await rawRequest(server.port, { method: 'PUT', path: '/index.html', headers: { Host: host }, body: 'x' })).status).toBe(405);
    expect((await rawRequest(server.port, { method: 'DELETE', path: '/', headers: { Host: host } })).status).toBe(405);
  });

  it('never writes the token into the data folder or its log', () => {
    for (const f of readdirSync(dataDir)) expect(f).not.toContain(server.token);
  });
});

describe('tokenMatches / allowedHosts', () => {
  it('compares bearer tokens exactly', () => {
    const t = 'abcdefghijklmnopqrstuvwxyz012345';
    expect(tokenMatches(`Bearer ${t}`, t)).toBe(true);
    expect(tokenMatches(`Bearer ${t.toUpperCase()}`, t)).toBe(false);
    expect(tokenMatches(undefined, t)).toBe(false);
    expect(tokenMatches(t, t)).toBe(false);
  });
  it('lists only loopback names with the port', () => {
    expect(allowedHosts(8080)).toEqual(['127.0.0.1:8080', 'localhost:8080']);
  });
});

describe('startWebServer options', () => {
  it('uses a given token and port and refuses a weak token', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-web-data2-'));
    try {
      await expect(startWebServer({ dataDir: dir, staticDir: fx.staticDir, token: 'short' })).rejects.toThrow(/凭据/);
      const s = await startWebServer({ dataDir: dir, staticDir: fx.staticDir, token: 'a-fixed-token-for-tests-0123456789' });
      expect(s.token).toBe('a-fixed-token-for-tests-0123456789');
      await s.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a data folder another process holds (the library lock)', async () => {
    await expect(startWebServer({ dataDir, staticDir: fx.staticDir })).rejects.toThrow(/报告库/);
  });
});
