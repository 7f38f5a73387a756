import { describe, expect, it } from 'vitest';
import { createWindowOptions, MIN_HEIGHT, MIN_WIDTH } from '../../../electron/main/window-options';

describe('createWindowOptions', () => {
  const o = createWindowOptions({ preloadPath: '/app/dist/preload/preload.cjs' });
  const wp = o.webPreferences!;

  it('isolates and sandboxes the page, with no Node', () => {
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.webviewTag).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp.navigateOnDragDrop).toBe(false);
    expect(wp).not.toHaveProperty('enableBlinkFeatures');
    expect(wp.disableBlinkFeatures).toBe('Auxclick');
    expect(wp).not.toHaveProperty('additionalArguments');
    expect(wp.preload).toBe('/app/dist/preload/preload.cjs');
  });

  it('has no developer tools unless asked (development builds)', () => {
    expect(wp.devTools).toBe(false);
    expect(createWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('opens hidden (shown when ready), Chinese title, sensible minimum size', () => {
    expect(o.show).toBe(false);
    expect(o.title).toBe('年报');
    expect(o.minWidth).toBe(MIN_WIDTH);
    expect(o.minHeight).toBe(MIN_HEIGHT);
    expect(o.center).toBe(true);
  });

  it('uses the remembered size and position', () => {
    const r = createWindowOptions({ preloadPath: 'p', state: { x: 10, y: 20, width: 1000, height: 700, maximized: false } });
    expect(r).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    expect(r.center).toBeUndefined();
  });
});
