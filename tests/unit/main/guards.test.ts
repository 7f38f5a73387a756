import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  handleWindowOpen,
  isAllowedNavigation,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  permissionCheckHandler,
  permissionHandler,
} from '../../../electron/main/guards';

const rendererDir = path.resolve('/opt/nianbao/dist/renderer');
const hostile = [
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'http://evil.example',
  'https://evil.example/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://other-host/index.html',
  'app://nianbao.evil/index.html',
  'app://user:pw@nianbao/index.html',
  'about:blank',
  'blob:app://nianbao/0b6f',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'ws://127.0.0.1:9222',
  '',
  'not a url',
];

describe('isTrustedSender', () => {
  it('accepts our app:// pages', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('app://nianbao/')).toBe(true);
    expect(isTrustedSender('app://nianbao/index.html#/report/r1')).toBe(true);
  });
  it('accepts file: pages only inside the renderer folder', () => {
    expect(isTrustedSender(pathToFileURL(path.join(rendererDir, 'index.html')).href, rendererDir)).toBe(true);
    expect(isTrustedSender(pathToFileURL(path.join(rendererDir, '..', 'main', 'main.cjs')).href, rendererDir)).toBe(false);
    expect(isTrustedSender(pathToFileURL(path.join(rendererDir, 'index.html')).href)).toBe(false);
    expect(isTrustedSender(`${pathToFileURL(rendererDir).href}/../../../etc/passwd`, rendererDir)).toBe(false);
    expect(isTrustedSender(pathToFileURL(`${rendererDir}-evil/index.html`).href, rendererDir)).toBe(false);
  });
  it.each(hostile)('refuses %s', (url) => {
    expect(isTrustedSender(url, rendererDir)).toBe(false);
  });
  it('refuses non-strings and huge strings', () => {
    for (const x of [undefined, null, 42, {}, ['app://nianbao/'], `app://nianbao/${'a'.repeat(10_000)}`]) expect(isTrustedSender(x, rendererDir)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only our own origin', () => {
    expect(isAllowedNavigation('app://nianbao/index.html')).toBe(true);
    expect(isAppUrl('app://NIANBAO/index.html')).toBe(true);
  });
  it.each(hostile)('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
  it('denies file: pages even inside the renderer folder (the app runs from app://)', () => {
    expect(isAllowedNavigation(pathToFileURL(path.join(rendererDir, 'index.html')).href)).toBe(false);
  });
});

describe('external links and new windows', () => {
  it('opens http(s) links in the system browser, never in a new window', () => {
    expect(handleWindowOpen('https://www.gov.cn/zhengce/')).toEqual({ action: 'deny', openExternal: 'https://www.gov.cn/zhengce/' });
    expect(handleWindowOpen('http://example.com')).toEqual({ action: 'deny', openExternal: 'http://example.com/' });
  });
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'app://other-host/', 'app://nianbao/index.html', 'smb://server/share', 'ms-msdt:/id', 'https://user:pw@evil.example/', 'http://'])(
    'denies %s without opening anything',
    (url) => {
      expect(handleWindowOpen(url)).toEqual({ action: 'deny' });
      expect(isSafeExternalUrl(url)).toBe(false);
    },
  );
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      permissionHandler(null, p, (g) => (granted = g));
      expect(granted).toBe(false);
    }
    expect(permissionCheckHandler()).toBe(false);
  });
});
