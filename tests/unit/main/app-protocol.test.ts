import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/security-headers';
import { makeStaticDir } from '../web/web-helpers';

// The app:// protocol handler against a fake protocol module: files of the built renderer with the
// CSP header; other hosts, other methods and traversal refused.

const h = vi.hoisted(() => ({ handler: undefined as undefined | ((req: Request) => Promise<Response>) }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (_scheme: string, f: (req: Request) => Promise<Response>) => void (h.handler = f),
  },
}));

const fx = makeStaticDir();
beforeAll(async () => {
  const { handleAppProtocol } = await import('../../../electron/main/app-protocol');
  handleAppProtocol(fx.staticDir);
});
afterAll(() => rmSync(fx.root, { recursive: true, force: true }));

// Node's URL parser treats app: as an opaque scheme; Electron registers it as standard, so build
// requests the way Chromium would hand them over.
const get = (url: string, method = 'GET') => h.handler!({ url, method } as Request);

describe('app:// protocol', () => {
  it('serves the page and assets with the CSP header and nosniff', async () => {
    for (const u of ['app://nianbao/', 'app://nianbao/index.html', 'app://nianbao/assets/app.js', 'app://nianbao/report/r1']) {
      const r = await get(u);
      expect(r.status, u).toBe(200);
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await get('app://nianbao/assets/app.js')).text()).toBe('console.log(1)');
    expect((await get('app://nianbao/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);
  });

  it.each(['app://other-host/index.html', 'app://nianbao/../secret.txt', 'app://nianbao/%2e%2e/secret.txt', 'app://nianbao/assets/link.txt', 'app://nianbao/.env', 'app://nianbao/missing.js'])(
    'refuses %s',
    async (u) => {
      const r = await get(u);
      expect([400, 403, 404]).toContain(r.status);
      expect(await r.text()).not.toMatch(/SECRET/);
    },
  );

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://nianbao/index.html', 'POST')).status).toBe(405);
    const head = await get('app://nianbao/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
