import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

// Smoke test of the real desktop app with Playwright's _electron: start, create a report, export it
// to .docx (the save dialog stubbed in main, as a clerk would pick a path), quit. Runs wherever the
// Electron binary exists (`npm ci` on a machine with internet) and the app is built (`npm run build`);
// elsewhere it is skipped, saying why.

const root = path.resolve(__dirname, '../..');

/** The Electron executable, found without require('electron') (which tries to download it). */
function electronBinary(): { ok: true; path: string } | { ok: false; reason: string } {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: `${pathFile} 不存在（Electron 未下载）` };
  const exe = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? { ok: true, path: exe } : { ok: false, reason: exe };
}

const bin = electronBinary();
const built = existsSync(path.join(root, 'dist', 'main', 'main.cjs')) && existsSync(path.join(root, 'dist', 'renderer', 'index.html'));
const skipReason = !bin.ok ? `Electron 可执行文件不存在：${bin.reason}` : !built ? 'Electron 可执行文件存在，但应用尚未构建：请先运行 npm run build' : '';
if (skipReason) console.warn(`[electron-smoke] 跳过 / skipped: ${skipReason}`);

type Invoke = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;

describe('Electron smoke', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
  const outFile = path.join(dataDir, '导出', '年报.docx');

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(!!skipReason)(skipReason ? `跳过：${skipReason}` : 'starts, creates a report, exports it and quits', async () => {
    if (!bin.ok) return;
    const env = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k !== 'ELECTRON_RUN_AS_NODE' && v !== undefined)) as Record<string, string>;
    app = await electron.launch({ executablePath: bin.path, args: [root, '--data-dir', dataDir], env, timeout: 60_000 });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe('app://nianbao/index.html');

    // Only window.nianbao is exposed; no Node in the page.
    const globals = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { nianbao: object }).nianbao).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ bridge: ['invoke', 'onBeforeQuit', 'onMenu'], require: 'undefined', process: 'undefined' });

    const info = await page.evaluate(() => (window as unknown as { nianbao: { invoke: Invoke } }).nianbao.invoke('app:info', {}));
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir } });

    const created = (await page.evaluate(() =>
      (window as unknown as { nianbao: { invoke: Invoke } }).nianbao.invoke('library:create', { unitName: '某某县人民政府', level: 'county_gov', year: 2024 }),
    )) as { ok: boolean; value: { id: string } };
    expect(created.ok).toBe(true);

    // The save dialog belongs to main: stub it there, as the clerk choosing a file.
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
    }, outFile);
    mkdirSync(path.dirname(outFile), { recursive: true });
    const exported = await page.evaluate(
      (id) => (window as unknown as { nianbao: { invoke: Invoke } }).nianbao.invoke('export:docxToFile', { id, fontSet: 'standard' }),
      created.value.id,
    );
    expect(exported).toMatchObject({ ok: true, value: { path: outFile } });
    expect(statSync(outFile).size).toBeGreaterThan(1000);
    expect(readFileSync(outFile).subarray(0, 2).toString()).toBe('PK');

    // Navigation away and new windows are refused.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toBe('app://nianbao/index.html');

    await app.close();
    app = undefined;
    expect(existsSync(path.join(dataDir, 'nianbao.log'))).toBe(true);
  });
});
