import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../../electron/core/docx/export-docx';
import { importBytes } from '../../../../electron/core/import/import-bytes';
import { guessUnitLevel } from '../../../../electron/core/import/recognise-meta';
import { createBlankReport, defaultTitle, makeBlock } from '../../../../electron/core/model/new-report';
import type { Block, BlockType, Report } from '../../../../electron/core/model/report';
import { getTemplate } from '../../../../electron/core/template/registry';
import { completeReport } from '../../../fixtures/reports';

// Any report the app exports imports back identical: unit, year, title, preface, headings and blocks
// (type + text), every value (blanks stay blank, the fee keeps its decimals) and the 落款.

const template = getTemplate();
const WORDS = ['持续', '深化', '推进', '完善', '制度', '平台', '建设', '培训', '考核', '群众', '满意度', '专栏', '更新', '及时', '质量', '提升', '社区', '服务', '便民', '网站', '发布', '会议', '材料', '目录', '机制', '渠道', '意见', '反馈', '落实', '责任'];
const PLACES = ['东城', '西湖', '南山', '北塘', '青山', '白沙', '盐都', '桂花', '洪泽', '沭阳'];
const SUFFIX = ['街道办事处', '镇人民政府', '区人民政府', '县发展和改革局', '市生态环境局', '县政务服务中心', '区统计局'];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(''));
const sentence = fc.tuple(words(3, 12), fc.constantFrom('。', '；并取得成效。', '，效果良好。')).map(([a, b]) => a + b);
const unitName = fc.tuple(fc.constantFrom(...PLACES), fc.constantFrom(...PLACES), fc.constantFrom(...SUFFIX)).map(([a, b, c]) => `${a}${b}${c}`);

const blockArb: fc.Arbitrary<{ type: BlockType; text: string }> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 8 }), words(2, 6)).map(([n, w]) => ({ type: 'heading2' as const, text: `（${CN[n]}）${w}` })),
  fc.tuple(fc.integer({ min: 1, max: 9 }), words(2, 6)).map(([n, w]) => ({ type: 'heading3' as const, text: `${n}.${w}` })),
  fc.tuple(fc.integer({ min: 1, max: 9 }), words(2, 6)).map(([n, w]) => ({ type: 'heading4' as const, text: `（${n}）${w}` })),
  sentence.map((text) => ({ type: 'paragraph' as const, text })),
);
const blocksArb = (max: number) => fc.array(blockArb, { maxLength: max }).map((bs) => bs.map((b): Block => makeBlock(b.type, b.text)));

const cellArb = (kind: string) =>
  kind === 'amount'
    ? fc.option(fc.integer({ min: 0, max: 99_999_999_999 }).map((n) => n / 1e6), { nil: null, freq: 5 })
    : fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null, freq: 6 });
const valuesArb = fc.record(Object.fromEntries(template.cellPaths.map((p) => [p, cellArb(template.cellKind.get(p)!)]))) as fc.Arbitrary<Report['values']>;

const dateArb = fc.tuple(fc.integer({ min: 2019, max: 2031 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const reportArb: fc.Arbitrary<Report> = fc
  .record({
    unit: unitName,
    year: fc.integer({ min: 2019, max: 2030 }),
    customTitle: fc.boolean(),
    preface: fc.array(sentence, { maxLength: 3 }),
    s: fc.tuple(blocksArb(6), blocksArb(2), blocksArb(2), blocksArb(2), blocksArb(6), blocksArb(3)),
    values: valuesArb,
    signature: fc.oneof(fc.constant({ unit: '', date: '' }), fc.record({ unit: unitName, date: dateArb }), dateArb.map((date) => ({ unit: '', date }))),
  })
  .map((g) => {
    const r = createBlankReport({ unitName: g.unit, level: guessUnitLevel(g.unit).level, year: g.year });
    const keys = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;
    keys.forEach((k, i) => (r.sections[k] = { heading: r.sections[k].heading, blocks: g.s[i] }));
    return {
      ...r,
      title: g.customTitle ? `${g.unit}${g.year}年度政府信息公开工作报告` : defaultTitle(g.unit, g.year),
      preface: g.preface.map((t) => makeBlock('paragraph', t)),
      values: Object.fromEntries(Object.entries(g.values).filter(([, v]) => v !== null)),
      signature: g.signature,
    };
  });

const shape = (blocks: Block[]) => blocks.filter((b) => b.text.trim()).map((b) => [b.type, b.text]);

async function roundTrip(report: Report): Promise<void> {
  const { bytes } = await exportDocx(report);
  const { report: back, format } = await importBytes(bytes, 'export.docx');
  expect(format).toBe('gov-disclosure-2021');
  expect(back.unit.name).toBe(report.unit.name);
  expect(back.unit.level).toBe(report.unit.level);
  expect(back.year).toBe(report.year);
  expect(back.title).toBe(report.title);
  expect(shape(back.preface)).toEqual(shape(report.preface));
  for (const k of ['s1', 's2', 's3', 's4', 's5', 's6'] as const) {
    expect(back.sections[k].heading).toBe(report.sections[k].heading);
    expect(shape(back.sections[k].blocks)).toEqual(shape(report.sections[k].blocks));
  }
  expect(back.values).toEqual(report.values);
  expect(back.signature).toEqual(report.signature);
  expect(back.unplaced).toEqual([]);
}

describe('export → import round trip', () => {
  it('the complete fixture report', async () => {
    await roundTrip(completeReport());
  });

  it('random reports (blocks of all four types, blanks, fee decimals, 落款 variants)', async () => {
    await fc.assert(fc.asyncProperty(reportArb, roundTrip), { numRuns: 40, seed: 20250120 });
  });
});
