import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_HEIGHT, MIN_WIDTH, type WindowState } from './window-state';

export { MIN_HEIGHT, MIN_WIDTH };

// The one place the main window's options are decided: isolated, sandboxed, no Node in the page.

export interface WindowOptionsInput {
  /** Absolute path of dist/preload/preload.cjs. */
  preloadPath: string;
  /** Remembered (and clamped) size and position. */
  state?: WindowState;
  /** Window icon (Linux; Windows takes the executable's). */
  iconPath?: string;
  /** Developer tools (development builds only). */
  devTools?: boolean;
}

/** The BrowserWindow options of the main window. */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const s = input.state;
  return {
    title: '年报',
    width: s?.width ?? 1280,
    height: s?.height ?? 860,
    ...(s && s.x !== undefined && s.y !== undefined ? { x: s.x, y: s.y } : { center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click (auxclick) would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      enableWebSQL: false,
      devTools: input.devTools ?? false,
    },
  };
}
