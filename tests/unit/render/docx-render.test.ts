import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../electron/core/docx/export-docx';
import { makeBlock } from '../../../electron/core/model/new-report';
import { completeReport } from '../../fixtures/reports';

// The exported DOCX printed to PDF by LibreOffice and measured with pdftotext -bbox: everything inside the
// 156 × 225 mm text block, 29 pt body lines, page numbers "— n —" outside it on alternating sides.
// The official fonts are mapped to Noto CJK for the render; the DOCX keeps the official names.
// Page images are kept in test-results/docx-render/ to look at.

const onPath = (cmd: string) =>
  (process.env.PATH ?? '').split(path.delimiter).some((d) => d && ['', '.exe', '.com'].some((ext) => existsSync(path.join(d, cmd + ext))));
const tools = ['soffice', 'pdftotext', 'pdftoppm'];
const missingTools = tools.filter((t) => !onPath(t));
if (missingTools.length) console.warn(`跳过 DOCX 渲染测试：PATH 上没有 ${missingTools.join('、')}（需要 LibreOffice 与 poppler-utils）`);

const MM = 72 / 25.4; // points per millimetre
const BLOCK = { left: 28, right: 28 + 156, top: 37, bottom: 37 + 225 };
const TOLERANCE = 2;
const ARTEFACTS = path.resolve(__dirname, '../../../test-results/docx-render');

const FONT_MAP: Record<string, string> = {
  仿宋_GB2312: 'Noto Serif CJK SC',
  方正小标宋简体: 'Noto Serif CJK SC',
  楷体_GB2312: 'Noto Serif CJK SC',
  宋体: 'Noto Serif CJK SC',
  黑体: 'Noto Sans CJK SC',
  方正小标宋_GBK: 'Noto Serif CJK SC',
  方正仿宋_GBK: 'Noto Serif CJK SC',
  方正楷体_GBK: 'Noto Serif CJK SC',
  方正黑体_GBK: 'Noto Sans CJK SC',
};

interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** Words of `pdftotext -bbox` output, coordinates in millimetres. */
function parseBbox(html: string): { pages: number; words: Word[] } {
  const words: Word[] = [];
  const pages = html.split(/<page /).slice(1);
  pages.forEach((pg, page) => {
    for (const m of pg.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const text = m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
      words.push({ page, x0: +m[1] / MM, y0: +m[2] / MM, x1: +m[3] / MM, y1: +m[4] / MM, text });
    }
  });
  return { pages: pages.length, words };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe.skipIf(missingTools.length > 0)('DOCX rendered by LibreOffice', () => {
  let tmp = '';
  let pages = 0;
  let words: Word[] = [];
  let longWords: Word[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-render-'));
    const home = path.join(tmp, 'home');
    mkdirSync(home);
    const fontsConf = path.join(tmp, 'fonts.conf');
    writeFileSync(
      fontsConf,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        ...Object.entries(FONT_MAP).map(([from, to]) => `  <alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`),
        '</fontconfig>',
      ].join('\n'),
    );
    const docx = path.join(tmp, 'report.docx');
    writeFileSync(docx, (await exportDocx(completeReport())).bytes);
    // A report whose section 一 is long plain text: its middle pages are full pages of body lines.
    const long = completeReport();
    long.sections.s1 = { heading: '一、总体情况', blocks: Array.from({ length: 40 }, () => makeBlock('paragraph', '街道持续深化政务公开工作，'.repeat(8))) };
    const longDocx = path.join(tmp, 'long.docx');
    writeFileSync(longDocx, (await exportDocx(long)).bytes);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, docx, longDocx], {
      env: { ...process.env, HOME: home, FONTCONFIG_FILE: fontsConf },
      timeout: 100_000,
      stdio: 'pipe',
    });
    const pdf = path.join(tmp, 'report.pdf');
    execFileSync('pdftotext', ['-bbox', pdf, path.join(tmp, 'report.html')], { stdio: 'pipe' });
    ({ pages, words } = parseBbox(readFileSync(path.join(tmp, 'report.html'), 'utf8')));
    execFileSync('pdftotext', ['-bbox', path.join(tmp, 'long.pdf'), path.join(tmp, 'long.html')], { stdio: 'pipe' });
    longWords = parseBbox(readFileSync(path.join(tmp, 'long.html'), 'utf8')).words;
    rmSync(ARTEFACTS, { recursive: true, force: true });
    mkdirSync(ARTEFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(ARTEFACTS, 'page')], { stdio: 'pipe' });
    writeFileSync(path.join(ARTEFACTS, 'report.docx'), readFileSync(docx));
    writeFileSync(path.join(ARTEFACTS, 'report.pdf'), readFileSync(pdf));
  }, 120_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const isPageNumberLine = (w: Word) => w.y0 > BLOCK.bottom + 1;

  it('prints the complete report on a sane number of A4 pages, with page images kept', () => {
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
    expect(readdirSync(ARTEFACTS).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
  });

  it('keeps every word inside the 156 × 225 mm text block (tables included)', () => {
    const outside = words.filter(
      (w) =>
        !isPageNumberLine(w) &&
        (w.x0 < BLOCK.left - TOLERANCE || w.x1 > BLOCK.right + TOLERANCE || w.y0 < BLOCK.top - TOLERANCE || w.y1 > BLOCK.bottom + TOLERANCE),
    );
    expect(outside.map((w) => `p${w.page + 1} ${w.text} x ${w.x0.toFixed(1)}–${w.x1.toFixed(1)} y ${w.y0.toFixed(1)}–${w.y1.toFixed(1)}`)).toEqual([]);
    // The widest table printed: its labels are there and inside the block.
    expect(words.some((w) => w.text.includes('申请人情况'))).toBe(true);
    expect(words.some((w) => w.text.includes('未经复议直接起诉'))).toBe(true);
  });

  it('sets body lines 29 pt apart (22 lines on 225 mm)', () => {
    // Body text is 3号 (16 pt): its word boxes are about 1.3 × 16 pt tall; table text (9–10.5 pt) and the title (22 pt) are not.
    const body = words.filter((w) => !isPageNumberLine(w) && (w.y1 - w.y0) * MM > 19 && (w.y1 - w.y0) * MM < 23);
    const gaps: number[] = [];
    for (let p = 0; p < pages; p++) {
      const ys = [...new Set(body.filter((w) => w.page === p).map((w) => Math.round(w.y0 * MM * 10) / 10))].sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) if (ys[i] - ys[i - 1] < 40) gaps.push(ys[i] - ys[i - 1]);
    }
    expect(gaps.length).toBeGreaterThan(20);
    const m = median(gaps);
    expect(m).toBeGreaterThanOrEqual(28);
    expect(m).toBeLessThanOrEqual(30);
  });

  it('centres the title on the text block', () => {
    const title = words.filter((w) => w.page === 0 && (w.y1 - w.y0) * MM > 26);
    expect(title.length).toBeGreaterThan(0);
    const x0 = Math.min(...title.map((w) => w.x0));
    const x1 = Math.max(...title.filter((w) => w.y0 === title[0].y0).map((w) => w.x1));
    expect(Math.abs((x0 + x1) / 2 - (BLOCK.left + BLOCK.right) / 2)).toBeLessThan(3);
  });

  it('numbers every page "— n —" below the text block: odd pages at the right, even pages at the left, one character in', () => {
    for (let p = 0; p < pages; p++) {
      const line = words.filter((w) => w.page === p && isPageNumberLine(w)).sort((a, b) => a.x0 - b.x0);
      expect(line.map((w) => w.text).join(''), `page ${p + 1}`).toBe(`—${p + 1}—`);
      const x0 = line[0].x0;
      const x1 = line[line.length - 1].x1;
      const oneChar = 14 / MM; // one 4号 character
      if (p % 2 === 0) expect(Math.abs(x1 - (BLOCK.right - oneChar)), `page ${p + 1} right edge ${x1.toFixed(1)}`).toBeLessThan(2.5);
      else expect(Math.abs(x0 - (BLOCK.left + oneChar)), `page ${p + 1} left edge ${x0.toFixed(1)}`).toBeLessThan(2.5);
      // GB/T 9704 §7.5: the 一字线 about 7 mm below the text block (the dash sits mid-line).
      const mid = (line[0].y0 + line[0].y1) / 2;
      expect(mid - BLOCK.bottom).toBeGreaterThan(4);
      expect(mid - BLOCK.bottom).toBeLessThan(11);
    }
  });

  it('fits 22 body lines on a full page of text (GB/T 9704: 22 lines a page)', () => {
    const lines = (p: number) => new Set(longWords.filter((w) => w.page === p && !isPageNumberLine(w)).map((w) => Math.round(w.y0))).size;
    expect(lines(1)).toBe(22);
    expect(lines(2)).toBe(22);
  });

  it('keeps table 三 on one page with its heading', () => {
    const pageOf = (text: string) => words.find((w) => w.text.includes(text))!.page;
    expect(pageOf('申请人情况')).toBe(pageOf('四、结转下年度继续办理'));
    expect(pageOf('三、收到和处理政府信息公开申请情况')).toBe(pageOf('申请人情况'));
  });
}, 120_000);
