import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The main window's size, position and maximized state, remembered in the data folder and
// clamped to the displays that exist now (a monitor may have been unplugged since).

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The smallest window: it must fit a 1366×768 laptop at 150 % scaling (about 910×470 usable logical
 * pixels once the taskbar is taken), the most common setup in the offices this app is for.
 */
export const MIN_WIDTH = 760;
export const MIN_HEIGHT = 460;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };

/** The file the state is kept in. */
export function windowStateFile(dataDir: string): string {
  return path.join(dataDir, 'window-state.json');
}

function overlap(a: Area, b: Area): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * A usable window state from whatever was stored: the size fits the largest work area, and the
 * position is kept only when the window's top strip (its title bar) is on some display; otherwise
 * the window is centred.
 */
export function clampWindowState(stored: unknown, workAreas: Area[], minWidth = MIN_WIDTH, minHeight = MIN_HEIGHT): WindowState {
  const parsed = WindowStateSchema.safeParse(stored);
  const s: WindowState = parsed.success ? parsed.data : { ...DEFAULT_WINDOW_STATE };
  if (!workAreas.length) return { width: Math.max(minWidth, s.width), height: Math.max(minHeight, s.height), maximized: s.maximized };
  const maxW = Math.max(...workAreas.map((a) => a.width));
  const maxH = Math.max(...workAreas.map((a) => a.height));
  const width = Math.min(Math.max(s.width, Math.min(minWidth, maxW)), maxW);
  const height = Math.min(Math.max(s.height, Math.min(minHeight, maxH)), maxH);
  const out: WindowState = { width, height, maximized: s.maximized };
  if (s.x !== undefined && s.y !== undefined) {
    const titleBar: Area = { x: s.x, y: s.y, width, height: 40 };
    const home = workAreas.find((a) => overlap(titleBar, a) >= Math.min(100, width) * 20);
    if (home) {
      // Pull the window fully onto the display it is mostly on.
      out.x = Math.min(Math.max(s.x, home.x), home.x + home.width - width);
      out.y = Math.min(Math.max(s.y, home.y), home.y + home.height - height);
    }
  }
  return out;
}

/** Reads the stored state (undefined when absent or unreadable). */
export function readWindowState(dataDir: string): unknown {
  try {
    return JSON.parse(readFileSync(windowStateFile(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Writes the state atomically (temp file + rename); failures are ignored (it is only a convenience). */
export function writeWindowState(dataDir: string, state: WindowState): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    const file = windowStateFile(dataDir);
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch {
    // The window opens at the default size next time.
  }
}
