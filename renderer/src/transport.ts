import type { Channel, FlushReply, Input, MenuCommand, NianbaoBridge, NianbaoDesktopBridge, Output, Result } from '../../electron/core/contract';

// How the renderer reaches the main side. In Electron the preload's window.nianbao carries the
// contract over IPC; in the web mode the same contract goes to POST /api/<channel> on the local
// server with the per-launch token, read once from the address (#token=…), then removed from the
// address bar and kept in sessionStorage so a reload still works.

const TOKEN_KEY = 'nianbao.token';
let memoToken: string | null = null;

type BrowserLike = {
  location: { hash: string; pathname: string; search: string; origin: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
  fetch: typeof fetch;
  nianbao?: unknown;
};

function env(): BrowserLike {
  return globalThis as unknown as BrowserLike;
}

function desktopBridge(): NianbaoDesktopBridge | null {
  const b = env().nianbao as Partial<NianbaoDesktopBridge> | undefined;
  return b && typeof b.invoke === 'function' ? (b as NianbaoDesktopBridge) : null;
}

/** Takes the token out of the address (#token=…), keeping any other part of the fragment; stores it for reloads. */
export function readWebToken(): string | null {
  const w = env();
  const hash = w.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(hash);
  const fromHash = params.get('token');
  if (fromHash) {
    try {
      w.sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      // Storage disabled: the token lives only in this page.
    }
    params.delete('token');
    const rest = params.toString();
    w.history.replaceState(null, '', `${w.location.pathname}${w.location.search}${rest ? `#${rest}` : ''}`);
    memoToken = fromHash;
    return fromHash;
  }
  if (memoToken) return memoToken;
  try {
    memoToken = w.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    memoToken = null;
  }
  return memoToken;
}

function failure<T>(code: 'forbidden' | 'io' | 'internal' | 'not-found' | 'invalid-input', message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

function isResult(x: unknown): x is Result<unknown> {
  if (!x || typeof x !== 'object') return false;
  const r = x as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return r.ok === true ? 'value' in r : r.ok === false && !!r.error && typeof r.error.message === 'string' && typeof r.error.code === 'string';
}

/** The web-mode bridge: the contract over fetch to the local server. */
export function createWebBridge(): NianbaoBridge {
  return {
    async invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
      const w = env();
      const token = readWebToken();
      if (!token) return failure('forbidden', '缺少访问凭据：请使用启动时显示的完整地址（含 #token=…）打开本页面。');
      let res: Response;
      try {
        res = await w.fetch(`${w.location.origin}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch {
        return failure('io', '无法连接本机服务：年报程序可能已经关闭，请重新启动后刷新本页面。');
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        body = undefined;
      }
      if (isResult(body)) return body as Result<Output<C>>;
      if (res.status === 401) return failure('forbidden', '访问凭据无效：请使用启动时显示的完整地址重新打开。');
      return failure('internal', `本机服务返回了无法识别的结果（HTTP ${res.status}）。`);
    },
  };
}

let cached: NianbaoBridge | null = null;

/** The bridge to the main side: the Electron preload's window.nianbao, else the web transport. */
export function getBridge(): NianbaoBridge {
  const desktop = desktopBridge();
  if (desktop) return desktop;
  cached ??= createWebBridge();
  return cached;
}

/** Subscribes to menu commands (Electron only; a no-op in the web mode); returns the unsubscribe function. */
export function onMenuCommand(cb: (command: MenuCommand) => void): () => void {
  const d = desktopBridge();
  return d && typeof d.onMenu === 'function' ? d.onMenu(cb) : () => undefined;
}

/** Registers the flush main awaits before quitting (Electron only; a no-op in the web mode). */
export function onBeforeQuit(cb: () => Promise<FlushReply> | FlushReply): () => void {
  const d = desktopBridge();
  return d && typeof d.onBeforeQuit === 'function' ? d.onBeforeQuit(cb) : () => undefined;
}
