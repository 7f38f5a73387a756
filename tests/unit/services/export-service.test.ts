import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { exportDocx } from '../../../electron/core/docx/export-docx';
import { check } from '../../../electron/core/rules/check';
import { exportReportToFile } from '../../../electron/services/export-service';
import { completeReport } from '../../fixtures/reports';
import { openDocx, paragraphText } from '../core/docx/docx-xml-reader';

// Exporting to a real file: atomic write, Chinese messages for every path a clerk can get wrong,
// checker issues passed through (never blocking), and the fonts this PC lacks.

const failRename = vi.hoisted(() => ({ code: '' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failRename.code) throw Object.assign(new Error(`${failRename.code}: rename`), { code: failRename.code });
      return actual.rename(from, to);
    },
  };
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fcList = (families: string[]) => ({ platform: 'linux' as const, run: async () => new TextEncoder().encode(families.join('\n') + '\n') });

describe('exportReportToFile', () => {
  it('writes the DOCX atomically (no temp file left) with the same bytes as the core export, and passes issues through', async () => {
    const out = path.join(tmp, '年报.docx');
    const r = completeReport();
    const res = await exportReportToFile(r, out, { fontProbe: fcList(['宋体', 'Times New Roman']) });
    expect(res).toMatchObject({ ok: true, path: out });
    if (!res.ok) return;
    expect(new Uint8Array(readFileSync(out))).toEqual((await exportDocx(r)).bytes);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(res.issues).toEqual(check(r));
    expect(res.missingFonts).toEqual(['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312']);
  });

  it('exports a report with errors unchanged, listing the errors', async () => {
    const r = completeReport();
    r.values['t3.r1_new.natural'] = 99;
    const out = path.join(tmp, 'with-errors.docx');
    const res = await exportReportToFile(r, out, { fontProbe: fcList([]) });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.issues.some((i) => i.severity === 'error' && i.rule === 'H1')).toBe(true);
    // The number the clerk typed is printed, not "corrected".
    const d = await openDocx(new Uint8Array(readFileSync(out)));
    expect(d.parts.get('word/document.xml')).toContain('>99<');
  });

  it('uses last year’s report for the cross-year checks only', async () => {
    const previous = completeReport();
    previous.values['t3.r4_carry_out.natural'] = 5;
    const r = completeReport();
    const out = path.join(tmp, 'with-previous.docx');
    const without = await exportReportToFile(r, out, { fontProbe: fcList([]) });
    const withPrev = await exportReportToFile(r, out, { previous, fontProbe: fcList([]) });
    if (!without.ok || !withPrev.ok) throw new Error('export failed');
    expect(without.issues.some((i) => i.rule === 'S1')).toBe(false);
    expect(withPrev.issues.some((i) => i.rule === 'S1')).toBe(true);
    expect(new Uint8Array(readFileSync(out))).toEqual((await exportDocx(r)).bytes);
  });

  it('uses the _GBK fonts with fontSet "gbk" and reports them missing', async () => {
    const out = path.join(tmp, 'gbk.docx');
    const res = await exportReportToFile(completeReport(), out, { fontSet: 'gbk', fontProbe: fcList(['方正仿宋_GBK', '宋体', 'Times New Roman']) });
    if (!res.ok) throw new Error(res.message);
    expect(res.missingFonts).toEqual(['方正小标宋_GBK', '方正黑体_GBK', '方正楷体_GBK']);
    const d = await openDocx(new Uint8Array(readFileSync(out)));
    expect(d.parts.get('word/document.xml')).toContain('方正仿宋_GBK');
  });

  it('still exports when fonts cannot be probed, with missingFonts unknown (empty) and a note', async () => {
    const out = path.join(tmp, 'no-probe.docx');
    const res = await exportReportToFile(completeReport(), out, {
      fontProbe: { platform: 'linux', run: async () => Promise.reject(new Error('spawn fc-list ENOENT')) },
    });
    expect(res).toMatchObject({ ok: true, missingFonts: [] });
    if (res.ok) expect(res.fontNote).toMatch(/无法列出本机已安装的字体.*fc-list/);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses a folder that does not exist, a path that is a folder, and a name that is not .docx — in Chinese', async () => {
    const missing = await exportReportToFile(completeReport(), path.join(tmp, '没有这个文件夹', 'a.docx'));
    expect(missing).toEqual({ ok: false, message: `文件夹不存在：${path.join(tmp, '没有这个文件夹')}` });
    const dir = path.join(tmp, 'a-folder.docx');
    mkdirSync(dir);
    const isDir = await exportReportToFile(completeReport(), dir);
    expect(isDir.ok).toBe(false);
    if (!isDir.ok) expect(isDir.message).toContain('是一个文件夹');
    const json = await exportReportToFile(completeReport(), path.join(tmp, 'report.json'));
    expect(json.ok).toBe(false);
    if (!json.ok) expect(json.message).toContain('.docx');
    expect(existsSync(path.join(tmp, 'report.json'))).toBe(false);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('says so when the folder is not writable', async () => {
    const ro = path.join(tmp, 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    try {
      const res = await exportReportToFile(completeReport(), path.join(ro, 'a.docx'), { fontProbe: fcList([]) });
      expect(res).toEqual({ ok: false, message: `没有权限在该文件夹中保存文件：${ro}` });
    } finally {
      chmodSync(ro, 0o755);
    }
  });

  it('asks to close Word/WPS when the file is locked, keeps the old file intact and removes the temp file', async () => {
    const out = path.join(tmp, 'locked.docx');
    writeFileSync(out, 'old contents');
    for (const code of ['EBUSY', 'EPERM']) {
      failRename.code = code;
      try {
        const res = await exportReportToFile(completeReport(), out, { fontProbe: fcList([]) });
        expect(res.ok).toBe(false);
        if (!res.ok) expect(res.message).toContain('文件可能正在 Word/WPS 中打开，请先关闭');
      } finally {
        failRename.code = '';
      }
      expect(readFileSync(out, 'utf8')).toBe('old contents');
      expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('overwrites an existing export with the new content', async () => {
    const out = path.join(tmp, 'again.docx');
    writeFileSync(out, 'old');
    const res = await exportReportToFile(completeReport(), out, { fontProbe: fcList([]) });
    expect(res.ok).toBe(true);
    const d = await openDocx(new Uint8Array(readFileSync(out)));
    expect(paragraphText(d.body.children[0])).toContain('政府信息公开工作年度报告');
  });
});
