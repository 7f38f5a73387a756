import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, fail, type MenuCommand } from '../core/contract';
import { dispatch, type Handlers } from '../services/app-handlers';
import type { Logger } from '../services/log-file';
import { isTrustedSender } from './guards';
import { BEFORE_QUIT_EVENT, FLUSH_REPLY_EVENT, MENU_EVENT } from './ipc-events';
import type { FlushCoordinator } from './quit-flush';

// The only place ipcMain is used: every contract channel is handled here, after checking that the
// call comes from the main frame of our own window showing our own page.

export interface IpcOptions {
  handlers: Handlers;
  /** The webContents of the main window (calls from any other are refused). */
  mainContents: () => WebContents | null;
  rendererDir: string;
  flush: FlushCoordinator;
  log: Logger;
}

function trusted(event: IpcMainInvokeEvent | IpcMainEvent, opts: IpcOptions): boolean {
  const frame = event.senderFrame;
  const main = opts.mainContents();
  if (!frame || !main || event.sender !== main) return false;
  if (frame !== event.sender.mainFrame) return false;
  return isTrustedSender(frame.url, opts.rendererDir);
}

/** Registers the handlers of every contract channel and of the flush reply; returns the unregister function. */
export function registerIpc(opts: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!trusted(event, opts)) {
        opts.log.warn(`拒绝来自不受信任页面的请求 ${channel}`, event.senderFrame?.url ?? '(无)');
        return fail('forbidden', '拒绝访问：请求不是来自本程序的窗口。');
      }
      return dispatch(opts.handlers, channel, payload, { log: opts.log });
    });
  }
  const onFlushReply = (event: IpcMainEvent, requestId: unknown, payload: unknown) => {
    if (trusted(event, opts)) opts.flush.reply(requestId, payload);
  };
  ipcMain.on(FLUSH_REPLY_EVENT, onFlushReply);
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
    ipcMain.removeListener(FLUSH_REPLY_EVENT, onFlushReply);
  };
}

/** Sends a menu command to the window's page. */
export function sendMenuCommand(contents: WebContents | null, command: MenuCommand): void {
  if (contents && !contents.isDestroyed()) contents.send(MENU_EVENT, command);
}

/** Asks the page to flush unsaved work; false when there is no page to ask. */
export function sendBeforeQuit(contents: WebContents | null, requestId: number): boolean {
  if (!contents || contents.isDestroyed() || contents.isCrashed()) return false;
  contents.send(BEFORE_QUIT_EVENT, requestId);
  return true;
}
