import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../../electron/core/import/import-bytes';
import { encodeGb18030 } from '../../../fixtures/import/gb18030';
import { reportContent } from '../../../fixtures/import/build';
import { contentToHtml } from '../../../fixtures/import/to-html';
import { completeReport } from '../../../fixtures/reports';

const repoRoot = path.resolve(__dirname, '../../../..');
const sample = readFileSync(path.resolve(repoRoot, '../shared/samples/yexian-yandu-jiedao-2024.txt'), 'utf8');
const base = completeReport();

describe('text encodings', () => {
  it('reads a GB18030 (GBK) text file as well as UTF-8, and notes the encoding', async () => {
    const gbk = await importBytes(encodeGb18030(sample), '年报.txt');
    const utf8 = await importBytes(new TextEncoder().encode(sample), '年报.txt');
    expect(gbk.report.title).toBe('叶县盐都街道办事处2024年政府信息公开工作年度报告');
    expect(gbk.report.values).toEqual(utf8.report.values);
    expect(gbk.report.sections.s1.blocks.map((b) => b.text)).toEqual(utf8.report.sections.s1.blocks.map((b) => b.text));
    expect(gbk.log.some((e) => e.message.includes('GB18030'))).toBe(true);
  });

  it('reads a UTF-8 text file with a BOM and CRLF line ends', async () => {
    const bytes = new TextEncoder().encode('\uFEFF' + sample.replace(/\n/g, '\r\n'));
    const r = await importBytes(bytes, 'x.txt');
    expect(r.report.unit.name).toBe('叶县盐都街道办事处');
    expect(Object.values(r.report.values).every((v) => v === 0)).toBe(true);
  });
});

describe('HTML pages saved from a portal', () => {
  const html = contentToHtml(reportContent(base), 'gb2312');

  it('reads a GB2312-declared page (GBK bytes) with merged cells', async () => {
    const r = await importBytes(encodeGb18030(html), 'report.htm');
    expect(r.format).toBe('gov-disclosure-2021');
    expect(r.report.title).toBe(base.title);
    expect(r.report.values).toEqual(base.values);
    expect(r.report.signature).toEqual(base.signature);
    expect(r.report.sections.s5.blocks.map((b) => [b.type, b.text])).toEqual(base.sections.s5.blocks.map((b) => [b.type, b.text]));
  });

  it('reads the same page in UTF-8, with <h2> section headings, whatever the file is called', async () => {
    const utf8 = contentToHtml(reportContent(base), 'utf-8', { headings: true });
    const r = await importBytes(new TextEncoder().encode(utf8), 'download.txt');
    expect(r.report.values).toEqual(base.values);
    expect(r.report.sections.s1.blocks.map((b) => [b.type, b.text])).toEqual(base.sections.s1.blocks.map((b) => [b.type, b.text]));
  });

  it('reads a GB18030 page that declares no charset', async () => {
    const r = await importBytes(encodeGb18030(html.replace(/<meta[^>]*>/, '')), 'report.html');
    expect(r.report.values).toEqual(base.values);
  });
});
