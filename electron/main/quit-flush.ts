import { FlushReplySchema, type FlushReply } from '../core/contract';

// Before quitting, main asks the renderer to flush its autosave and waits for the reply — at most
// a couple of seconds, since the renderer saves within a second anyway.

export type FlushOutcome = { kind: 'saved' } | { kind: 'unsaved'; message: string } | { kind: 'timeout' } | { kind: 'no-window' };

/** Default wait for the renderer's reply. */
export const FLUSH_TIMEOUT_MS = 2000;

/** Pairs flush requests with the renderer's replies. */
export class FlushCoordinator {
  private next = 1;
  private pending = new Map<number, (reply: FlushReply) => void>();

  /** Sends a request (send returns false when there is no window) and resolves with its outcome. */
  request(send: (requestId: number) => boolean, timeoutMs = FLUSH_TIMEOUT_MS): Promise<FlushOutcome> {
    const id = this.next++;
    return new Promise<FlushOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ kind: 'timeout' });
      }, timeoutMs);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(reply.saved ? { kind: 'saved' } : { kind: 'unsaved', message: reply.message ?? '' });
      });
      let sent = false;
      try {
        sent = send(id);
      } catch {
        sent = false;
      }
      if (!sent) {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve({ kind: 'no-window' });
      }
    });
  }

  /** Delivers a reply from the renderer; false when the id is unknown or the payload is malformed. */
  reply(requestId: unknown, payload: unknown): boolean {
    if (typeof requestId !== 'number') return false;
    const done = this.pending.get(requestId);
    const parsed = FlushReplySchema.safeParse(payload);
    if (!done || !parsed.success) return false;
    done(parsed.data);
    return true;
  }
}

/** The text of the dialog shown when the renderer could not save. */
export function unsavedDialogText(message: string): { title: string; message: string; detail: string; buttons: string[] } {
  return {
    title: '年报',
    message: '有未保存的修改……',
    detail: `最近的修改未能保存${message ? `：${message}` : '。'}\n\n仍然退出会丢失这些修改。`,
    buttons: ['返回继续编辑', '仍然退出'],
  };
}
