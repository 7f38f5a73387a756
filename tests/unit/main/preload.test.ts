import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type NianbaoDesktopBridge } from '../../../electron/core/contract';

// The preload against a fake 'electron': what it exposes, what it sends, what it refuses.

const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const sent: unknown[][] = [];
const listeners = new Map<string, Set<(...a: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...a: unknown[]) => {
      invoked.push(a);
      return Promise.resolve({ ok: true, value: 'from-main' });
    },
    send: (...a: unknown[]) => sent.push(a),
    on: (ch: string, l: (...a: unknown[]) => void) => {
      if (!listeners.has(ch)) listeners.set(ch, new Set());
      listeners.get(ch)!.add(l);
    },
    removeListener: (ch: string, l: (...a: unknown[]) => void) => listeners.get(ch)?.delete(l),
  },
}));

function emit(ch: string, ...args: unknown[]) {
  for (const l of listeners.get(ch) ?? []) l({}, ...args);
}

describe('preload', () => {
  let bridge: NianbaoDesktopBridge;
  beforeEach(async () => {
    await import('../../../electron/preload/preload');
    bridge = exposed.nianbao as NianbaoDesktopBridge;
    invoked.length = 0;
    sent.length = 0;
  });

  it('exposes only window.nianbao with invoke, onMenu and onBeforeQuit', () => {
    expect(Object.keys(exposed)).toEqual(['nianbao']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onBeforeQuit', 'onMenu']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('passes contract channels to main', async () => {
    for (const c of CHANNELS) await bridge.invoke(c, {} as never);
    expect(invoked.map((a) => a[0])).toEqual(CHANNELS);
  });

  it('refuses unknown channels before sending anything', async () => {
    for (const c of ['nianbao:flush-reply', 'nianbao:menu', '__proto__', 'constructor', 'library:list ', 'fs:read', '', 42, null]) {
      const r = await bridge.invoke(c as never, {} as never);
      expect(r.ok).toBe(false);
    }
    expect(invoked).toEqual([]);
  });

  it('delivers only valid menu commands', () => {
    const got: string[] = [];
    const off = bridge.onMenu((c) => got.push(c));
    emit('nianbao:menu', 'new');
    emit('nianbao:menu', 'export');
    emit('nianbao:menu', 'rm -rf');
    emit('nianbao:menu', { toString: () => 'new' });
    off();
    emit('nianbao:menu', 'open');
    expect(got).toEqual(['new', 'export']);
  });

  it('answers the before-quit request with the renderer flush result', async () => {
    const off = bridge.onBeforeQuit(async () => ({ saved: false, message: '磁盘已满' }));
    emit('nianbao:before-quit', 7);
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([['nianbao:flush-reply', 7, { saved: false, message: '磁盘已满' }]]);
    off();
  });

  it('reports a throwing or malformed flush as unsaved', async () => {
    const off1 = bridge.onBeforeQuit(() => {
      throw new Error('写入失败');
    });
    emit('nianbao:before-quit', 1);
    await new Promise((r) => setTimeout(r, 0));
    off1();
    const off2 = bridge.onBeforeQuit(() => ({ saved: 'maybe' }) as never);
    emit('nianbao:before-quit', 2);
    await new Promise((r) => setTimeout(r, 0));
    off2();
    expect(sent).toEqual([
      ['nianbao:flush-reply', 1, { saved: false, message: '写入失败' }],
      ['nianbao:flush-reply', 2, { saved: false, message: '保存状态未知' }],
    ]);
  });
});
