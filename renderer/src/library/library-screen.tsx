import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ImportLogEntry, ReportSummary } from '../../../electron/core/contract';
import { api, errorMessage } from '../api';
import { dateTime } from '../lib/format-time';
import { ModalDialog } from '../lib/modal-dialog';
import { BackupTools } from './backup-tools';
import { ImportLogView } from './import-log-view';
import { NewReportDialog, type NewReportTab } from './new-report-dialog';
import { groupReports, reportStatus } from './report-groups';
import { TrashView } from './trash-view';

// 报告库: reports grouped by unit and year with their status; new, open, roll forward, duplicate, delete and 回收站.

interface Props {
  mode: 'electron' | 'web';
  onOpen: (id: string) => void;
  /** A request (from the desktop menu) to open the new-report dialog on a tab. */
  dialogRequest?: { tab: NewReportTab; seq: number } | null;
}

/** The library screen. */
export function LibraryScreen({ mode, onOpen, dialogRequest }: Props) {
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [error, setError] = useState('');
  const [query, setQuery] = useState('');
  const [view, setView] = useState<'reports' | 'trash'>('reports');
  const [dialog, setDialog] = useState<{ tab: NewReportTab; fromId?: string } | null>(null);
  const [deleted, setDeleted] = useState<ReportSummary | null>(null);
  const [rolled, setRolled] = useState<{ summary: ReportSummary; log: ImportLogEntry[] } | null>(null);
  const [busyId, setBusyId] = useState('');

  const load = useCallback(async () => {
    try {
      setReports(await api.call('library:list', {}));
      setError('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (dialogRequest) setDialog({ tab: dialogRequest.tab });
  }, [dialogRequest]);

  const groups = useMemo(() => groupReports(reports ?? [], query), [reports, query]);

  const act = async (id: string, work: () => Promise<void>) => {
    setBusyId(id);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusyId('');
    }
  };

  return (
    <div className="library">
      <header className="library-header">
        <h1>报告库</h1>
        <div className="library-tools">
          <input className="search" type="search" aria-label="按单位名称搜索" placeholder="按单位名称搜索" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
          <div className="view-switch" role="group" aria-label="视图">
            <button type="button" aria-pressed={view === 'reports'} onClick={() => setView('reports')}>
              全部报告
            </button>
            <button type="button" aria-pressed={view === 'trash'} onClick={() => setView('trash')}>
              回收站
            </button>
          </div>
          <button type="button" onClick={() => setDialog({ tab: 'file' })}>
            导入报告…
          </button>
          <button type="button" className="primary" onClick={() => setDialog({ tab: 'blank' })}>
            ＋ 新建报告
          </button>
        </div>
      </header>
      <div className="library-status" role="status">
        {deleted ? (
          <span className="toast">
            已将“{deleted.title}”移到回收站。
            <button
              type="button"
              className="small"
              onClick={() =>
                void act(deleted.id, async () => {
                  await api.call('library:restore', { id: deleted.id });
                  setDeleted(null);
                  await load();
                })
              }
            >
              撤销
            </button>
          </span>
        ) : null}
        {error ? <span className="error-text">{error}</span> : null}
      </div>
      {view === 'trash' ? (
        <TrashView onRestored={() => void load()} />
      ) : (
        <main className="library-list" aria-label="报告列表">
          {reports === null && !error ? <p className="hint">正在读取报告库…</p> : null}
          {reports && !reports.length ? (
            <div className="empty">
              <p>报告库中还没有报告。</p>
              <p>可以新建一份空白报告，或导入上年已发布的报告（Word、网页或文本），再“从上年报告新建”今年的报告。</p>
            </div>
          ) : null}
          {reports && reports.length > 0 && !groups.length ? <p className="empty">没有找到单位名称包含“{query}”的报告。</p> : null}
          {groups.map((g) => (
            <section key={g.unitName} className="unit-group" aria-label={g.unitName}>
              <h2 className="unit-name">{g.unitName || '（未填写单位）'}</h2>
              <ul role="list" className="report-list">
                {g.reports.map((r) => {
                  const st = reportStatus(r);
                  return (
                    <li key={r.id} className="report-row" data-report-id={r.id}>
                      <div className="report-main" onClick={() => onOpen(r.id)}>
                        <span className="report-year">{r.year} 年</span>
                        <span className="report-title">{r.title}</span>
                        <span className="report-meta">保存于 {dateTime(r.updatedAt)}</span>
                      </div>
                      <span className={`status status-${st.tone}`}>{st.text}</span>
                      <div className="report-actions">
                        <button type="button" className="primary" onClick={() => onOpen(r.id)} aria-label={`打开 ${r.title}`}>
                          打开
                        </button>
                        <button
                          type="button"
                          disabled={busyId === r.id}
                          onClick={() =>
                            void act(r.id, async () => {
                              setRolled(await api.call('library:rollForward', { fromId: r.id, year: r.year + 1 }));
                              await load();
                            })
                          }
                          title={`以此报告为基础新建 ${r.year + 1} 年报告`}
                        >
                          新建 {r.year + 1} 年
                        </button>
                        <button type="button" disabled={busyId === r.id} onClick={() => void act(r.id, async () => void (await api.call('library:duplicate', { id: r.id }), await load()))}>
                          复制
                        </button>
                        <button
                          type="button"
                          className="danger-text"
                          disabled={busyId === r.id}
                          aria-label={`删除 ${r.title}`}
                          onClick={() =>
                            void act(r.id, async () => {
                              await api.call('library:delete', { id: r.id });
                              setDeleted(r);
                              await load();
                            })
                          }
                        >
                          删除
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          <footer className="library-footer">
            <BackupTools onRestored={() => void load()} />
          </footer>
        </main>
      )}
      {dialog ? (
        <NewReportDialog
          reports={reports ?? []}
          mode={mode}
          initialTab={dialog.tab}
          initialFromId={dialog.fromId}
          onClose={() => setDialog(null)}
          onOpen={(id) => {
            setDialog(null);
            onOpen(id);
          }}
          onChanged={() => void load()}
        />
      ) : null}
      {rolled ? (
        <ModalDialog title="已从上年报告新建" onClose={() => setRolled(null)}>
          <p>
            已生成报告：<strong>{rolled.summary.title}</strong>
          </p>
          <ImportLogView log={rolled.log} />
          <div className="modal-actions">
            <button type="button" onClick={() => setRolled(null)}>
              返回报告库
            </button>
            <button type="button" className="primary" autoFocus onClick={() => onOpen(rolled.summary.id)}>
              打开报告
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </div>
  );
}
