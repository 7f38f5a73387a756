import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempFiles } from './cli-harness';
import { exportDocx } from '../../../electron/core/docx/export-docx';
import { parseReportJson } from '../../../electron/core/model/report-file';
import { reportContent } from '../../fixtures/import/build';
import { contentToHtml } from '../../fixtures/import/to-html';
import { completeReport } from '../../fixtures/reports';

/** The repository; the shared samples live beside it (../shared, also in CI). */
const repoRoot = path.resolve(__dirname, '../../..');

const { dir, put, remove } = tempFiles('nianbao-cli-import-');
afterAll(remove);
const out = (name: string) => path.join(dir, name);

const base = completeReport();
const sampleTxt = put('yexian.txt', readFileSync(path.resolve(repoRoot, '../shared/samples/yexian-yandu-jiedao-2024.txt')));
const html = put('report.html', contentToHtml(reportContent(base)));
const broken = completeReport();
broken.values['t3.r4_carry_out.natural'] = 7;
const brokenHtml = put('broken.html', contentToHtml(reportContent(broken)));

describe('nianbao import', () => {
  it('imports a .txt copy: exit 0, the report JSON written, guesses on stderr in Chinese', async () => {
    const target = out('yexian.json');
    const r = await cli('import', sampleTxt, '--out', target);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已导入：叶县盐都街道办事处2024年政府信息公开工作年度报告（识别 \d+ 项，推测 \d+ 项，未识别 0 项，提醒 \d+ 项）/);
    expect(r.err).toContain('推测：单位名称“叶县盐都街道办事处”');
    const parsed = parseReportJson(readFileSync(target, 'utf8'));
    expect(parsed.ok && parsed.report.unit.name).toBe('叶县盐都街道办事处');
  });

  it('imports .html and .docx files', async () => {
    const r1 = await cli('import', html, '--out', out('html.json'));
    expect(r1.code).toBe(0);
    const { bytes } = await exportDocx(base);
    const r2 = await cli('import', put('report.docx', bytes), '--out', out('docx.json'));
    expect(r2.code).toBe(0);
    const parsed = parseReportJson(readFileSync(out('docx.json'), 'utf8'));
    expect(parsed.ok && parsed.report.values).toEqual(base.values);
  });

  it('exits 2 with the message and writes no --out file for bad input', async () => {
    for (const [name, data] of [
      ['empty.docx', ''],
      ['notice.txt', '关于召开会议的通知\n请各单位于周五前报送材料。'],
      ['old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)])],
      ['fake.docx', '不是压缩包'],
    ] as const) {
      const target = out(`${name}.json`);
      const r = await cli('import', put(name, data), '--out', target);
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(/[\u4e00-\u9fff]/);
      expect(existsSync(target), name).toBe(false);
    }
  });

  it('exits 2 on bad usage and on an output folder that does not exist', async () => {
    expect((await cli('import', sampleTxt)).err).toContain('缺少 --out');
    expect((await cli('import')).code).toBe(2);
    const r = await cli('import', sampleTxt, '--out', path.join(dir, 'no-such-dir', 'x.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法写入');
  });
});

describe('check and export accept importable files', () => {
  it('check on a .txt copy: exit 0, import notes as warnings', async () => {
    const r = await cli('check', sampleTxt);
    expect(r.code).toBe(0);
    expect(r.out).toContain('叶县盐都街道办事处2024年政府信息公开工作年度报告：0 个错误');
    expect(r.err).toContain('注意：单位名称');
  });

  it('check on an .html page with an error: exit 1; --previous may be a .txt or .html too', async () => {
    const r = await cli('check', brokenHtml);
    expect(r.code).toBe(1);
    expect(r.out).toContain('错误 H1');
    const withPrev = await cli('check', html, '--previous', sampleTxt);
    expect(withPrev.code).toBe(0);
    expect(withPrev.out).toContain('提醒');
    const badPrev = await cli('check', html, '--previous', put('bad-prev.txt', '无关的文字'));
    expect(badPrev.code).toBe(2);
    expect(badPrev.err).toContain('上年报告：');
  });

  it('export from a .docx and a .txt', async () => {
    const { bytes } = await exportDocx(base);
    const r = await cli('export', put('in.docx', bytes), '--out', out('again.docx'));
    expect(r.code).toBe(0);
    expect(readFileSync(out('again.docx')).subarray(0, 2).toString()).toBe('PK');
    const t = await cli('export', sampleTxt, '--out', out('yexian.docx'));
    expect(t.code).toBe(0);
    expect(existsSync(out('yexian.docx'))).toBe(true);
  });
});
