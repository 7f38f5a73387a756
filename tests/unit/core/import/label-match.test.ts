import { describe, expect, it } from 'vitest';
import { chineseNumber, editDistance, matchLabel, normaliseLabel, prepareCandidates, splitLabel } from '../../../../electron/core/import/label-match';
import { getTemplate } from '../../../../electron/core/template/registry';
import { looksLikeValue } from '../../../../electron/core/import/value-text';

const t3 = getTemplate('gov-disclosure-2021').table.get('t3')!;
const rows = prepareCandidates(t3.rows.map((r) => ({ key: r.key, labels: [r.label, ...(r.aliases ?? [])] })));
const t2 = getTemplate('gov-disclosure-2021').table.get('t2')!;
const t2rows = prepareCandidates(t2.rows.map((r) => ({ key: r.key, labels: [r.label, ...(r.aliases ?? [])] })));

describe('normaliseLabel', () => {
  it('makes full- and half-width brackets, digits and punctuation the same', () => {
    expect(normaliseLabel('（一）予以公开')).toBe(normaliseLabel('(一) 予以公开'));
    expect(normaliseLabel('１．属于国家秘密')).toBe('1.属于国家秘密');
    expect(normaliseLabel('第二十条第（一）项')).toBe(normaliseLabel('第二十条第(一)项'));
  });
  it('drops stray spaces, also inside words', () => {
    expect(normaliseLabel('结果 维持')).toBe('结果维持');
    expect(normaliseLabel(' 2. 其他法律行政法规禁止公开\u3000')).toBe('2.其他法律行政法规禁止公开');
  });
  it('reads "1、" and "1．" as "1." and "一." / "一，" as "一、"', () => {
    expect(normaliseLabel('1、信访举报投诉类申请')).toBe('1.信访举报投诉类申请');
    expect(normaliseLabel('一.本年新收政府信息公开申请数量')).toBe(normaliseLabel('一、本年新收政府信息公开申请数量'));
    expect(normaliseLabel('一，本年新收政府信息公开申请数量')).toBe(normaliseLabel('一、本年新收政府信息公开申请数量'));
  });
  it('ignores the kind of quotes', () => {
    expect(normaliseLabel('3.危及"三安全一稳定"')).toBe(normaliseLabel('3.危及“三安全一稳定”'));
    expect(normaliseLabel("3.危及'三安全一稳定'")).toBe(normaliseLabel('3.危及「三安全一稳定」'));
  });
  it('splits numbering from words', () => {
    expect(splitLabel(normaliseLabel('（三）不予公开'))).toEqual({ prefix: '(三)', body: '不予公开' });
    expect(splitLabel(normaliseLabel('3.其他'))).toEqual({ prefix: '3.', body: '其他' });
    expect(splitLabel('其他')).toEqual({ prefix: '', body: '其他' });
  });
});

describe('matchLabel', () => {
  it('matches exact labels in any width and spacing as exact', () => {
    const m = matchLabel('(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)', rows)!;
    expect(m.key).toBe('r3_2_partial');
    expect(m.exact).toBe(true);
    expect(matchLabel('1、本机关不掌握相关政府信息', rows)).toMatchObject({ key: 'r3_4_1_not_held', exact: true });
  });
  it('matches a label with a missing or misspelt character, and says it guessed', () => {
    const m = matchLabel('2.其他法律行政止公开', rows)!;
    expect(m.key).toBe('r3_3_2_law_prohibited');
    expect(m.exact).toBe(false);
    expect(m.reason).toContain('不同');
    expect(matchLabel('4.保护第三方合法权意', rows)?.key).toBe('r3_3_4_third_party');
    expect(matchLabel('7.属于行政执法卷宗', rows)?.key).toBe('r3_3_7_enforcement_file');
  });
  it('never takes "3.其他" for another row numbered 3 or a short word for a long one', () => {
    expect(matchLabel('3.其他', rows)?.key).toBe('r3_6_3_other');
    expect(matchLabel('3. 其他', rows)?.exact).toBe(true);
    expect(matchLabel('2.其他', rows)).toBeUndefined();
    expect(matchLabel('其他', rows)?.key).toBe('r3_6_3_other');
  });
  it('accepts "规范性文件" for "行政规范性文件" as a known variant', () => {
    const m = matchLabel('规范性文件', t2rows)!;
    expect(m.key).toBe('normative');
    expect(m.exact).toBe(false);
    expect(m.alias).toBe(true);
  });
  it('accepts a label printed without its bracketed note', () => {
    expect(matchLabel('（二）部分公开', rows)).toMatchObject({ key: 'r3_2_partial', alias: true });
  });
  it('finds a label that ends a cell holding its parent label too (PDF copies)', () => {
    expect(matchLabel('（三）4.保护第三方合法权益', rows, { allowSuffix: true })?.key).toBe('r3_3_4_third_party');
    expect(matchLabel('（三）4.保护第三方合法权益', rows)?.key).not.toBe('r3_3_1_state_secret');
  });
  it('gives nothing for unrelated text or when two labels are equally close', () => {
    expect(matchLabel('其他主动公开文件', t2rows)).toBeUndefined();
    expect(matchLabel('', rows)).toBeUndefined();
    expect(matchLabel('x'.repeat(400), rows)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('editDistance gives up beyond its limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
  it('reads Chinese numbers', () => {
    expect(chineseNumber('二〇二五')).toBe(2025);
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('二十')).toBe(20);
    expect(chineseNumber('三十一')).toBe(31);
    expect(chineseNumber('abc')).toBeNaN();
  });
  it('tells value cells from label cells', () => {
    for (const v of ['0', '12', '', '/', '／', '—', '-', '无', '22（其中修订16件）', '55(含自然失效29件)', '251000元', '24252.311082', '１２', '1,234', '3件']) expect(looksLikeValue(v), v).toBe(true);
    for (const l of ['1.属于国家秘密', '规章', '2024年', '（一）予以公开', '总计', '3.其他']) expect(looksLikeValue(l), l).toBe(false);
  });
});
