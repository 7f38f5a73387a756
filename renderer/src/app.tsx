import { useEffect, useState } from 'react';
import type { MenuCommand, Notice } from '../../electron/core/contract';
import { api } from './api';
import { EditorScreen, type EditorCommand } from './editor/editor-screen';
import { rememberReport, rememberedReportId } from './lib/open-report-memory';
import { LibraryScreen } from './library/library-screen';
import type { NewReportTab } from './library/new-report-dialog';

// The app: the library or one report's editor, the start-up notices banner, and the desktop menu commands.

type Screen = { kind: 'library' } | { kind: 'editor'; id: string };

/** The root component. */
export function App() {
  const [screen, setScreen] = useState<Screen>(() => {
    const id = rememberedReportId();
    return id ? { kind: 'editor', id } : { kind: 'library' };
  });
  const [mode, setMode] = useState<'electron' | 'web'>(() => (api.isDesktop() ? 'electron' : 'web'));
  const [notices, setNotices] = useState<Notice[]>([]);
  const [dialogRequest, setDialogRequest] = useState<{ tab: NewReportTab; seq: number } | null>(null);
  const [editorCommand, setEditorCommand] = useState<EditorCommand | null>(null);

  // After the first screen is up (the report being opened goes first).
  useEffect(() => {
    const t = setTimeout(() => {
      api.call('app:info', {}).then((i) => setMode(i.mode), () => undefined);
      api.call('library:notices', {}).then(setNotices, () => undefined);
    }, 150);
    return () => clearTimeout(t);
  }, []);

  const open = (id: string) => {
    rememberReport(id);
    setScreen({ kind: 'editor', id });
  };
  const back = () => {
    rememberReport(null);
    setScreen({ kind: 'library' });
  };

  useEffect(() => {
    const off = api.onMenuCommand((command: MenuCommand) => {
      const seq = Date.now();
      if (command === 'export') {
        setEditorCommand({ command: 'export', seq });
        return;
      }
      rememberReport(null);
      setScreen({ kind: 'library' });
      if (command === 'new') setDialogRequest({ tab: 'blank', seq });
      if (command === 'import') setDialogRequest({ tab: 'file', seq });
    });
    return off;
  }, []);

  return (
    <div className="app">
      {notices.length ? (
        <div className="banner banner-notice" role="status">
          <ul role="list">
            {notices.map((n, i) => (
              <li key={i}>{n.message}</li>
            ))}
          </ul>
          <button type="button" className="small" onClick={() => setNotices([])}>
            知道了
          </button>
        </div>
      ) : null}
      {screen.kind === 'library' ? (
        <LibraryScreen mode={mode} onOpen={open} dialogRequest={dialogRequest} />
      ) : (
        <EditorScreen key={screen.id} reportId={screen.id} mode={mode} onBack={back} command={editorCommand} />
      )}
    </div>
  );
}
