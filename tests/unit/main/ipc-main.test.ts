import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Result } from '../../../electron/core/contract';
import type { Handlers } from '../../../electron/services/app-handlers';

// ipc-main against a fake ipcMain: every channel is registered, and a call is served only when it
// comes from the main frame of our window showing an app:// page.

type InvokeHandler = (event: unknown, payload: unknown) => Promise<Result<unknown>>;
const handlers = new Map<string, InvokeHandler>();
const onListeners = new Map<string, (event: unknown, ...a: unknown[]) => void>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (ch: string, h: InvokeHandler) => handlers.set(ch, h),
    removeHandler: (ch: string) => handlers.delete(ch),
    on: (ch: string, l: (event: unknown, ...a: unknown[]) => void) => onListeners.set(ch, l),
    removeListener: (ch: string) => onListeners.delete(ch),
  },
}));

vi.mock('../../../electron/services/app-handlers', () => ({
  dispatch: async (_h: unknown, channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } }),
}));

const mainFrame = { url: 'app://nianbao/index.html' };
const mainContents = { mainFrame, id: 1 };
const event = (over: Partial<{ sender: unknown; senderFrame: unknown }> = {}) => ({ sender: mainContents, senderFrame: mainFrame, ...over });
const log = { info: () => undefined, warn: () => undefined, error: () => undefined, file: '' };

describe('registerIpc', () => {
  const replies: unknown[][] = [];
  beforeAll(async () => {
    const { registerIpc } = await import('../../../electron/main/ipc-main');
    registerIpc({
      handlers: {} as Handlers,
      mainContents: () => mainContents as never,
      rendererDir: '/app/dist/renderer',
      flush: { reply: (...a: unknown[]) => replies.push(a) } as never,
      log,
    });
  });

  it('registers exactly the contract channels', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('serves our own main frame', async () => {
    const r = await handlers.get('library:list')!(event(), {});
    expect(r).toEqual({ ok: true, value: { channel: 'library:list', payload: {} } });
  });

  it('refuses other senders and frames with forbidden', async () => {
    const cases = [
      event({ sender: { mainFrame, id: 2 } }),
      event({ senderFrame: null }),
      event({ senderFrame: { url: 'app://nianbao/index.html' } }), // a subframe
      event({ sender: { ...mainContents, mainFrame: { url: 'https://evil.example/' } }, senderFrame: { url: 'https://evil.example/' } }),
    ];
    for (const e of cases) {
      const r = await handlers.get('library:list')!(e, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden');
    }
  });

  it('accepts flush replies only from our page', () => {
    const l = onListeners.get('nianbao:flush-reply')!;
    replies.length = 0;
    l(event(), 1, { saved: true });
    l(event({ senderFrame: { url: 'http://evil' } }), 2, { saved: true });
    expect(replies).toEqual([[1, { saved: true }]]);
  });

  it('refuses our window when it shows a foreign page', async () => {
    for (const url of ['file:///etc/passwd', 'http://evil', 'data:text/html,x', 'app://other-host/index.html', 'about:blank']) {
      const frame = { url };
      const contents = { mainFrame: frame };
      handlers.clear();
      const { registerIpc } = await import('../../../electron/main/ipc-main');
      registerIpc({ handlers: {} as Handlers, mainContents: () => contents as never, rendererDir: '/app/dist/renderer', flush: { reply: () => true } as never, log });
      const r = await handlers.get('app:info')!({ sender: contents, senderFrame: frame }, {});
      expect(r.ok, url).toBe(false);
    }
  });

});
