import { describe, expect, it, vi } from 'vitest';
import { FlushCoordinator, unsavedDialogText } from '../../../electron/main/quit-flush';

describe('FlushCoordinator', () => {
  it('resolves with the renderer reply', async () => {
    const f = new FlushCoordinator();
    let id = 0;
    const p = f.request((i) => {
      id = i;
      return true;
    });
    expect(f.reply(id, { saved: true })).toBe(true);
    await expect(p).resolves.toEqual({ kind: 'saved' });
  });

  it('reports unsaved work with the message', async () => {
    const f = new FlushCoordinator();
    const p = f.request((i) => {
      queueMicrotask(() => f.reply(i, { saved: false, message: '磁盘已满' }));
      return true;
    });
    await expect(p).resolves.toEqual({ kind: 'unsaved', message: '磁盘已满' });
  });

  it('gives up after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const f = new FlushCoordinator();
      const p = f.request(() => true, 2000);
      vi.advanceTimersByTime(2001);
      await expect(p).resolves.toEqual({ kind: 'timeout' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait when there is no window', async () => {
    const f = new FlushCoordinator();
    await expect(f.request(() => false)).resolves.toEqual({ kind: 'no-window' });
    await expect(
      f.request(() => {
        throw new Error('destroyed');
      }),
    ).resolves.toEqual({ kind: 'no-window' });
  });

  it('ignores unknown ids and malformed replies', async () => {
    const f = new FlushCoordinator();
    let id = 0;
    const p = f.request((i) => {
      id = i;
      return true;
    }, 50);
    expect(f.reply(id + 1, { saved: true })).toBe(false);
    expect(f.reply(String(id), { saved: true })).toBe(false);
    expect(f.reply(id, { saved: 'yes' })).toBe(false);
    expect(f.reply(id, { saved: true, extra: 1 })).toBe(false);
    expect(f.reply(id, null)).toBe(false);
    await expect(p).resolves.toEqual({ kind: 'timeout' });
  });

  it('words the dialog in Chinese', () => {
    const t = unsavedDialogText('磁盘已满');
    expect(t.message).toBe('有未保存的修改……');
    expect(t.detail).toContain('磁盘已满');
    expect(t.buttons).toEqual(['返回继续编辑', '仍然退出']);
  });
});
