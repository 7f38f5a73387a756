import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Report } from '../../../electron/core/model/report';
import { api, errorMessage } from '../api';
import { clockTime } from '../lib/format-time';
import { Autosaver } from './autosaver';
import { DocumentView } from './document-view';
import { SIGNATURE_DATE_ID, SIGNATURE_UNIT_ID, TITLE_ID, blockDomId, focusById, headingDomId } from './dom-ids';
import { EditorActionsContext, GridFocusContext, type EditorActions } from './editor-actions';
import { ExportDialog } from './export-dialog';
import { PrintPreview } from './grid-slot';
import { HelpPanel } from './help-panel';
import { HistoryPanel } from './history-panel';
import { IssuesPanel } from './issues-panel';
import { Outline } from './outline';
import { getBlocks } from './report-edits';
import { ReportStore } from './report-store';
import { SaveStatusView } from './save-status';
import { loadReport } from './report-prefetch';
import { readUnsaved } from './unsaved-copy';
import { StoreContext, useStoreValue } from './use-store';
import { YearMentionsPanel } from './year-mentions-panel';

// The report editor: loads the report (or the unsaved copy kept in this browser), wires the store, autosave,
// shortcuts and panels, and marks 'editor-ready' when it first renders with data.

export interface EditorCommand {
  command: 'export' | 'preview';
  seq: number;
}

interface Props {
  reportId: string;
  mode: 'electron' | 'web';
  onBack: () => void;
  command?: EditorCommand | null;
}

type Loaded = { store: ReportStore; saver: Autosaver; recoveredAt: number | null };

/** The editor screen for one report. */
export function EditorScreen({ reportId, mode, onBack, command }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    let made: Loaded | null = null;
    setLoaded(null);
    setError('');
    loadReport(reportId)
      .then((report) => {
        if (!live) return;
        const local = readUnsaved(reportId);
        const differs = !!local && JSON.stringify(local.report) !== JSON.stringify(report);
        const store = new ReportStore(differs ? local!.report : report);
        const saver = new Autosaver(store, (r) => api.call('library:save', { report: r }), { dirty: differs });
        made = { store, saver, recoveredAt: differs ? local!.at : null };
        setLoaded(made);
      })
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
      if (made) {
        made.saver.flushOnLeave();
        made.saver.dispose();
      }
    };
  }, [reportId]);

  if (error)
    return (
      <div className="editor-message">
        <p className="error-text">无法打开报告：{error}</p>
        <button type="button" onClick={onBack}>
          返回报告库
        </button>
      </div>
    );
  if (!loaded)
    return (
      <div className="editor-message" aria-busy="true">
        正在打开报告…
      </div>
    );
  return (
    <StoreContext.Provider value={loaded.store}>
      <EditorBody store={loaded.store} saver={loaded.saver} recoveredAt={loaded.recoveredAt} mode={mode} onBack={onBack} command={command} />
    </StoreContext.Provider>
  );
}

let readyMarked = false;

type Side = 'issues' | 'history' | 'help';

function EditorBody({ store, saver, recoveredAt, mode, onBack, command }: { store: ReportStore; saver: Autosaver; recoveredAt: number | null } & Omit<Props, 'reportId'>) {
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);
  const [side, setSide] = useState<Side>('issues');
  const [exporting, setExporting] = useState(false);
  const [recovered, setRecovered] = useState(recoveredAt);
  const [gridFocus, setGridFocus] = useState<{ cell: string; nonce: number } | null>(null);
  const seq = useRef(0);
  const canUndo = useStoreValue((s) => s.canUndo);
  const canRedo = useStoreValue((s) => s.canRedo);
  const unit = useStoreValue((s) => s.report.unit.name);
  const year = useStoreValue((s) => s.report.year);
  const errors = useStoreValue((s) => s.issues().errors);

  useEffect(() => {
    if (readyMarked) return;
    readyMarked = true;
    performance.mark('editor-ready');
  }, []);

  const focusPath = useCallback(
    (path: string) => {
      setView('edit');
      if (/^t\d\./.test(path)) {
        setGridFocus({ cell: path, nonce: ++seq.current });
        return;
      }
      const parts = path.split('.');
      if (path === 'title') return focusById(TITLE_ID, 'end');
      if (parts[0] === 'signature') return focusById(parts[1] === 'date' ? SIGNATURE_DATE_ID : SIGNATURE_UNIT_ID, 'end');
      if ((parts[0] === 'preface' || parts[0] === 'unplaced') && parts[1]) return focusById(blockDomId(parts[1]), 'start');
      if (parts[0] === 'preface') {
        const first = store.report.preface[0];
        return first ? focusById(blockDomId(first.id), 'start') : undefined;
      }
      if (parts[0] === 'sections' && parts[2]) return focusById(blockDomId(parts[2]), 'start');
      if (parts[0] === 'sections' && parts[1]) {
        const key = parts[1] as 's1';
        const blocks = getBlocks(store.report, key);
        const firstText = blocks.find((b) => b.type === 'paragraph') ?? blocks[0];
        return firstText ? focusById(blockDomId(firstText.id), 'end') : focusById(headingDomId(key), 'end');
      }
    },
    [store],
  );
  const actions = useMemo<EditorActions>(() => ({ focusPath }), [focusPath]);

  // Shortcuts: Ctrl+S, Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z, Ctrl+E, Ctrl+P.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && viewRef.current === 'preview' && !document.querySelector('dialog[open]')) {
        setView('edit');
        return;
      }
      if (e.isComposing || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 's') {
        e.preventDefault();
        void saver.flush();
      } else if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        store.redo();
      } else if (k === 'e') {
        e.preventDefault();
        setExporting(true);
      } else if (k === 'p') {
        e.preventDefault();
        // In the editor: open the preview; in the preview: print its pages.
        if (viewRef.current === 'preview') window.print();
        else setView('preview');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, saver]);

  // Never lose a keystroke: flush on blur, hide and unload; answer the desktop's before-quit request.
  useEffect(() => {
    const leave = () => saver.flushOnLeave();
    const onVisibility = () => document.visibilityState === 'hidden' && leave();
    window.addEventListener('blur', leave);
    window.addEventListener('beforeunload', leave);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    const off = api.onBeforeQuit(async () => {
      const saved = await saver.flush();
      const s = saver.getStatus();
      return saved ? { saved: true } : { saved: false, message: s.kind === 'failed' ? s.message : '报告尚未保存' };
    });
    return () => {
      window.removeEventListener('blur', leave);
      window.removeEventListener('beforeunload', leave);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
      off();
    };
  }, [saver]);

  useEffect(() => {
    if (!command) return;
    if (command.command === 'export') setExporting(true);
    else setView('preview');
  }, [command]);

  // The preview opens at its first page; going back to editing returns to where the clerk was.
  const scroller = useRef<HTMLElement>(null);
  const editScroll = useRef(0);
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = view === 'edit' ? editScroll.current : 0;
  }, [view]);

  // Back to the library once pending edits are saved (the list then shows the new status); never stuck on a failing save.
  const leave = async () => {
    await Promise.race([saver.flush(), new Promise((r) => setTimeout(r, 1500))]);
    onBack();
  };

  const onRestored = useCallback(
    (report: Report) => {
      store.replace(report);
      saver.markSaved(report);
    },
    [store, saver],
  );

  return (
    <EditorActionsContext.Provider value={actions}>
      <div className="editor">
        <header className="toolbar" role="toolbar" aria-label="编辑工具栏">
          <button type="button" className="back-button" onClick={() => void leave()}>
            ‹ 报告库
          </button>
          <div className="doc-name" title={`${unit} ${year} 年`}>
            <span className="doc-unit">{unit}</span>
            <span className="doc-year">{year} 年</span>
          </div>
          <div className="view-switch" role="group" aria-label="视图">
            <button type="button" aria-pressed={view === 'edit'} onClick={() => setView('edit')}>
              编辑
            </button>
            <button type="button" aria-pressed={view === 'preview'} onClick={() => setView('preview')} title="Ctrl+P">
              打印预览
            </button>
          </div>
          {view === 'preview' ? (
            <button type="button" onClick={() => window.print()} title="打印（在预览中按 Ctrl+P）">
              打印…
            </button>
          ) : null}
          <SaveStatusView saver={saver} />
          <div className="toolbar-actions">
            <button type="button" disabled={!canUndo} onClick={() => store.undo()} title="撤销（Ctrl+Z）">
              撤销
            </button>
            <button type="button" disabled={!canRedo} onClick={() => store.redo()} title="重做（Ctrl+Y）">
              重做
            </button>
            <button type="button" className="primary" onClick={() => setExporting(true)} title="导出 Word 文档（Ctrl+E）">
              导出
            </button>
          </div>
        </header>
        {recovered ? (
          <div className="banner banner-info" role="status">
            已恢复上次未保存的修改（{clockTime(new Date(recovered))}），正在保存到报告库。
            <button type="button" className="small" onClick={() => setRecovered(null)}>
              知道了
            </button>
          </div>
        ) : null}
        <div className="editor-body">
          <Outline />
          <main
            ref={scroller}
            className="doc-scroll"
            onScroll={(e) => {
              if (view === 'edit') editScroll.current = e.currentTarget.scrollTop;
            }}
            aria-label={view === 'edit' ? '编辑报告' : '打印预览'}>
            <GridFocusContext.Provider value={gridFocus}>{view === 'edit' ? <DocumentView /> : <PreviewPane />}</GridFocusContext.Provider>
          </main>
          <aside className="side" aria-label="侧栏">
            <div className="side-tabs" role="group" aria-label="侧栏内容">
              <button type="button" aria-pressed={side === 'issues'} onClick={() => setSide('issues')}>
                检查结果
              </button>
              <button type="button" aria-pressed={side === 'history'} onClick={() => setSide('history')}>
                历史版本
              </button>
              <button type="button" aria-pressed={side === 'help'} onClick={() => setSide('help')}>
                帮助
              </button>
            </div>
            <div className="side-content">
              {side === 'issues' ? (
                <>
                  <YearMentionsPanel />
                  <IssuesPanel />
                </>
              ) : null}
              {side === 'history' ? <HistoryPanel reportId={store.report.id} flush={() => saver.flush()} onRestored={onRestored} /> : null}
              {side === 'help' ? <HelpPanel /> : null}
            </div>
          </aside>
        </div>
        {exporting ? <ExportDialog reportId={store.report.id} errors={errors} mode={mode} flush={() => saver.flush()} onClose={() => setExporting(false)} /> : null}
      </div>
    </EditorActionsContext.Provider>
  );
}

function PreviewPane() {
  const report = useStoreValue((s) => s.report);
  return (
    <div className="preview-pane">
      <PrintPreview report={report} />
    </div>
  );
}
