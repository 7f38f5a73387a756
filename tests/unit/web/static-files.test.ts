import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTypeFor, isInside, resolveStaticFile } from '../../../electron/services/static-files';
import { makeStaticDir } from './web-helpers';

const fx = makeStaticDir();
afterAll(() => rmSync(fx.root, { recursive: true, force: true }));

describe('resolveStaticFile', () => {
  it('serves files and the page for routes', async () => {
    expect(await resolveStaticFile(fx.staticDir, '/assets/app.js')).toMatchObject({ ok: true, file: expect.stringMatching(/app\.js$/) });
    for (const p of ['/', '/index.html', '/report/abc', '/assets/']) {
      const r = await resolveStaticFile(fx.staticDir, p);
      expect(r.ok && path.basename(r.file), p).toBe(p === '/assets/' ? false : 'index.html');
    }
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/assets/..\\..\\secret.txt',
    '/%00index.html',
    '/index.html%00.js',
    '/%E0%A4%A',
    '//etc/passwd',
    '/.env',
    '/assets/link.txt',
  ])('never serves what is outside the folder: %s', async (p) => {
    const r = await resolveStaticFile(fx.staticDir, p);
    if (r.ok) {
      // Only the page itself may come back (a route-like path), never the secret.
      expect(path.basename(r.file)).toBe('index.html');
    } else expect([400, 403, 404]).toContain(r.status);
  });

  it('gives content types, unknown ones as octet-stream', () => {
    expect(contentTypeFor('a.js')).toMatch(/javascript/);
    expect(contentTypeFor('a.html')).toMatch(/text\/html/);
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
  });

  it('isInside does not confuse sibling folders', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/..foo')).toBe(true);
  });
});
