import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempFiles } from './cli-harness';
import { exportDocx } from '../../../electron/core/docx/export-docx';
import { findMissingFonts } from '../../../electron/services/font-probe';
import { completeReport } from '../../fixtures/reports';
import { openDocx } from '../core/docx/docx-xml-reader';

// `nianbao export`: exit 0 with a file (even when the checker finds errors), exit 2 with a Chinese message otherwise.

const { dir, put: file, remove } = tempFiles('nianbao-cli-export-');
afterAll(remove);

const report = completeReport();
const good = file('good.json', JSON.stringify(report));
const broken = completeReport();
broken.values['t3.r4_carry_out.natural'] = 7;
const brokenFile = file('broken.json', JSON.stringify(broken));

describe('nianbao export', () => {
  it('exports a report to the --out file and exits 0', async () => {
    const out = path.join(dir, '年报.docx');
    const r = await cli('export', good, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`已导出：${out}`);
    expect(new Uint8Array(readFileSync(out))).toEqual((await exportDocx(report)).bytes);
  });

  it('still exports a report with errors (exit 0) and prints the issues on stderr', async () => {
    const out = path.join(dir, 'broken.docx');
    const r = await cli('export', brokenFile, '--out', out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.err).toContain('错误 H1：表三“自然人”列');
    expect(r.err).toContain('文件已照原样导出');
    expect(r.out).not.toContain('错误');
    // The number as typed, not corrected.
    const d = await openDocx(new Uint8Array(readFileSync(out)));
    expect(d.parts.get('word/document.xml')).toContain('>7<');
  });

  it('warns about the fonts this PC lacks (exactly those the probe finds missing)', async () => {
    const out = path.join(dir, 'fonts.docx');
    const r = await cli('export', good, '--out', out);
    const { missing } = await findMissingFonts((await exportDocx(report)).fontsNeeded);
    if (missing.length) {
      expect(r.err).toContain('字体提醒：本机缺少');
      for (const f of missing) expect(r.err).toContain(f);
    } else expect(r.err).not.toContain('本机缺少');
  });

  it('--font-set gbk names the 方正 _GBK fonts; an unknown font set is refused', async () => {
    const out = path.join(dir, 'gbk.docx');
    expect((await cli('export', good, '--out', out, '--font-set', 'gbk')).code).toBe(0);
    expect((await openDocx(new Uint8Array(readFileSync(out)))).parts.get('word/document.xml')).toContain('方正仿宋_GBK');
    const bad = await cli('export', good, '--out', out, '--font-set', 'fangzheng');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--font-set 只能是 standard 或 gbk');
  });

  it('--previous adds the cross-year warnings but never changes the numbers', async () => {
    const prev = completeReport({ year: 2024 });
    prev.values['t3.r4_carry_out.natural'] = 4;
    const out = path.join(dir, 'prev.docx');
    const r = await cli('export', good, '--out', out, '--previous', file('prev.json', JSON.stringify(prev)));
    expect(r.code).toBe(0);
    expect(r.err).toContain('提醒 S1');
    expect(new Uint8Array(readFileSync(out))).toEqual((await exportDocx(report)).bytes);
    const missingPrev = await cli('export', good, '--out', out, '--previous', path.join(dir, 'nope.json'));
    expect(missingPrev.code).toBe(2);
    expect(missingPrev.err).toContain('上年报告：找不到文件');
  });

  it('exits 2 without --out, on a missing input, and on unwritable paths — with Chinese messages', async () => {
    const noOut = await cli('export', good);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('缺少 --out');

    const noInput = await cli('export', path.join(dir, 'missing.json'), '--out', path.join(dir, 'x.docx'));
    expect(noInput.code).toBe(2);
    expect(noInput.err).toContain('找不到文件');
    expect(existsSync(path.join(dir, 'x.docx'))).toBe(false);

    const noFolder = await cli('export', good, '--out', path.join(dir, '不存在的文件夹', 'a.docx'));
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toBe(`文件夹不存在：${path.join(dir, '不存在的文件夹')}`);

    const folder = path.join(dir, 'folder');
    mkdirSync(folder);
    const isFolder = await cli('export', good, '--out', folder);
    expect(isFolder.code).toBe(2);
    expect(isFolder.err).toContain('是一个文件夹');

    const unreadable = await cli('export', file('junk.json', '{not json'), '--out', path.join(dir, 'y.docx'));
    expect(unreadable.code).toBe(2);
    expect(existsSync(path.join(dir, 'y.docx'))).toBe(false);
  });

  it('runs as a real process through bin/nianbao.mjs', () => {
    const root = path.resolve(__dirname, '../../..');
    const out = path.join(dir, 'bin.docx');
    const ok = spawnSync(process.execPath, [path.join(root, 'bin', 'nianbao.mjs'), 'export', brokenFile, '--out', out], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`已导出：${out}`);
    expect(ok.stderr).toContain('错误 H1');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const bad = spawnSync(process.execPath, [path.join(root, 'bin', 'nianbao.mjs'), 'export', good, '--out', path.join(dir, 'nope', 'a.docx')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('文件夹不存在');
  });
});
