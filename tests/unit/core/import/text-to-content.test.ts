import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocParagraph, DocTable } from '../../../../electron/core/import/doc-content';
import { importText } from '../../../../electron/core/import/import-bytes';
import { check } from '../../../../electron/core/rules/check';
import { isPageNumberLine, textToContent } from '../../../../electron/core/text/text-to-content';
import { completeReport } from '../../../fixtures/reports';

// pdf-layout-2025.txt: completeReport() exported to DOCX by the app, printed to PDF with LibreOffice and
// converted with `pdftotext -layout`, then edited to carry what real PDF copies carry: page numbers
// "— 1 —", "- 2 -", "第 3 页", "—4—", a running header on every page after the first, one form feed.
const fixture = readFileSync(path.resolve(__dirname, '../../../fixtures/import/pdf-layout-2025.txt'), 'utf8');

const rowsOf = (t: DocTable) => Array.from({ length: t.rowCount }, (_, r) => t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => c.text));
const tables = (text: string) => textToContent(text).blocks.filter((b): b is DocTable => b.kind === 'table');
const paras = (text: string) => textToContent(text).blocks.filter((b): b is DocParagraph => b.kind === 'paragraph');

describe('textToContent', () => {
  it('recognises page-number lines', () => {
    for (const l of ['— 3 —', '- 3 -', '—3—', '第 3 页', '第3页 共10页', '3 / 10', '－ 12 －']) expect(isPageNumberLine(l), l).toBe(true);
    for (const l of ['3', '2024', '一、总体情况', '规章 0 0 0', '0 0 0']) expect(isPageNumberLine(l), l).toBe(false);
  });

  it('splits tab-separated rows, keeping blank cells', () => {
    const [t] = tables('二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t\t0\n');
    expect(rowsOf(t)).toEqual([
      ['第二十条第（一）项', '', '', ''],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '', '0'],
    ]);
  });

  it('splits space-separated columns and keeps label and numbers apart', () => {
    const [t] = tables('信息内容    本年制发件数 本年废止件数 现行有效件数\n\n规章      12      12     13\n\n行政规范性文件 2       13     24\n');
    expect(rowsOf(t)).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '12', '12', '13'],
      ['行政规范性文件', '2', '13', '24'],
    ]);
  });

  it('joins a label wrapped above and below its numbers (PDF layout)', () => {
    const text = [
      '     （一）予以公开                  9    2    0     0     0    0   11',
      '     （二）部分公开（区分处理的，只计这一情',
      '                              2    0    0     0     0    0   2',
      '     形，不计其他情形）',
      '           1.属于国家秘密           0    0    0     0     0    0   0',
    ].join('\n');
    expect(rowsOf(tables(text)[0])).toEqual([
      ['（一）予以公开', '9', '2', '0', '0', '0', '0', '11'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '2', '0', '0', '0', '0', '0', '2'],
      ['1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0'],
    ]);
  });

  it('joins a label line with no numbers to the line under it that carries them', () => {
    const text = ['一、本年新收政府信息公开申请数量   1  0  0  0  0  0  1', '5.要求行政机关确认或重新出', '具已获取信息    0  0  0  0  0  0  0'].join('\n');
    expect(rowsOf(tables(text)[0])[1]).toEqual(['5.要求行政机关确认或重新出具已获取信息', '0', '0', '0', '0', '0', '0', '0']);
  });

  it('strips markdown heading marks and keeps the level', () => {
    const ps = paras('# 某县2024年报告\n\n## 一、总体情况\n\n### (一) 工作进展\n\n**加粗的一行**\n');
    expect(ps.map((p) => [p.text, p.headingLevel, p.bold])).toEqual([
      ['某县2024年报告', 1, undefined],
      ['一、总体情况', 2, undefined],
      ['(一) 工作进展', 3, undefined],
      ['加粗的一行', undefined, true],
    ]);
  });

  it('joins hard-wrapped PDF lines into paragraphs and keeps indented first lines apart', () => {
    const text = [
      '  本报告依据《中华人民共和国政府信息公开条例》和国办',
      '公开办函〔2021〕30 号要求编制。全文包括总体情况、主动',
      '公开政府信息情况、收到和处理政府信息公开申请情况。',
      '  一、总体情况',
      '  2025 年，街道通过政府网站和政务新媒体主动公开各类',
      '政府信息 556 条，发布政策解读 12 篇。',
      '  全年新收政府信息公开申请 21 件，上年结转 2 件，办结',
      '21 件。',
    ].join('\n');
    expect(paras(text).map((p) => p.text)).toEqual([
      '本报告依据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30 号要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况。',
      '一、总体情况',
      '2025 年，街道通过政府网站和政务新媒体主动公开各类政府信息 556 条，发布政策解读 12 篇。',
      '全年新收政府信息公开申请 21 件，上年结转 2 件，办结21 件。',
    ]);
  });

  it('keeps each line of a web copy as its own paragraph', () => {
    expect(paras('第一段很长的文字。\n第二段文字。\n第三段。').map((p) => p.text)).toEqual(['第一段很长的文字。', '第二段文字。', '第三段。']);
  });

  it('drops page numbers and headers repeated at page breaks, and says so', () => {
    const c = textToContent(fixture);
    const all = c.blocks.map((b) => (b.kind === 'paragraph' ? b.text : rowsOf(b).flat().join(' '))).join('\n');
    expect(all).not.toMatch(/— 1 —|- 2 -|第 3 页|—4—/);
    expect(all.match(/某市某区某街道办事处2025年政府信息公开工作年度报告/g)).toBeNull();
    expect(c.notes.join('\n')).toContain('删除了 4 个页码行');
    expect(c.notes.join('\n')).toContain('每页重复的页眉页脚');
  });
});

describe('a PDF copy of a whole report', () => {
  const base = completeReport();
  const { report, log } = importText(fixture);

  it('reads every number, the title over two lines and the 落款', () => {
    expect(report.values).toEqual(base.values);
    expect(report.title).toBe(base.title);
    expect(report.unit).toEqual(base.unit);
    expect(report.signature).toEqual(base.signature);
    expect(report.unplaced).toEqual([]);
    expect(log.filter((e) => e.kind === 'unplaced')).toEqual([]);
    expect(check(report).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads the text: wrapped lines joined, headings typed', () => {
    const clean = (s: string) => s.replace(/\s+/g, '');
    expect(report.preface.map((b) => clean(b.text))).toEqual(base.preface.map((b) => clean(b.text)));
    for (const k of ['s1', 's5', 's6'] as const) {
      expect(report.sections[k].blocks.map((b) => [b.type, clean(b.text)])).toEqual(base.sections[k].blocks.map((b) => [b.type, clean(b.text)]));
    }
  });
});
