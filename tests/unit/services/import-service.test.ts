import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../electron/core/docx/export-docx';
import { importFile, importInWorker } from '../../../electron/services/import-service';
import { encodeGb18030 } from '../../fixtures/import/gb18030';
import { reportContent } from '../../fixtures/import/build';
import { contentToHtml } from '../../fixtures/import/to-html';
import { completeReport } from '../../fixtures/reports';

/** The repository; the shared samples live beside it (../shared, also in CI). */
const repoRoot = path.resolve(__dirname, '../../..');

// Real files in a temporary folder; the import runs in a worker thread with a hard time limit.

const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-import-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (name: string, data: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};
const base = completeReport();
const sample = readFileSync(path.resolve(repoRoot, '../shared/samples/yexian-yandu-jiedao-2024.txt'));

describe('importFile', () => {
  it('imports a .docx exported by the app', async () => {
    const { bytes } = await exportDocx(base);
    const r = await importFile(put('年报.docx', bytes));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.format).toBe('gov-disclosure-2021');
    expect(r.result.report.values).toEqual(base.values);
    expect(r.result.report.title).toBe(base.title);
  });

  it('imports a GBK web page and a text file', async () => {
    const html = await importFile(put('年报.htm', encodeGb18030(contentToHtml(reportContent(base), 'gbk'))));
    expect(html.ok && html.result.report.values).toEqual(base.values);
    const txt = await importFile(put('yexian.txt', sample));
    expect(txt.ok && txt.result.report.unit.name).toBe('叶县盐都街道办事处');
  });

  it('reads a report .json of ours directly, with a log', async () => {
    const r = await importFile(put('report.json', JSON.stringify(base)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.report).toEqual(base);
    expect(r.result.log[0].kind).toBe('recognised');
  });

  it('refuses a 200 MB file by its size, before reading it', async () => {
    const big = put('huge.docx', '');
    truncateSync(big, 200 * 1024 * 1024);
    const t0 = performance.now();
    const r = await importFile(big);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/太大（200 MB）.*100 MB/) });
  });

  it('gives Chinese messages for missing files, folders, empty and unreadable files', async () => {
    expect(await importFile(path.join(dir, 'nope.docx'))).toEqual({ ok: false, message: expect.stringContaining('找不到文件') });
    const sub = path.join(dir, 'folder.docx');
    mkdirSync(sub);
    expect(await importFile(sub)).toEqual({ ok: false, message: expect.stringContaining('是一个文件夹') });
    expect(await importFile(put('empty.txt', ''))).toEqual({ ok: false, message: expect.stringContaining('文件是空的') });
    const doc = await importFile(put('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)])));
    expect(doc).toEqual({ ok: false, message: expect.stringMatching(/^old\.doc：.*另存为.*\.docx/) });
    const notReport = await importFile(put('通知.txt', '关于召开会议的通知\n请各单位于周五前报送材料。'));
    expect(notReport).toEqual({ ok: false, message: expect.stringContaining('没有在文件中找到年报的章节或表格') });
  });

  it('stops an import that runs past its time limit and says so', async () => {
    const { bytes } = await exportDocx(base);
    const r = await importInWorker(bytes, 'slow.docx', { timeoutMs: 5 });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^slow\.docx：导入超过 5 毫秒仍未完成，已停止/) });
    // The process is still fine: the next import works.
    const again = await importInWorker(bytes, 'again.docx');
    expect(again.ok).toBe(true);
  });

  it('keeps working when the worker script cannot be loaded', async () => {
    const r = await importInWorker(new Uint8Array([1, 2, 3]), 'x.txt', { workerUrl: new URL('file:///nonexistent/worker.mjs') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
