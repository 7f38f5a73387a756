import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, screen, session, shell, type WebContents } from 'electron';
import { createHandlers } from '../services/app-handlers';
import { dataDirFromArgv, resolveDataDir } from '../services/data-dir';
import { openLibrary, type Library } from '../services/library/library-service';
import { createLogger } from '../services/log-file';
import { CONTENT_SECURITY_POLICY } from '../services/security-headers';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { createDialogs } from './dialogs';
import { APP_ENTRY_URL, handleWindowOpen, isAllowedNavigation, isSafeExternalUrl, permissionCheckHandler, permissionHandler } from './guards';
import { registerIpc, sendBeforeQuit, sendMenuCommand } from './ipc-main';
import { buildMenuTemplate } from './menu';
import { FlushCoordinator, unsavedDialogText } from './quit-flush';
import { createWindowOptions } from './window-options';
import { clampWindowState, readWindowState, writeWindowState, type WindowState } from './window-state';

// The Electron main process: one window, one library, every request through the contract.
// Built by scripts/build-electron.mjs into dist/main/main.cjs (CommonJS, so __dirname is defined).

const isDev = !app.isPackaged;
const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(distDir, 'preload', 'preload.cjs');
// The import worker runs from outside the asar archive (electron-builder asarUnpack).
const importWorkerUrl = pathToFileURL(path.join(__dirname, 'import-worker.mjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`));

// The data folder; a portable build or an explicit --data-dir also keeps Chromium's profile there,
// so nothing is written to the user's AppData and a test run never meets the user's own instance.
const explicitDir = dataDirFromArgv(process.argv) ?? (process.env.PORTABLE_EXECUTABLE_DIR ? 'portable' : undefined);
const dataDir = resolveDataDir({ argv: process.argv, env: process.env, userDataDir: app.getPath('userData') });
if (explicitDir) app.setPath('userData', path.join(dataDir, '.profile'));
const log = createLogger(dataDir, { echo: isDev });

let mainWindow: BrowserWindow | null = null;
let library: Library | null = null;
let quitApproved = false;
let quitInProgress = false;
const flush = new FlushCoordinator();

const mainContents = (): WebContents | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null);

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Applies the navigation, new-window and webview guards to every web contents that is created. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log.warn('已阻止页面跳转', url.slice(0, 200));
    // electronegativity OPEN_EXTERNAL_JS_CHECK (false positive): only http(s) links that passed isSafeExternalUrl.
    if (isSafeExternalUrl(url)) void shell.openExternal(new URL(url).href);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = handleWindowOpen(url);
    // electronegativity OPEN_EXTERNAL_JS_CHECK (false positive): handleWindowOpen yields only http(s) URLs.
    if (decision.openExternal) void shell.openExternal(decision.openExternal);
    return { action: 'deny' };
  });
}

function hardenSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler(permissionHandler);
  s.setPermissionCheckHandler(permissionCheckHandler);
  s.setDevicePermissionHandler(() => false);
  // The app never touches the network: any http(s)/ws request from a page is cancelled.
  s.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) => callback({ cancel: true }));
  // The app:// handler already sends the CSP; this covers any other response a page might get.
  // electronegativity CSP_GLOBAL_CHECK "failed to parse" (false positive): the value is the constant, not a literal.
  s.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

function rememberWindowState(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  const b = mainWindow.getNormalBounds();
  const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: mainWindow.isMaximized() };
  writeWindowState(dataDir, state);
}

function createWindow(): void {
  const state = clampWindowState(
    readWindowState(dataDir),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const iconPath = process.platform === 'linux' ? path.join(distDir, 'icon.png') : undefined;
  // electronegativity CONTEXT_ISOLATION / SANDBOX / AUXCLICK (false positives): the options come from
  // createWindowOptions() (contextIsolation, sandbox, no Node, Auxclick disabled), asserted by its unit test.
  const win = new BrowserWindow(createWindowOptions({ preloadPath, state, iconPath, devTools: isDev }));
  mainWindow = win;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  let saveTimer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(rememberWindowState, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', (event) => {
    rememberWindowState();
    // Closing the window is quitting: run the unsaved-work check first.
    if (!quitApproved) {
      event.preventDefault();
      app.quit();
    }
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_e, details) => log.error('页面进程异常退出', details));
  win.webContents.on('did-fail-load', (_e, code, description, url) => log.error('页面加载失败', { code, description, url }));
  void win.loadURL(APP_ENTRY_URL);
}

async function showAbout(): Promise<void> {
  const options = {
    type: 'info' as const,
    title: '关于年报',
    message: `年报 ${app.getVersion()}`,
    detail: `政府信息公开工作年度报告 — 离线编写、检查与导出。\n本程序不连接网络，报告只保存在本机。\n\n数据文件夹：${dataDir}`,
    buttons: ['确定'],
    noLink: true,
  };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

async function start(): Promise<void> {
  hardenSession();
  const opened = await openLibrary({ dataDir });
  if (!opened.ok) {
    log.error('无法打开报告库', opened.error);
    dialog.showErrorBox('年报无法启动', `无法打开报告库（${dataDir}）：\n${opened.error.message}`);
    quitApproved = true;
    app.exit(1);
    return;
  }
  library = opened.value;
  const handlers = createHandlers({
    library,
    dialogs: createDialogs(() => mainWindow, () => app.getPath('documents')),
    mode: 'electron',
    version: app.getVersion(),
    dataDir,
    // electronegativity OPEN_EXTERNAL_JS_CHECK (false positive): the shell:openExternal handler passes only http(s).
    openExternal: (url) => shell.openExternal(url),
    log,
    importWorkerUrl,
  });
  registerIpc({ handlers, mainContents, rendererDir, flush, log });
  handleAppProtocol(rendererDir);
  const template = buildMenuTemplate(
    {
      command: (cmd) => {
        showWindow();
        sendMenuCommand(mainContents(), cmd);
      },
      about: () => void showAbout(),
      openDataDir: () => void shell.openPath(dataDir),
    },
    { isDev, isMac: process.platform === 'darwin' },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  createWindow();
  log.info(`年报 ${app.getVersion()} 已启动`, { dataDir, electron: process.versions.electron });
}

/** The unsaved-work check: ask the page to flush (≈2 s at most), warn if it could not save, then quit. */
async function quitSafely(): Promise<void> {
  const outcome = await flush.request((id) => sendBeforeQuit(mainContents(), id));
  if (outcome.kind === 'timeout') log.warn('退出前等待页面保存超时，直接退出');
  if (outcome.kind === 'unsaved') {
    const t = unsavedDialogText(outcome.message);
    const options = { type: 'warning' as const, ...t, defaultId: 0, cancelId: 0, noLink: true };
    const r = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
    if (r.response === 0) {
      quitInProgress = false;
      return;
    }
    log.warn('用户选择放弃未保存的修改并退出', outcome.message);
  }
  rememberWindowState();
  quitApproved = true;
  try {
    await library?.close();
  } catch (e) {
    log.error('关闭报告库出错', e);
  }
  log.info('年报已退出');
  app.quit();
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another copy is running: it brings its window forward (second-instance); this one leaves.
    app.exit(0);
    return;
  }
  registerAppScheme();
  app.enableSandbox();
  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitApproved) return;
    event.preventDefault();
    if (quitInProgress) return;
    quitInProgress = true;
    void quitSafely();
  });
  process.on('uncaughtException', (e) => log.error('主进程未捕获的异常', e));
  process.on('unhandledRejection', (e) => log.error('主进程未处理的 Promise 拒绝', e));
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      log.error('启动失败', e);
      dialog.showErrorBox('年报无法启动', `启动时出错：${e instanceof Error ? e.message : String(e)}\n详情见日志：${log.file}`);
      quitApproved = true;
      app.exit(1);
    });
}

main();
