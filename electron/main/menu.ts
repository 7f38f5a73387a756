import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/contract';

// The application menu in Chinese. Items that act on the UI send a menu command to the renderer;
// editing, zoom and quit use Electron's roles.

export interface MenuActions {
  /** Sends a menu command to the renderer. */
  command(cmd: MenuCommand): void;
  /** Shows the About dialog. */
  about(): void;
  /** Opens the data folder in the file manager. */
  openDataDir(): void;
}

export interface MenuOptions {
  /** Development build: adds reload and developer tools. */
  isDev: boolean;
  isMac: boolean;
}

/** The menu template (Menu.buildFromTemplate turns it into the menu). */
export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '文件(&F)',
    submenu: [
      { id: 'new', label: '新建年报…', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new') },
      { id: 'open', label: '打开…', accelerator: 'CmdOrCtrl+O', click: () => actions.command('open') },
      { type: 'separator' },
      { id: 'import', label: '导入…', accelerator: 'CmdOrCtrl+I', click: () => actions.command('import') },
      { id: 'export', label: '导出 Word 文档…', accelerator: 'CmdOrCtrl+E', click: () => actions.command('export') },
      { type: 'separator' },
      { id: 'data-dir', label: '打开数据文件夹', click: () => actions.openDataDir() },
      { type: 'separator' },
      { id: 'quit', label: '退出', role: 'quit', accelerator: options.isMac ? 'Cmd+Q' : 'Ctrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '编辑(&E)',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      { type: 'separator' },
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { type: 'separator' },
      { label: '全选', role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '视图(&V)',
    submenu: [
      ...(options.isDev
        ? ([
            { label: '重新加载', role: 'reload' },
            { label: '开发者工具', role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      { label: '实际大小', role: 'resetZoom' },
      { label: '放大', role: 'zoomIn' },
      // Ctrl+= zooms in too (on most keyboards "+" needs Shift).
      { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=', visible: false },
      { label: '缩小', role: 'zoomOut' },
      { type: 'separator' },
      { label: '全屏', role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '帮助(&H)',
    submenu: [{ id: 'about', label: '关于年报', click: () => actions.about() }],
  };
  return [file, edit, view, help];
}
