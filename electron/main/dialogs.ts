import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../services/app-handlers';

// The native open and save dialogs, owned by main: the renderer never passes a file path.

const IMPORT_FILTERS = [
  { name: '年报文件（Word、网页、文本、JSON）', extensions: ['docx', 'html', 'htm', 'txt', 'json'] },
  { name: '所有文件', extensions: ['*'] },
];

/** Dialogs attached to the main window. */
export function createDialogs(win: () => BrowserWindow | null, defaultDir: () => string): Dialogs {
  return {
    async pickOpenFile() {
      const w = win();
      const options = { title: '导入年报', defaultPath: defaultDir(), properties: ['openFile' as const], filters: IMPORT_FILTERS };
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
    async pickSavePath(defaultName: string) {
      const w = win();
      const options = {
        title: '导出 Word 文档',
        defaultPath: path.join(defaultDir(), defaultName),
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      return r.filePath.toLowerCase().endsWith('.docx') ? r.filePath : `${r.filePath}.docx`;
    },
  };
}
