import { describe, expect, it, vi } from 'vitest';
import { exportDocx } from '../../../../electron/core/docx/export-docx';
import { makeBlock } from '../../../../electron/core/model/new-report';
import { formatCellValue } from '../../../../electron/core/model/cell-text';
import type { Report } from '../../../../electron/core/model/report';
import { getTemplate } from '../../../../electron/core/template/registry';
import type { TableDef } from '../../../../electron/core/template/schema';
import { completeReport } from '../../../fixtures/reports';
import {
  all,
  bodyBlocks,
  firstRunProps,
  kid,
  kids,
  openDocx,
  paragraphText,
  prop,
  readGrid,
  styleById,
  styleOf,
  type OpenedDocx,
  type XNode,
} from './docx-xml-reader';

// The exported Word file read back as XML: page layout, typography per paragraph kind, the three tables with
// their merges exactly as the template grid, blank cells, deterministic bytes and a full text round-trip.

const template = getTemplate();
const open = async (report: Report, fontSet?: 'standard' | 'gbk') => openDocx((await exportDocx(report, { fontSet })).bytes);

const topParagraphs = (d: OpenedDocx) => bodyBlocks(d.body).filter((b) => b.name === 'w:p');
const tables = (d: OpenedDocx) => kids(d.body, 'w:tbl');
const findParagraph = (d: OpenedDocx, text: string) => {
  const p = topParagraphs(d).find((x) => paragraphText(x) === text);
  if (!p) throw new Error(`no paragraph “${text}”`);
  return p;
};
const fontsOf = (p: XNode) => {
  const f = kid(firstRunProps(p), 'w:rFonts')!;
  return { eastAsia: f.attrs['w:eastAsia'], ascii: f.attrs['w:ascii'], hAnsi: f.attrs['w:hAnsi'] };
};
const sizeOf = (p: XNode) => prop(firstRunProps(p), 'w:sz');
const pPr = (p: XNode) => kid(p, 'w:pPr');

/** The template grid laid out independently of the exporter: each printed cell with position, spans and text. */
function expectedGrid(def: TableDef, values: Report['values']) {
  const taken: boolean[][] = def.grid.map(() => []);
  const out: Array<{ row: number; col: number; colSpan: number; rowSpan: number; text: string; data: boolean }> = [];
  def.grid.forEach((cells, row) => {
    let col = 0;
    for (const c of cells) {
      while (taken[row][col]) col++;
      const colSpan = c.colSpan ?? 1;
      const rowSpan = c.rowSpan ?? 1;
      for (let r = row; r < row + rowSpan; r++) for (let k = col; k < col + colSpan; k++) taken[r][k] = true;
      out.push({ row, col, colSpan, rowSpan, text: 'text' in c ? c.text : formatCellValue(values[c.cell]), data: 'cell' in c });
      col += colSpan;
    }
  });
  return out;
}

describe('exportDocx: page layout (GB/T 9704)', () => {
  it('sets A4 with margins 37/35/28/26 mm in exact twips and even/odd page-number footers', async () => {
    const d = await open(completeReport());
    const sect = kid(d.body, 'w:sectPr')!;
    expect(kid(sect, 'w:pgSz')!.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(kid(sect, 'w:pgMar')!.attrs).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1588', 'w:right': '1474' });
    // Text block 156 mm wide: 11906 − 1588 − 1474.
    expect(11906 - 1588 - 1474).toBeLessThanOrEqual(8845);
    expect(kid(d.settings, 'w:evenAndOddHeaders')).toBeDefined();
    expect(Object.keys(d.footers).sort()).toEqual(['default', 'even']);
  });

  it('prints "— n —" with a PAGE field in 4号宋体: odd pages right, one character in; even pages left, one character in', async () => {
    const d = await open(completeReport());
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const p = kid(d.footers[type], 'w:p')!;
      expect(prop(pPr(p), 'w:jc')).toBe(side);
      const ind = Number(kid(pPr(p), 'w:ind')!.attrs[`w:${side}`]);
      expect(ind).toBeGreaterThanOrEqual(280);
      expect(ind).toBeLessThanOrEqual(320);
      expect(all(p, 'w:instrText').map((x) => x.text.trim())).toEqual(['PAGE']);
      expect(all(p, 'w:fldChar').map((x) => x.attrs['w:fldCharType'])).toEqual(['begin', 'separate', 'end']);
      expect(paragraphText(p)).toBe('—  —'); // the number itself is the field
      expect(fontsOf(p).eastAsia).toBe('宋体');
      expect(fontsOf(p).ascii).toBe('宋体');
      expect(sizeOf(p)).toBe('28');
    }
  });
});

describe('exportDocx: typography per paragraph kind', () => {
  it('sets the title in 方正小标宋简体 2号, centred, broken into balanced lines between words', async () => {
    const d = await open(completeReport());
    const title = topParagraphs(d)[0];
    expect(styleOf(title)).toBe('Title');
    expect(prop(pPr(title), 'w:jc')).toBe('center');
    expect(fontsOf(title).eastAsia).toBe('方正小标宋简体');
    expect(sizeOf(title)).toBe('44');
    expect(paragraphText(title).split('\n')).toEqual(['某市某区某街道办事处2025年', '政府信息公开工作年度报告']);
  });

  it('keeps a short title on one line', async () => {
    const d = await open(completeReport({ title: '某县2025年政府信息公开工作年度报告' }));
    expect(paragraphText(topParagraphs(d)[0])).toBe('某县2025年政府信息公开工作年度报告');
  });

  it('sets the six level-1 headings in 黑体 3号 and level-2 in 楷体_GB2312', async () => {
    const r = completeReport();
    const d = await open(r);
    for (const key of ['s1', 's2', 's3', 's4', 's5', 's6'] as const) {
      const p = findParagraph(d, r.sections[key].heading);
      expect(styleOf(p)).toBe('Heading1');
      expect(fontsOf(p).eastAsia).toBe('黑体');
      expect(sizeOf(p)).toBe('32');
    }
    const h2 = findParagraph(d, '（一）主动公开情况');
    expect(styleOf(h2)).toBe('Heading2');
    expect(fontsOf(h2).eastAsia).toBe('楷体_GB2312');
    expect(sizeOf(h2)).toBe('32');
  });

  it('sets body text in 仿宋_GB2312 3号 with Times New Roman digits, justified, two-character indent, exact 29 pt lines', async () => {
    const r = completeReport();
    const d = await open(r);
    const p = findParagraph(d, r.preface[0].text);
    expect(fontsOf(p)).toEqual({ eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' });
    expect(sizeOf(p)).toBe('32');
    expect(prop(pPr(p), 'w:jc')).toBe('both');
    expect(kid(pPr(p), 'w:ind')!.attrs['w:firstLineChars']).toBe('200');
    expect(kid(pPr(p), 'w:spacing')!.attrs).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
  });

  it('sets level-3 "1." and level-4 "（1）" headings in 仿宋_GB2312', async () => {
    const r = completeReport();
    r.sections.s1.blocks.push(makeBlock('heading3', '1.网站建设'), makeBlock('heading4', '（1）栏目优化'));
    const d = await open(r);
    for (const [text, style] of [
      ['1.网站建设', 'Heading3'],
      ['（1）栏目优化', 'Heading4'],
    ]) {
      const p = findParagraph(d, text);
      expect(styleOf(p)).toBe(style);
      expect(fontsOf(p).eastAsia).toBe('仿宋_GB2312');
      expect(sizeOf(p)).toBe('32');
    }
  });

  it('redefines the built-in Title and Heading 1–6 styles in black (Word’s defaults are blue)', async () => {
    const d = await open(completeReport());
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6']) {
      const s = styleById(d.styles, id)!;
      expect(prop(kid(s, 'w:rPr'), 'w:color'), id).toBe('000000');
    }
    const rFonts = (id: string) => kid(kid(styleById(d.styles, id)!, 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia'];
    expect([rFonts('Title'), rFonts('Heading1'), rFonts('Heading2'), rFonts('Heading3')]).toEqual(['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312']);
  });

  it('swaps to the 方正 _GBK family with fontSet "gbk" and lists the fonts needed', async () => {
    const r = completeReport();
    const std = await exportDocx(r);
    const gbk = await exportDocx(r, { fontSet: 'gbk' });
    expect(std.fontsNeeded).toEqual(expect.arrayContaining(['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312', '宋体', 'Times New Roman']));
    expect(gbk.fontsNeeded).toEqual(expect.arrayContaining(['方正小标宋_GBK', '方正黑体_GBK', '方正楷体_GBK', '方正仿宋_GBK']));
    expect(gbk.fontsNeeded).not.toContain('仿宋_GB2312');
    const d = await openDocx(gbk.bytes);
    expect(fontsOf(topParagraphs(d)[0]).eastAsia).toBe('方正小标宋_GBK');
    expect(fontsOf(findParagraph(d, '一、总体情况')).eastAsia).toBe('方正黑体_GBK');
    expect(fontsOf(findParagraph(d, '（一）主动公开情况')).eastAsia).toBe('方正楷体_GBK');
    expect(fontsOf(findParagraph(d, r.preface[0].text)).eastAsia).toBe('方正仿宋_GBK');
    const xml = d.parts.get('word/document.xml')! + d.parts.get('word/styles.xml')!;
    for (const standard of ['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体', '"黑体"']) expect(xml).not.toContain(standard);
  });

  it('prints the 落款 after two empty lines: unit centred over the date, date right-aligned four characters in', async () => {
    const d = await open(completeReport());
    const ps = topParagraphs(d);
    const [gap1, gap2, unit, date] = ps.slice(-4);
    expect([paragraphText(gap1), paragraphText(gap2)]).toEqual(['', '']);
    expect(paragraphText(unit)).toBe('某市某区某街道办事处');
    expect(paragraphText(date)).toBe('2026年1月20日');
    expect(prop(pPr(date), 'w:jc')).toBe('right');
    expect(kid(pPr(date), 'w:ind')!.attrs['w:right']).toBe('1280');
    expect(prop(pPr(unit), 'w:jc')).toBe('right');
    // Centred over the date: the unit (10 characters) is wider than the date (4 characters + 5 half-width digits = 6.5),
    // so it sticks out by 1.75 characters on each side.
    expect(kid(pPr(unit), 'w:ind')!.attrs['w:right']).toBe(String(1280 - 1.75 * 320));
    expect(fontsOf(date).eastAsia).toBe('仿宋_GB2312');
  });

  it('prints no 落款 when neither unit nor date is set', async () => {
    const d = await open(completeReport({ signature: { unit: '', date: '' } }));
    const ps = topParagraphs(d);
    expect(paragraphText(ps[ps.length - 1])).toBe('本年度未收取政府信息公开信息处理费。');
  });
});

describe('exportDocx: the three tables', () => {
  it('places tables after their section heading and text, each on an exact grid of 4 / 10 / 15 columns within 156 mm', async () => {
    const r = completeReport();
    r.sections.s3.blocks.push(makeBlock('paragraph', '本年度依申请公开情况见下表。'));
    const d = await open(r);
    const blocks = bodyBlocks(d.body);
    const idx = (text: string) => blocks.findIndex((b) => b.name === 'w:p' && paragraphText(b) === text);
    const tblIdx = blocks.map((b, i) => (b.name === 'w:tbl' ? i : -1)).filter((i) => i >= 0);
    expect(tblIdx).toEqual([idx('二、主动公开政府信息情况') + 1, idx('本年度依申请公开情况见下表。') + 1, idx('四、政府信息公开行政复议、行政诉讼情况') + 1]);
    expect(idx('本年度依申请公开情况见下表。')).toBe(idx('三、收到和处理政府信息公开申请情况') + 1);

    const grids = tables(d).map((t) => kids(kid(t, 'w:tblGrid'), 'w:gridCol').map((c) => Number(c.attrs['w:w'])));
    expect(grids.map((g) => g.length)).toEqual([4, 10, 15]);
    for (const [i, g] of grids.entries()) {
      const sum = g.reduce((a, b) => a + b, 0);
      expect(sum).toBeLessThanOrEqual(8845);
      expect(sum).toBeGreaterThanOrEqual(8800);
      const t = tables(d)[i];
      expect(prop(kid(t, 'w:tblPr'), 'w:tblLayout', 'w:type')).toBe('fixed');
    }
    // Proportional to the template widths: table 三's wide label column is the widest.
    const t3 = grids[1];
    expect(t3.indexOf(Math.max(...t3))).toBe(2);
    expect(t3[2] / t3[3]).toBeCloseTo(36 / 8, 1);
    expect(new Set(grids[2]).size).toBeLessThanOrEqual(2); // 15 equal columns (±1 twip of rounding)
  });

  it('writes every merge exactly as the template grid (w:gridSpan, w:vMerge restart/continue)', async () => {
    const r = completeReport();
    const d = await open(r);
    const defs = ['t2', 't3', 't4'].map((id) => template.table.get(id)!);
    tables(d).forEach((tbl, i) => {
      const got = readGrid(tbl).map(({ row, col, colSpan, rowSpan, text }) => ({ row, col, colSpan, rowSpan, text }));
      const want = expectedGrid(defs[i], r.values).map(({ row, col, colSpan, rowSpan, text }) => ({ row, col, colSpan, rowSpan, text }));
      expect(got).toEqual(want);
    });
    const at = (t: number, text: string) => readGrid(tables(d)[t]).find((c) => c.text === text)!;
    expect(at(1, '申请人情况')).toMatchObject({ row: 0, col: 3, colSpan: 7, rowSpan: 1 });
    expect(at(1, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).toMatchObject({ row: 0, col: 0, colSpan: 3, rowSpan: 3 });
    expect(at(1, '法人或其他组织')).toMatchObject({ row: 1, col: 4, colSpan: 5 });
    expect(at(1, '自然人')).toMatchObject({ row: 1, col: 3, rowSpan: 2 });
    expect(at(1, '三、本年度办理结果')).toMatchObject({ row: 5, col: 0, rowSpan: 22 });
    expect(at(1, '（三）不予公开')).toMatchObject({ row: 7, col: 1, rowSpan: 8 });
    expect(at(2, '行政诉讼')).toMatchObject({ row: 0, col: 5, colSpan: 10 });
    expect(at(2, '行政复议')).toMatchObject({ row: 0, col: 0, colSpan: 5 });
    expect(at(2, '未经复议直接起诉')).toMatchObject({ row: 1, col: 5, colSpan: 5 });
    expect(at(0, '第二十条第（一）项')).toMatchObject({ row: 0, col: 0, colSpan: 4 });
  });

  it('repeats header rows on every page (tblHeader) and never splits a row (cantSplit)', async () => {
    const d = await open(completeReport());
    tables(d).forEach((tbl, i) => {
      const def = template.table.get(['t2', 't3', 't4'][i])!;
      kids(tbl, 'w:tr').forEach((tr, ri) => {
        const trPr = kid(tr, 'w:trPr');
        expect(kid(trPr, 'w:cantSplit'), `${def.id} row ${ri}`).toBeDefined();
        expect(kid(trPr, 'w:tblHeader') !== undefined, `${def.id} row ${ri}`).toBe(ri < def.headerRows);
      });
    });
  });

  it('keeps each table together with its heading when it fits a page (keep-with-next on every row but the last)', async () => {
    const d = await open(completeReport());
    const keepNext = (p: XNode) => {
      const own = prop(pPr(p), 'w:keepNext');
      if (own !== undefined) return own !== 'false' && own !== '0';
      return kid(kid(styleById(d.styles, styleOf(p)!)!, 'w:pPr'), 'w:keepNext') !== undefined;
    };
    for (const tbl of tables(d)) {
      const rows = kids(tbl, 'w:tr');
      rows.forEach((tr, ri) => {
        for (const p of all(tr, 'w:p')) expect(keepNext(p)).toBe(ri < rows.length - 1);
      });
    }
    const before = bodyBlocks(d.body)[bodyBlocks(d.body).indexOf(tables(d)[1]) - 1];
    expect(prop(pPr(before), 'w:keepNext')).toBe('');
  });

  it('centres numbers and header cells, left-aligns row labels, and centres every cell vertically', async () => {
    const d = await open(completeReport());
    const t3 = readGrid(tables(d)[1]);
    // Alignment as Word resolves it: the paragraph's own, else its style's.
    const jc = (c: { paragraphs: XNode[] }) => {
      const p = c.paragraphs[0];
      return prop(pPr(p), 'w:jc') ?? prop(kid(styleById(d.styles, styleOf(p)!)!, 'w:pPr'), 'w:jc');
    };
    expect(jc(t3.find((c) => c.text === '申请人情况')!)).toBe('center');
    expect(jc(t3.find((c) => c.text === '一、本年新收政府信息公开申请数量')!)).toBe('left');
    expect(jc(t3.find((c) => c.row === 3 && c.col === 3)!)).toBe('center');
    expect(jc(t3.find((c) => c.text === '1.属于国家秘密')!)).toBe('left');
    expect(jc(readGrid(tables(d)[0]).find((c) => c.text === '第二十条第（一）项')!)).toBe('center');
    for (const tc of all(tables(d)[1], 'w:tc')) expect(prop(kid(tc, 'w:tcPr'), 'w:vAlign')).toBe('center');
    // Table text: 宋体 小五 for 三 (10 columns), 五号 for 二; single line spacing.
    const style = (id: string) => styleById(d.styles, id)!;
    const t3Style = prop(pPr(t3[0].paragraphs[0]), 'w:pStyle')!;
    expect(prop(kid(style(t3Style), 'w:rPr'), 'w:sz')).toBe('18');
    expect(kid(kid(style(t3Style), 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia']).toBe('宋体');
    expect(kid(kid(style(t3Style), 'w:pPr'), 'w:spacing')!.attrs).toMatchObject({ 'w:line': '240', 'w:lineRule': 'auto' });
    const t2Style = prop(pPr(readGrid(tables(d)[0])[0].paragraphs[0]), 'w:pStyle')!;
    expect(prop(kid(style(t2Style), 'w:rPr'), 'w:sz')).toBe('21');
  });

  it('prints numbers exactly as the model holds them and leaves blank cells blank (never 0)', async () => {
    const r = completeReport();
    r.values['t3.r3_3_1_state_secret.research'] = null;
    delete r.values['t4.lit_direct.other'];
    r.values['t2.fees.amount_wanyuan'] = 24252.311082;
    const d = await open(r);
    const defs = ['t2', 't3', 't4'].map((id) => template.table.get(id)!);
    let blanks = 0;
    tables(d).forEach((tbl, i) => {
      const got = readGrid(tbl);
      for (const want of expectedGrid(defs[i], r.values).filter((c) => c.data)) {
        const cell = got.find((c) => c.row === want.row && c.col === want.col)!;
        expect(cell.text).toBe(want.text);
        if (want.text === '') {
          blanks++;
          expect(all(cell.paragraphs[0], 'w:t')).toHaveLength(0);
        }
      }
    });
    expect(blanks).toBe(2);
    const t2 = readGrid(tables(d)[0]);
    expect(t2.find((c) => c.row === 13 && c.col === 1)!.text).toBe('24252.311082');
    expect(t2.find((c) => c.row === 9 && c.col === 1)!.text).toBe('1472');
  });

  it('draws a 2019-format report from its own template grid (20-row merged block)', async () => {
    const t19 = getTemplate('gov-disclosure-2019');
    const r = completeReport({ templateId: t19.id, templateVersion: t19.version, values: {} });
    const d = await open(r);
    const t3 = t19.table.get('t3')!;
    const got = readGrid(tables(d)[1]).map(({ row, col, colSpan, rowSpan, text }) => ({ row, col, colSpan, rowSpan, text }));
    expect(got).toEqual(expectedGrid(t3, {}).map(({ row, col, colSpan, rowSpan, text }) => ({ row, col, colSpan, rowSpan, text })));
    expect(got.find((c) => c.text === '三、本年度办理结果')!.rowSpan).toBe(20);
  });
});

describe('exportDocx: text and bytes', () => {
  it('writes every paragraph of the report, in order, and reads back identically; empty paragraphs are not printed', async () => {
    const r = completeReport();
    r.preface.push(makeBlock('paragraph', ''), makeBlock('paragraph', '   '));
    r.sections.s2.blocks.push(makeBlock('paragraph', ''));
    r.sections.s5.blocks.splice(1, 0, makeBlock('heading3', ''));
    r.sections.s6.blocks.push(makeBlock('paragraph', '特殊字符 <a> & “引号” ’单引号’ 3.5%'));
    const d = await open(r);
    const got = topParagraphs(d).map(paragraphText);
    const lines = (blocks: Report['preface']) => blocks.map((b) => b.text).filter((t) => t.trim() !== '');
    const want = [
      '某市某区某街道办事处2025年\n政府信息公开工作年度报告',
      ...lines(r.preface),
      ...(['s1', 's2', 's3', 's4', 's5', 's6'] as const).flatMap((k) => [r.sections[k].heading, ...lines(r.sections[k].blocks)]),
      '',
      '',
      '某市某区某街道办事处',
      '2026年1月20日',
    ];
    expect(got).toEqual(want);
  });

  it('gives the same bytes for the same report, whatever the clock says', async () => {
    const r = completeReport();
    const a = await exportDocx(r);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-07-04T15:16:17Z'));
      const b = await exportDocx(r);
      expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const changed = await exportDocx({ ...r, values: { ...r.values, 't2.licensing.decisions': 157 } });
    expect(Buffer.from(changed.bytes).equals(Buffer.from(a.bytes))).toBe(false);
  });

  it('stamps fixed zip dates and document dates, [Content_Types].xml first', async () => {
    const bytes = (await exportDocx(completeReport())).bytes;
    const d = await openDocx(bytes);
    const names = Object.keys(d.zip.files);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    for (const f of Object.values(d.zip.files)) expect(f.date.getUTCFullYear()).toBe(1980);
    const core = d.parts.get('docProps/core.xml')!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-20T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dc:title>某市某区某街道办事处2025年政府信息公开工作年度报告</dc:title>');
  });

  it('drops characters XML cannot hold instead of writing a file Word refuses', async () => {
    const r = completeReport();
    r.sections.s6.blocks = [makeBlock('paragraph', '本年度\u0001未收取\u000b信息处理费。')];
    const d = await open(r);
    expect(topParagraphs(d).map(paragraphText)).toContain('本年度未收取信息处理费。');
  });

  it('prints each line of a multi-line block as its own paragraph, without hand-typed indents (the format indents)', async () => {
    const r = completeReport();
    r.sections.s6.blocks = [makeBlock('paragraph', '　　第一段。\n\n  第二段。  ')];
    const d = await open(r);
    const got = topParagraphs(d).map(paragraphText);
    const i = got.indexOf('六、其他需要报告的事项');
    expect(got.slice(i + 1, i + 3)).toEqual(['第一段。', '第二段。']);
  });
});
