import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clampWindowState, DEFAULT_WINDOW_STATE, readWindowState, windowStateFile, writeWindowState } from '../../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const right = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('clampWindowState', () => {
  it('keeps a state that fits', () => {
    expect(clampWindowState({ x: 100, y: 50, width: 1000, height: 600, maximized: true }, [laptop])).toEqual({ x: 100, y: 50, width: 1000, height: 600, maximized: true });
  });
  it('defaults when nothing or garbage is stored', () => {
    for (const s of [undefined, null, 'x', { width: 'big' }, { __proto__: { width: 1 } }]) {
      const r = clampWindowState(s, [right]);
      expect(r).toEqual({ width: DEFAULT_WINDOW_STATE.width, height: DEFAULT_WINDOW_STATE.height, maximized: false });
    }
  });
  it('shrinks to the largest display', () => {
    const r = clampWindowState({ width: 5000, height: 4000, maximized: false }, [laptop]);
    expect(r.width).toBe(1366);
    expect(r.height).toBe(728);
  });
  it('centres a window left on an unplugged monitor', () => {
    const r = clampWindowState({ x: 2000, y: 100, width: 1200, height: 800, maximized: false }, [laptop]);
    expect(r.x).toBeUndefined();
    expect(r.y).toBeUndefined();
  });
  it('keeps a window on the second monitor and pulls a half-off window fully onto it', () => {
    expect(clampWindowState({ x: 1500, y: 100, width: 1200, height: 800, maximized: false }, [laptop, right])).toMatchObject({ x: 1500, y: 100 });
    expect(clampWindowState({ x: 3000, y: 500, width: 1200, height: 800, maximized: false }, [laptop, right])).toMatchObject({ x: 3286 - 1200, y: 240 });
  });
  it('drops a position whose title bar is above the screen', () => {
    expect(clampWindowState({ x: 100, y: -500, width: 800, height: 600, maximized: false }, [laptop]).x).toBeUndefined();
  });
});

describe('window state file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  it('round-trips and tolerates a damaged file', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-ws-'));
    expect(readWindowState(dir)).toBeUndefined();
    writeWindowState(dir, { x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(JSON.parse(readFileSync(windowStateFile(dir), 'utf8'))).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(readWindowState(dir)).toMatchObject({ width: 900 });
    writeFileSync(windowStateFile(dir), '{broken');
    expect(readWindowState(dir)).toBeUndefined();
  });
});

describe('minimum size', () => {
  it('fits a 1366×768 laptop at 150 % scaling', async () => {
    const { MIN_WIDTH, MIN_HEIGHT } = await import('../../../electron/main/window-state');
    const scaled = { x: 0, y: 0, width: Math.floor(1366 / 1.5), height: Math.floor((768 - 60) / 1.5) };
    expect(MIN_WIDTH).toBeLessThanOrEqual(scaled.width);
    expect(MIN_HEIGHT).toBeLessThanOrEqual(scaled.height);
    const r = clampWindowState({ width: 1280, height: 860, maximized: false }, [scaled]);
    expect(r.width).toBeLessThanOrEqual(scaled.width);
    expect(r.height).toBeLessThanOrEqual(scaled.height);
  });
});
