import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/core/contract';

// electron/main/main.ts against a fake 'electron' module (the binary cannot be had here): the
// start-up wiring, the guards on every web contents, IPC with a real library, and the quit flow.

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-main-'));
const h = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: EE } = require('node:events') as typeof import('node:events');
  const state = {
    quits: 0,
    exits: [] as number[],
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; webContents: EventEmitter & Record<string, unknown>; events: EventEmitter }>,
    invokeHandlers: new Map<string, (e: unknown, p: unknown) => Promise<unknown>>(),
    onHandlers: new Map<string, (e: unknown, ...a: unknown[]) => void>(),
    sent: [] as unknown[][],
    opened: [] as string[],
    messageBoxes: [] as Array<Record<string, unknown>>,
    messageBoxResponse: 0,
    permissionRequest: undefined as undefined | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    beforeRequest: undefined as undefined | ((d: unknown, cb: (r: { cancel: boolean }) => void) => void),
    beforeRequestFilter: undefined as undefined | { urls: string[] },
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, unknown>(),
    menu: undefined as unknown,
    sandboxEnabled: false,
    resolveReady: () => undefined as void,
  };
  const app = Object.assign(new EE(), {
    isPackaged: false,
    getPath: () => '/unused-user-data',
    setPath: () => undefined,
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => true,
    enableSandbox: () => void (state.sandboxEnabled = true),
    whenReady: () => new Promise<void>((r) => (state.resolveReady = r)),
    exit: (code: number) => void state.exits.push(code),
    quit: () => {
      const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      app.emit('before-quit', e);
      if (!e.defaultPrevented) state.quits++;
    },
  });
  class BrowserWindow {
    webContents: EventEmitter & Record<string, unknown>;
    events = new EE();
    loaded: string[] = [];
    constructor(public options: Record<string, unknown>) {
      const wc = new EE() as EventEmitter & Record<string, unknown>;
      wc.mainFrame = { url: 'app://nianbao/index.html' };
      wc.send = (...a: unknown[]) => void state.sent.push(a);
      wc.isDestroyed = () => false;
      wc.isCrashed = () => false;
      wc.setWindowOpenHandler = () => undefined;
      this.webContents = wc;
      state.windows.push(this as never);
      app.emit('web-contents-created', {}, wc);
    }
    on(ev: string, l: (...a: unknown[]) => void) { this.events.on(ev, l); return this; }
    once(ev: string, l: (...a: unknown[]) => void) { this.events.once(ev, l); return this; }
    loadURL(u: string) { this.loaded.push(u); return Promise.resolve(); }
    isDestroyed() { return false; }
    isMinimized() { return false; }
    isMaximized() { return false; }
    getNormalBounds() { return { x: 10, y: 20, width: 1200, height: 800 }; }
    maximize() {}
    restore() {}
    show() {}
    focus() {}
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (f: typeof state.permissionRequest) => void (state.permissionRequest = f),
      setPermissionCheckHandler: (f: typeof state.permissionCheck) => void (state.permissionCheck = f),
      setDevicePermissionHandler: () => undefined,
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, f: typeof state.beforeRequest) => {
          state.beforeRequestFilter = filter;
          state.beforeRequest = f;
        },
        onHeadersReceived: () => undefined,
      },
    },
  };
  return {
    state,
    electron: {
      app,
      BrowserWindow,
      session,
      ipcMain: {
        handle: (ch: string, f: (e: unknown, p: unknown) => Promise<unknown>) => void state.invokeHandlers.set(ch, f),
        on: (ch: string, f: (e: unknown, ...a: unknown[]) => void) => void state.onHandlers.set(ch, f),
        removeHandler: () => undefined,
        removeListener: () => undefined,
      },
      protocol: {
        registerSchemesAsPrivileged: (s: unknown[]) => void state.privileged.push(...s),
        handle: (scheme: string, f: unknown) => void state.protocolHandlers.set(scheme, f),
      },
      Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (state.menu = m) },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
      dialog: {
        showMessageBox: async (...a: unknown[]) => {
          state.messageBoxes.push(a[a.length - 1] as Record<string, unknown>);
          return { response: state.messageBoxResponse };
        },
        showErrorBox: () => undefined,
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showSaveDialog: async () => ({ canceled: true }),
      },
      shell: { openExternal: async (u: string) => void state.opened.push(u), openPath: async () => '' },
    },
  };
});

vi.mock('electron', () => h.electron);

const s = h.state;
const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};

beforeAll(async () => {
  process.env.NIANBAO_DATA_DIR = dataDir;
  await import('../../../electron/main/main');
});
afterAll(() => {
  delete process.env.NIANBAO_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('main process', () => {
  it('before ready: registers app:// as a privileged scheme and enables the sandbox everywhere', () => {
    expect(s.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(s.sandboxEnabled).toBe(true);
  });

  it('on ready: hardens the session, opens the library, registers IPC, the protocol and the menu, opens the window', async () => {
    s.resolveReady();
    await until(() => s.windows.length === 1, 'the window');
    let granted: boolean | undefined;
    s.permissionRequest!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(s.permissionCheck!()).toBe(false);
    let cancelled: boolean | undefined;
    s.beforeRequest!({ url: 'https://evil.example/' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
    expect(s.beforeRequestFilter!.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    expect([...s.invokeHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(s.protocolHandlers.has('app')).toBe(true);
    expect((s.menu as Array<{ label: string }>).map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    const w = s.windows[0];
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((w.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(w.loaded).toEqual(['app://nianbao/index.html']);
    expect(existsSync(path.join(dataDir, 'library.lock'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'nianbao.log'))).toBe(true);
  });

  it('serves the contract to the window and refuses other senders', async () => {
    const wc = s.windows[0].webContents;
    const trusted = { sender: wc, senderFrame: wc.mainFrame };
    const created = (await s.invokeHandlers.get('library:create')!(trusted, { unitName: '某某县人民政府', level: 'county_gov', year: 2024 })) as { ok: boolean };
    expect(created.ok).toBe(true);
    const info = await s.invokeHandlers.get('app:info')!(trusted, {});
    expect(info).toEqual({ ok: true, value: { version: '0.1.0', mode: 'electron', dataDir } });
    const foreign = await s.invokeHandlers.get('app:info')!({ sender: wc, senderFrame: { url: 'https://evil.example/' } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await s.invokeHandlers.get('library:get')!(trusted, { id: '../../etc/passwd', x: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('guards navigation, redirects, new windows and webviews of every web contents', () => {
    const wc = s.windows[0].webContents;
    const nav = (ev: string, url: string) => {
      const e = { defaultPrevented: false, url, preventDefault() { this.defaultPrevented = true; } };
      wc.emit(ev, e, url);
      return e.defaultPrevented;
    };
    expect(nav('will-navigate', 'app://nianbao/index.html')).toBe(false);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'app://other-host/']) expect(nav('will-navigate', url), url).toBe(true);
    expect(nav('will-navigate', 'https://www.gov.cn/')).toBe(true);
    expect(s.opened).toEqual(['https://www.gov.cn/']);
    expect(nav('will-redirect', 'http://evil.example/')).toBe(true);
    expect(nav('will-frame-navigate', 'http://evil.example/')).toBe(true);
    expect(nav('will-attach-webview', 'app://nianbao/')).toBe(true);
  });

  it('sends menu commands to the page', () => {
    const file = (s.menu as Array<{ submenu: Array<{ id?: string; click?: () => void }> }>)[0].submenu;
    file.find((i) => i.id === 'export')!.click!();
    expect(s.sent.at(-1)).toEqual(['nianbao:menu', 'export']);
  });

  it('quit: asks the page to flush; if it could not save, warns and lets the clerk go back', async () => {
    s.sent.length = 0;
    s.messageBoxResponse = 0; // 返回继续编辑
    h.electron.app.quit();
    await until(() => s.sent.some((m) => m[0] === 'nianbao:before-quit'), 'the flush request');
    const [, id] = s.sent.find((m) => m[0] === 'nianbao:before-quit')!;
    const wc = s.windows[0].webContents;
    s.onHandlers.get('nianbao:flush-reply')!({ sender: wc, senderFrame: wc.mainFrame }, id, { saved: false, message: '磁盘已满' });
    await until(() => s.messageBoxes.length === 1, 'the dialog');
    expect(s.messageBoxes[0]).toMatchObject({ message: '有未保存的修改……' });
    await new Promise((r) => setTimeout(r, 50));
    expect(s.quits).toBe(0);
  });

  it('quit: when the page has saved, closes the library and quits', async () => {
    s.sent.length = 0;
    h.electron.app.quit();
    await until(() => s.sent.some((m) => m[0] === 'nianbao:before-quit'), 'the flush request');
    const [, id] = s.sent.find((m) => m[0] === 'nianbao:before-quit')!;
    const wc = s.windows[0].webContents;
    s.onHandlers.get('nianbao:flush-reply')!({ sender: wc, senderFrame: wc.mainFrame }, id, { saved: true });
    await until(() => s.quits === 1, 'the quit');
    expect(existsSync(path.join(dataDir, 'library.lock'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'window-state.json'))).toBe(true);
  });
});
