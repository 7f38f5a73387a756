import { describe, expect, it } from 'vitest';
import { formatCellValue, parseCellText } from '../../../../electron/core/model/cell-text';

describe('parseCellText', () => {
  it('reads plain, full-width and spaced numbers', () => {
    expect(parseCellText('17')).toEqual({ value: 17 });
    expect(parseCellText('１２')).toEqual({ value: 12 });
    expect(parseCellText(' 1 472 ')).toEqual({ value: 1472 });
    expect(parseCellText('1,472')).toEqual({ value: 1472 });
    expect(parseCellText('3件')).toEqual({ value: 3 });
  });
  it('keeps "/" and blank cells blank, never 0', () => {
    expect(parseCellText('/')).toEqual({ value: null, note: '/' });
    expect(parseCellText('／')).toEqual({ value: null, note: '/' });
    expect(parseCellText('')).toEqual({ value: null });
    expect(parseCellText('—')).toEqual({ value: null, note: '—' });
  });
  it('keeps notes written in number cells', () => {
    expect(parseCellText('22（其中修订16件）')).toEqual({ value: 22, note: '其中修订16件' });
    expect(parseCellText('55(含自然失效29件)')).toEqual({ value: 55, note: '含自然失效29件' });
  });
  it('converts 元 to 万元 in amount cells and keeps 6 decimals', () => {
    expect(parseCellText('251000元', 'amount')).toMatchObject({ value: 25.1 });
    expect(parseCellText('24252.311082', 'amount')).toEqual({ value: 24252.311082 });
    expect(parseCellText('0.38万元', 'amount')).toEqual({ value: 0.38 });
  });
  it('refuses words', () => {
    expect(parseCellText('abc').problem).toContain('不是数字');
    expect(parseCellText('abc').value).toBeNull();
  });
  it('formats values without float noise', () => {
    expect(formatCellValue(0.1 + 0.2)).toBe('0.3');
    expect(formatCellValue(null)).toBe('');
    expect(formatCellValue(0)).toBe('0');
  });
});
