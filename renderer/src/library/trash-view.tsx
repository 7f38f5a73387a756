import { useEffect, useState } from 'react';
import type { TrashEntry } from '../../../electron/core/contract';
import { api, errorMessage } from '../api';
import { dateTime } from '../lib/format-time';

// 回收站: deleted reports, each restorable.

/** The trash list with 恢复. */
export function TrashView({ onRestored }: { onRestored: () => void }) {
  const [items, setItems] = useState<TrashEntry[] | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    api
      .call('library:trash', {})
      .then((list) => setItems([...list].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))))
      .catch((e) => setError(errorMessage(e)));
  useEffect(() => {
    void load();
  }, []);
  const restore = async (id: string) => {
    try {
      await api.call('library:restore', { id });
      onRestored();
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="trash" aria-label="回收站">
      {error ? <p className="error-text">{error}</p> : null}
      {items === null ? <p className="hint">正在读取…</p> : null}
      {items && !items.length ? <p className="empty">回收站是空的。</p> : null}
      <ul role="list" className="report-list">
        {items?.map((t) => (
          <li key={t.id} className="report-row">
            <div className="report-main">
              <span className="report-title">{t.title}</span>
              <span className="report-meta">
                {t.unitName} · {t.year} 年 · 删除于 {dateTime(t.deletedAt)}
              </span>
            </div>
            <div className="report-actions">
              <button type="button" onClick={() => void restore(t.id)} aria-label={`恢复 ${t.title}`}>
                恢复
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
