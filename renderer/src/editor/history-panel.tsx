import { useEffect, useState } from 'react';
import type { SnapshotInfo } from '../../../electron/core/contract';
import type { Report } from '../../../electron/core/model/report';
import { api, errorMessage } from '../api';
import { dateTime } from '../lib/format-time';

// 历史版本: the library's snapshots of this report, each restorable (the restore is one undo step).

interface Props {
  reportId: string;
  /** Saves pending edits first, so the version being replaced is kept too. */
  flush: () => Promise<boolean>;
  onRestored: (report: Report) => void;
}

const size = (n: number) => (n < 1024 ? `${n} 字节` : `${(n / 1024).toFixed(1)} KB`);

/** The list of snapshots with 恢复. */
export function HistoryPanel({ reportId, flush, onRestored }: Props) {
  const [list, setList] = useState<SnapshotInfo[] | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [confirming, setConfirming] = useState('');

  const load = async () => {
    setError('');
    try {
      await flush();
      const items = await api.call('library:history', { id: reportId });
      setList([...items].sort((a, b) => b.savedAt.localeCompare(a.savedAt)));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  useEffect(() => {
    void load();
  }, [reportId]); // load once per report

  const restore = async (s: SnapshotInfo) => {
    setConfirming('');
    setBusy(s.snapshotId);
    try {
      await flush();
      const report = await api.call('library:restoreSnapshot', { id: reportId, snapshotId: s.snapshotId });
      onRestored(report);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy('');
    }
  };

  return (
    <section className="history-panel" aria-label="历史版本">
      <h2 className="panel-title">
        历史版本
        <button type="button" className="small" onClick={() => void load()}>
          刷新
        </button>
      </h2>
      {error ? <p className="error-text">{error}</p> : null}
      {list === null ? <p className="hint">正在读取…</p> : null}
      {list && !list.length ? <p className="hint">还没有历史版本。每次保存时报告库会自动留存版本。</p> : null}
      <ul role="list" className="snapshot-list">
        {list?.map((s, i) => (
          <li key={s.snapshotId}>
            <span className="snapshot-time">
              {dateTime(s.savedAt, true)}
              {i === 0 ? <span className="snapshot-current">（最近一次保存）</span> : null}
            </span>
            <span className="snapshot-size">{size(s.bytes)}</span>
            {confirming === s.snapshotId ? (
              <span className="confirm-inline">
                <span>恢复到这个版本？（可撤销）</span>
                <button type="button" className="small primary" onClick={() => void restore(s)}>
                  确认恢复
                </button>
                <button type="button" className="small" onClick={() => setConfirming('')}>
                  取消
                </button>
              </span>
            ) : (
              <button type="button" className="small" disabled={!!busy} onClick={() => setConfirming(s.snapshotId)}>
                {busy === s.snapshotId ? '正在恢复…' : '恢复此版本'}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
