import { useSyncExternalStore } from 'react';
import { clockTime } from '../lib/format-time';
import type { Autosaver } from './autosaver';

// The save status in the toolbar, in a box of fixed width so the text never shifts the layout.

/** "已保存 hh:mm:ss" / "正在保存…" / "保存失败：…" with 重试. */
export function SaveStatusView({ saver }: { saver: Autosaver }) {
  const status = useSyncExternalStore(saver.subscribe, saver.getStatus);
  return (
    <div className={`save-status save-${status.kind}`} role="status" aria-live="polite">
      {status.kind === 'saved' ? <span>{status.at ? `已保存 ${clockTime(status.at)}` : '已保存'}</span> : null}
      {status.kind === 'saving' ? <span>正在保存…</span> : null}
      {status.kind === 'failed' ? (
        <>
          <span className="save-error" title={status.message}>
            保存失败：{status.message}，已保留在本机，稍后重试
          </span>
          <button type="button" className="small" onClick={() => void saver.flush()}>
            重试
          </button>
        </>
      ) : null}
    </div>
  );
}
