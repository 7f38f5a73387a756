import { describe, expect, it } from 'vitest';
import { ImportError, type DocBlock, type DocContent, type DocTable } from '../../../../electron/core/import/doc-content';
import { recogniseReport } from '../../../../electron/core/import/recognise';
import { guessUnitLevel, parseDateText, parseTitle } from '../../../../electron/core/import/recognise-meta';
import { formatCellValue } from '../../../../electron/core/model/cell-text';
import { check } from '../../../../electron/core/rules/check';
import { getTemplate } from '../../../../electron/core/template/registry';
import { textToContent } from '../../../../electron/core/text/text-to-content';
import { gridTable, para, printed, reportContent, rowsTable, tableAsTabText } from '../../../fixtures/import/build';
import { completeReport } from '../../../fixtures/reports';

const T21 = 'gov-disclosure-2021';
const base = completeReport();
const texts = (blocks: Array<{ type: string; text: string }>) => blocks.map((b) => [b.type, b.text]);
const logText = (log: Array<{ message: string }>) => log.map((e) => e.message).join('\n');

describe('recogniseReport on a well-formed report', () => {
  it('puts every heading, block, value and the 落款 where it belongs', () => {
    const r = recogniseReport(reportContent(base));
    expect(r.format).toBe(T21);
    expect(r.report.unit).toEqual(base.unit);
    expect(r.report.year).toBe(2025);
    expect(r.report.title).toBe(base.title);
    expect(texts(r.report.preface)).toEqual(texts(base.preface));
    for (const k of ['s1', 's2', 's3', 's4', 's5', 's6'] as const) {
      expect(r.report.sections[k].heading).toBe(base.sections[k].heading);
      expect(texts(r.report.sections[k].blocks)).toEqual(texts(base.sections[k].blocks));
    }
    expect(r.report.values).toEqual(base.values);
    expect(r.report.signature).toEqual(base.signature);
    expect(r.report.unplaced).toEqual([]);
    expect(check(r.report).filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.log.filter((e) => e.kind === 'unplaced')).toEqual([]);
  });

  it('reads the same report copied from a web page as tab-separated text', () => {
    const c = reportContent(base);
    const text = c.blocks.map((b) => (b.kind === 'table' ? tableAsTabText(b) : b.text)).join('\n\n');
    const r = recogniseReport(textToContent(text));
    expect(r.report.values).toEqual(base.values);
    expect(r.report.signature).toEqual(base.signature);
    expect(r.report.unplaced).toEqual([]);
  });

  it('merges table 二 printed as four small tables and table 三 split by a page break', () => {
    const c = reportContent(base);
    const blocks: DocBlock[] = [];
    for (const b of c.blocks) {
      if (b.kind !== 'table') {
        blocks.push(b);
        continue;
      }
      // Split every table into fragments of at most 5 rows (a page break; table 二's four blocks).
      for (let start = 0; start < b.rowCount; start += 5) {
        const cells = b.cells.filter((x) => x.row >= start && x.row < start + 5).map((x) => ({ ...x, row: x.row - start, rowSpan: Math.min(x.rowSpan, start + 5 - x.row) }));
        const frag: DocTable = { kind: 'table', rowCount: Math.min(5, b.rowCount - start), colCount: b.colCount, cells };
        blocks.push(frag, para(''));
      }
    }
    const r = recogniseReport({ blocks, notes: [] });
    expect(r.report.values).toEqual(base.values);
    expect(r.report.unplaced).toEqual([]);
  });
});

describe('§7 variants', () => {
  const withCells = (override: (path: string) => string | undefined, relabel?: (l: string) => string) =>
    recogniseReport(reportContent(base, { cellText: (p) => override(p) ?? printed(base.values)(p), relabel }));

  it('#2 blank 法人或其他组织 columns stay blank, never 0', () => {
    const r = withCells((p) => (/^t3\..*\.(commercial|research|public_welfare|legal_service|other)$/.test(p) ? '' : undefined));
    expect(r.report.values['t3.r1_new.commercial']).toBeUndefined();
    expect(r.report.values['t3.r1_new.total']).toBe(21);
    expect(logText(r.log)).toMatch(/表三有 125 个单元格为空白/);
    expect(check(r.report).some((i) => i.rule === 'H6')).toBe(true);
  });

  it('#3 "/" cells become blank with the "/" kept as the original text', () => {
    const r = withCells((p) => (p.startsWith('t2.rules.') ? '/' : undefined));
    expect(r.report.values['t2.rules.issued']).toBeUndefined();
    expect(r.report.rawValues['t2.rules.issued']).toBe('/');
    expect(logText(r.log)).toContain('表二有 3 个单元格填的是“/”');
    expect(check(r.report).find((i) => i.rule === 'H6')?.message).toContain('“/”');
  });

  it('#1 totals left 0 are imported as printed and reported', () => {
    const r = withCells((p) => (p === 't4.review.total' ? '0' : undefined));
    expect(r.report.values['t4.review.total']).toBe(0);
    expect(r.log.some((e) => e.kind === 'warning' && e.message.includes('原表格数字不一致') && e.message.includes('表四'))).toBe(true);
  });

  it('#4 "规范性文件" for "行政规范性文件"', () => {
    const r = withCells(() => undefined, (l) => (l === '行政规范性文件' ? '规范性文件' : l));
    expect(r.report.values['t2.normative.valid']).toBe(12);
    expect(r.log.some((e) => e.kind === 'recognised' && e.message.includes('“规范性文件”是“行政规范性文件”'))).toBe(true);
  });

  it('#6 typos and stray spaces in row labels are matched and logged as guesses', () => {
    const r = withCells(
      () => undefined,
      (l) => (l === '2.其他法律行政法规禁止公开' ? '2.其他法律行政止公开' : l === '3.危及“三安全一稳定”' ? '3. 危及 "三安全一稳定"' : l),
    );
    expect(r.report.values).toEqual(base.values);
    const g = r.log.find((e) => e.kind === 'guessed' && e.message.includes('其他法律行政止公开'));
    expect(g?.path).toBe('t3.r3_3_2_law_prohibited');
  });

  it('#8 "1、" numbering', () => {
    const r = withCells(() => undefined, (l) => l.replace(/^(\d)\./, '$1、'));
    expect(r.report.values).toEqual(base.values);
    expect(r.log.filter((e) => e.kind === 'guessed' && e.path?.startsWith('t3.'))).toEqual([]);
  });

  it('#7 "（六）其他处理" printed as one row under the 2021 format goes to 3.其他 with a guess', () => {
    const c = reportContent(base);
    const values = { ...base.values };
    const t3 = gridTable('gov-disclosure-2019', 't3', (p) => formatCellValue(p.startsWith('t3.r3_6_other.') ? (values[p.replace('r3_6_other', 'r3_6_1_no_correction')] ?? 0) : values[p]));
    const blocks = c.blocks.map((b) => (b.kind === 'table' && b.rowCount === 28 ? t3 : b));
    const r = recogniseReport({ blocks, notes: [] });
    expect(r.format).toBe(T21);
    expect(r.report.values['t3.r3_6_3_other.commercial']).toBe(1);
    expect(r.report.values['t3.r3_6_1_no_correction.commercial']).toBeUndefined();
    expect(r.log.some((e) => e.kind === 'guessed' && e.path === 't3.r3_6_3_other' && e.message.includes('只印了一行'))).toBe(true);
  });

  it('#14 notes inside number cells: the number is kept, the note stays in rawValues and is logged', () => {
    const r = withCells((p) => (p === 't2.normative.valid' ? '22（其中修订16件）' : undefined));
    expect(r.report.values['t2.normative.valid']).toBe(22);
    expect(r.report.rawValues['t2.normative.valid']).toBe('22（其中修订16件）');
    expect(r.log.find((e) => e.path === 't2.normative.valid')?.kind).toBe('warning');
  });

  it('#15 "元" in the fee cell is converted to 万元; long decimals are cut to 6 places', () => {
    const r = withCells((p) => (p === 't2.fees.amount_wanyuan' ? '251000元' : undefined));
    expect(r.report.values['t2.fees.amount_wanyuan']).toBe(25.1);
    expect(r.report.rawValues['t2.fees.amount_wanyuan']).toBe('251000元');
    expect(logText(r.log)).toContain('万元');
    const r2 = withCells((p) => (p === 't2.fees.amount_wanyuan' ? '24252.3110825' : undefined));
    expect(r2.report.values['t2.fees.amount_wanyuan']).toBe(24252.311083);
    expect(r2.report.rawValues['t2.fees.amount_wanyuan']).toBe('24252.3110825');
    const r3 = withCells((p) => (p === 't2.fees.amount_wanyuan' ? '5949.088667' : undefined));
    expect(r3.report.values['t2.fees.amount_wanyuan']).toBe(5949.088667);
    expect(r3.report.rawValues['t2.fees.amount_wanyuan']).toBeUndefined();
  });

  it('#10 template guidance text is removed with a log entry', () => {
    const r = recogniseReport(
      reportContent(base, {
        extra: {
          s3: [para('编写说明：可先适当综述。要注意数据间的逻辑关系：第一项加第二项之和，等于第三项加第四项之和。')],
          s6: [para('（文字描述，收取信息处理费情况在此处报告。）')],
        },
      }),
    );
    expect(JSON.stringify(r.report)).not.toContain('编写说明');
    expect(JSON.stringify(r.report)).not.toContain('文字描述');
    expect(r.log.filter((e) => e.message.startsWith('删除了模板')).length).toBe(2);
  });

  it('#11 an extra row is not dropped: it lands in 未识别内容', () => {
    const c = reportContent(base);
    const t2 = c.blocks.find((b): b is DocTable => b.kind === 'table')!;
    t2.cells.push({ text: '其他主动公开文件', row: t2.rowCount, col: 0, rowSpan: 1, colSpan: 1 }, { text: '35', row: t2.rowCount, col: 1, rowSpan: 1, colSpan: 3 });
    t2.rowCount++;
    const r = recogniseReport(c);
    expect(r.report.unplaced.map((b) => b.text).join('\n')).toContain('其他主动公开文件\t35');
    expect(r.log.some((e) => e.kind === 'unplaced' && e.message.includes('其他主动公开文件'))).toBe(true);
    expect(r.report.values).toEqual(base.values);
  });

  it('#9 tables printed with labels but no numbers: the cells stay blank and the clerk is told', () => {
    const r = withCells(() => '');
    expect(r.report.values).toEqual({});
    expect(r.format).toBe(T21);
    expect(logText(r.log)).toMatch(/表三有 175 个单元格为空白/);
    expect(r.report.unplaced).toEqual([]);
  });

  it('#19 a scope note printed as the last row of table 四 is kept in 未识别内容; a note under it stays in the text', () => {
    const c = reportContent(base, { extra: {} });
    const t4 = c.blocks.filter((b): b is DocTable => b.kind === 'table')[2];
    t4.cells.push({ text: '注：行政复议、行政诉讼数量含上年度结转数量', row: t4.rowCount, col: 0, rowSpan: 1, colSpan: 15 });
    t4.rowCount++;
    const i = c.blocks.indexOf(t4);
    c.blocks.splice(i + 1, 0, para('行政复议数量含上年度结转数量。'));
    const r = recogniseReport(c);
    expect(r.report.values).toEqual(base.values);
    expect(r.report.unplaced.map((b) => b.text)).toEqual(['注：行政复议、行政诉讼数量含上年度结转数量']);
    expect(r.report.sections.s4.blocks.map((b) => b.text)).toEqual(['行政复议数量含上年度结转数量。']);
  });

  it('#5 heading variants and numbering styles are recognised', () => {
    const variants: Record<string, string> = {
      '一、总体情况': '一.总体情况',
      '二、主动公开政府信息情况': '二，主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况': '## 三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况': '四、政府信息公开行政法复议、行政诉讼情况',
      '五、存在的主要问题及改进情况': '五、存在的主要问题及整改措施',
      '六、其他需要报告的事项': '六 其他需要报告的事项',
    };
    const c = reportContent(base);
    for (const b of c.blocks) if (b.kind === 'paragraph' && variants[b.text]) b.text = variants[b.text];
    const r = recogniseReport(c);
    for (const k of ['s1', 's2', 's3', 's4', 's5', 's6'] as const) expect(texts(r.report.sections[k].blocks)).toEqual(texts(base.sections[k].blocks));
    expect(r.report.sections.s5.heading).toBe('五、存在的主要问题及改进情况');
    expect(r.log.find((e) => e.path === 'sections.s4')?.kind).toBe('guessed');
    expect(r.log.find((e) => e.path === 'sections.s5')?.message).toContain('另一种写法');
  });

  it('a heading numbered by another numbering system is found by its words', () => {
    const c = reportContent(base);
    for (const b of c.blocks) if (b.kind === 'paragraph' && b.text === '三、收到和处理政府信息公开申请情况') b.text = '二、收到和处理政府信息公开申请情况';
    const r = recogniseReport(c);
    expect(r.log.find((e) => e.path === 'sections.s3')?.message).toContain('编号');
    expect(r.report.values).toEqual(base.values);
  });
});

describe('text inside sections', () => {
  const content = (blocks: DocBlock[]): DocContent => ({ blocks: [para('某县人民政府2024年政府信息公开工作年度报告', { centered: true }), para('一、总体情况'), ...blocks, para('六、其他需要报告的事项'), para('无。')], notes: [] });

  it('types sub-headings by their numbering, keeps sentences as paragraphs', () => {
    const r = recogniseReport(
      content([
        para('(一) 主动公开情况'),
        para('1.政策解读'),
        para('（1）解读材料'),
        para('(一) 2024年，盐都街道政务信息公开工作虽然取得了一定的成效，但还存在一些不足。'),
        para('1.5万人次浏览了专栏。'),
        para('一是主动公开的及时性有待提高。'),
        para('加强培训', { bold: true }),
      ]),
    );
    expect(texts(r.report.sections.s1.blocks)).toEqual([
      ['heading2', '（一）主动公开情况'],
      ['heading3', '1.政策解读'],
      ['heading4', '（1）解读材料'],
      ['paragraph', '(一) 2024年，盐都街道政务信息公开工作虽然取得了一定的成效，但还存在一些不足。'],
      ['paragraph', '1.5万人次浏览了专栏。'],
      ['paragraph', '一是主动公开的及时性有待提高。'],
      ['paragraph', '加强培训'],
    ]);
  });

  it('uses heading styles relative to the section headings when the source has them', () => {
    const r = recogniseReport({
      blocks: [para('某局2024年政府信息公开工作年度报告', { headingLevel: 1 }), para('一、总体情况', { headingLevel: 2 }), para('主动公开', { headingLevel: 3 }), para('专栏建设', { headingLevel: 4 }), para('正文。')],
      notes: [],
    });
    expect(texts(r.report.sections.s1.blocks)).toEqual([
      ['heading2', '主动公开'],
      ['heading3', '专栏建设'],
      ['paragraph', '正文。'],
    ]);
  });

  it('keeps portal chrome and text before the title out of the report text, in 未识别内容', () => {
    const r = recogniseReport({
      blocks: [para('首页 > 政务公开 > 年报'), para('某县人民政府2024年政府信息公开工作年度报告', { centered: true }), para('发布时间：2025-01-20 来源：县政府办'), para('本报告依据条例编制。'), para('一、总体情况'), para('正文。')],
      notes: [],
    });
    expect(r.report.preface.map((b) => b.text)).toEqual(['本报告依据条例编制。']);
    expect(r.report.unplaced.map((b) => b.text)).toEqual(['首页 > 政务公开 > 年报', '发布时间：2025-01-20 来源：县政府办']);
    expect(r.report.unit).toEqual({ name: '某县人民政府', level: 'county_gov' });
  });

  it('finds the 落款 in its variants', () => {
    const end = (lines: string[]) => recogniseReport({ blocks: [para('一、总体情况'), para('正文。'), ...lines.map((l) => para(l))], notes: [] }).report.signature;
    expect(end(['某县发展和改革局', '2025年1月20日'])).toEqual({ unit: '某县发展和改革局', date: '2025-01-20' });
    expect(end(['某县发展和改革局', '2025-01-20'])).toEqual({ unit: '某县发展和改革局', date: '2025-01-20' });
    expect(end(['某县发展和改革局 2025年1月20日'])).toEqual({ unit: '某县发展和改革局', date: '2025-01-20' });
    expect(end(['二〇二五年一月二十日'])).toEqual({ unit: '', date: '2025-01-20' });
    expect(end(['本年度未收取信息处理费。'])).toEqual({ unit: '', date: '' });
  });

  it('refuses a document that is not a report', () => {
    const run = () => recogniseReport({ blocks: [para('会议通知'), para('请各单位于周五前报送材料。'), rowsTable([['姓名', '电话'], ['张三', '123']])], notes: [] });
    expect(run).toThrow(ImportError);
    try {
      run();
    } catch (e) {
      expect((e as ImportError).code).toBe('not-a-report');
      expect((e as ImportError).message).toMatch(/^没有在文件中找到年报的章节或表格/);
    }
  });

  it('puts a table that is not a report table in 未识别内容 as tab-separated lines', () => {
    const r = recogniseReport({ blocks: [para('一、总体情况'), rowsTable([['姓名', '电话'], ['张三', '123']]), para('正文。')], notes: [] });
    expect(r.report.unplaced.map((b) => b.text)).toEqual(['姓名\t电话\n张三\t123']);
  });
});

describe('title, unit and year', () => {
  it('reads unit and year from title variants', () => {
    expect(parseTitle('叶县盐都街道办事处 2024 年政府信息公开工作年度 报告')).toEqual({ unit: '叶县盐都街道办事处', year: 2024 });
    expect(parseTitle('2024年某市生态环境局政府信息公开工作年度报告')).toEqual({ unit: '某市生态环境局', year: 2024 });
    expect(parseTitle('某县人民政府关于2023年度政府信息公开工作年度报告')).toEqual({ unit: '某县人民政府', year: 2023 });
    expect(parseTitle('二〇二三年政府信息公开工作年度报告')).toEqual({ unit: undefined, year: 2023 });
  });
  it('guesses the unit level from the name', () => {
    expect(guessUnitLevel('叶县盐都街道办事处').level).toBe('township');
    expect(guessUnitLevel('某县某某镇人民政府').level).toBe('township');
    expect(guessUnitLevel('某某乡').level).toBe('township');
    expect(guessUnitLevel('沭阳县人民政府').level).toBe('county_gov');
    expect(guessUnitLevel('某市某区人民政府').level).toBe('county_gov');
    expect(guessUnitLevel('宿迁市人民政府').level).toBe('city_gov');
    expect(guessUnitLevel('江苏省人民政府').level).toBe('province_gov');
    expect(guessUnitLevel('沭阳县发展和改革局').level).toBe('department');
    expect(guessUnitLevel('上海市科学技术委员会').level).toBe('department');
    expect(guessUnitLevel('某县乡村振兴局').level).toBe('department');
    expect(guessUnitLevel('某县政务服务中心').level).toBe('department');
    expect(guessUnitLevel('某某').level).toBe('other');
  });
  it('parses 落款 dates', () => {
    expect(parseDateText('2025年1月20日')).toBe('2025-01-20');
    expect(parseDateText('2025 年 1 月 20 日')).toBe('2025-01-20');
    expect(parseDateText('2025.1.5')).toBe('2025-01-05');
    expect(parseDateText('二〇二五年十二月三十一日')).toBe('2025-12-31');
    expect(parseDateText('2025年2月30日')).toBeUndefined();
    expect(parseDateText('全年共2025件')).toBeUndefined();
  });
  it('falls back to the statistical period, the options and the file name, and logs the guess', () => {
    const r = recogniseReport({ blocks: [para('政府信息公开工作年度报告', { centered: true }), para('本报告统计期限自2023年1月1日起至2023年12月31日止。'), para('一、总体情况'), para('正文。')], notes: [] }, { unitName: '某县统计局' });
    expect(r.report.year).toBe(2023);
    expect(r.report.unit.name).toBe('某县统计局');
    expect(r.log.find((e) => e.path === 'year')?.kind).toBe('guessed');
    const f = recogniseReport({ blocks: [para('一、总体情况'), para('正文。')], notes: [] }, { fileName: '某县统计局2022年政府信息公开工作年度报告.docx' });
    expect(f.report.year).toBe(2022);
    expect(f.report.unit.name).toBe('某县统计局');
    expect(f.report.title).toBe('某县统计局2022年政府信息公开工作年度报告');
    expect(f.log.find((e) => e.path === 'title')?.kind).toBe('guessed');
  });
  it('joins a title printed over two lines', () => {
    const r = recogniseReport({ blocks: [para('某市某区某街道办事处', { centered: true }), para('2025年政府信息公开工作年度报告', { centered: true }), para('一、总体情况'), para('正文。')], notes: [] });
    expect(r.report.title).toBe('某市某区某街道办事处2025年政府信息公开工作年度报告');
    expect(r.report.unplaced).toEqual([]);
  });
});

describe('tables without sections', () => {
  it('a document of tables only is still a report', () => {
    const t = getTemplate(T21);
    const r = recogniseReport({ blocks: [gridTable(T21, 't3', printed(base.values)), gridTable(T21, 't4', printed(base.values))], notes: [] });
    const t3 = Object.fromEntries(Object.entries(base.values).filter(([k]) => k.startsWith('t3.') || k.startsWith('t4.')));
    expect(r.report.values).toEqual(t3);
    expect(t.sections.length).toBe(6);
    expect(r.log.filter((e) => e.message.startsWith('没有找到章节')).length).toBe(6);
  });
  it('the 15 numbers of table 四 printed with blanks keep their blanks; fewer numbers are placed from the left with a guess', () => {
    const head = [['行政复议', '', '', '', '', '行政诉讼'], ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉']];
    const r = recogniseReport({ blocks: [para('四、政府信息公开行政复议、行政诉讼情况'), rowsTable([...head, ['1', '', '0', '1', '2', '0', '0', '0', '0', '0', '1', '0', '0', '0', '1']])], notes: [] });
    expect(r.report.values['t4.review.corrected']).toBeUndefined();
    expect(r.report.values['t4.lit_after.total']).toBe(1);
    const short = recogniseReport({ blocks: [para('四、政府信息公开行政复议、行政诉讼情况'), rowsTable([...head, ['1', '0', '0', '1', '2']])], notes: [] });
    expect(short.report.values['t4.review.total']).toBe(2);
    expect(short.report.values['t4.lit_after.total']).toBeUndefined();
    expect(short.log.some((e) => e.kind === 'guessed' && e.message.includes('只有 5 个数'))).toBe(true);
  });
  it('a PDF row of table 三 with only 自然人 and 总计 printed is read as those two columns', () => {
    const r = recogniseReport({ blocks: [para('三、收到和处理政府信息公开申请情况'), rowsTable([['一、本年新收政府信息公开申请数量', '5', '5']])], notes: [] });
    expect(r.report.values['t3.r1_new.natural']).toBe(5);
    expect(r.report.values['t3.r1_new.total']).toBe(5);
    expect(r.report.values['t3.r1_new.commercial']).toBeUndefined();
    expect(r.log.some((e) => e.kind === 'guessed' && e.message.includes('自然人'))).toBe(true);
  });
});
