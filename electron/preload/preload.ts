import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, FlushReplySchema, MenuCommandSchema, fail, type FlushReply, type MenuCommand, type NianbaoDesktopBridge } from '../core/contract';
import { BEFORE_QUIT_EVENT, FLUSH_REPLY_EVENT, MENU_EVENT } from '../main/ipc-events';

// The sandboxed preload (bundled into one CommonJS file): exposes window.nianbao with exactly the
// contract's channels plus the menu and before-quit events, and nothing of Electron or Node.

const allowed = new Set<string>(CHANNELS);

const bridge: NianbaoDesktopBridge = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      return Promise.resolve(fail('invalid-input', `未知的请求：${String(channel).slice(0, 60)}`));
    }
    return ipcRenderer.invoke(channel, input);
  },
  onMenu(cb: (command: MenuCommand) => void) {
    if (typeof cb !== 'function') return () => undefined;
    const listener = (_event: unknown, command: unknown) => {
      const parsed = MenuCommandSchema.safeParse(command);
      if (parsed.success) cb(parsed.data);
    };
    ipcRenderer.on(MENU_EVENT, listener);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT, listener);
    };
  },
  onBeforeQuit(cb: () => Promise<FlushReply> | FlushReply) {
    if (typeof cb !== 'function') return () => undefined;
    const listener = (_event: unknown, requestId: unknown) => {
      if (typeof requestId !== 'number') return;
      Promise.resolve()
        .then(() => cb())
        .then((reply) => {
          const parsed = FlushReplySchema.safeParse(reply);
          ipcRenderer.send(FLUSH_REPLY_EVENT, requestId, parsed.success ? parsed.data : { saved: false, message: '保存状态未知' });
        })
        .catch((e: unknown) => {
          ipcRenderer.send(FLUSH_REPLY_EVENT, requestId, { saved: false, message: e instanceof Error ? e.message.slice(0, 500) : '保存失败' });
        });
    };
    ipcRenderer.on(BEFORE_QUIT_EVENT, listener);
    return () => {
      ipcRenderer.removeListener(BEFORE_QUIT_EVENT, listener);
    };
  },
};

contextBridge.exposeInMainWorld('nianbao', Object.freeze(bridge));
