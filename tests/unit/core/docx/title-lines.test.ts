import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitTitle, titleWidth, TITLE_LINE_CHARS } from '../../../../electron/core/docx/title-lines';

// Title line breaking: whole words, balanced lines, nothing lost.

describe('splitTitle', () => {
  it('keeps a title that fits one line of 2号 on 156 mm as one line', () => {
    expect(splitTitle('某县2025年政府信息公开工作年度报告')).toEqual(['某县2025年政府信息公开工作年度报告']);
  });

  it('breaks a long title into balanced lines after natural word boundaries', () => {
    expect(splitTitle('某市某区某街道办事处2025年政府信息公开工作年度报告')).toEqual(['某市某区某街道办事处2025年', '政府信息公开工作年度报告']);
    expect(splitTitle('2024年宿迁市人民政府政府信息公开工作年度报告')).toEqual(['2024年宿迁市人民政府', '政府信息公开工作年度报告']);
    expect(splitTitle('中华人民共和国国家市场监督管理总局2025年政府信息公开工作年度报告')).toEqual([
      '中华人民共和国国家市场监督管理总局',
      '2025年政府信息公开工作年度报告',
    ]);
  });

  it('uses three lines for a very long unit name, breaking after unit-name endings', () => {
    const lines = splitTitle('某某省某某自治州某某县某某乡镇人民政府和某某街道办事处联合2025年政府信息公开工作年度报告');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('2025年政府信息公开工作年度报告');
    for (const l of lines) expect(titleWidth(l)).toBeLessThanOrEqual(TITLE_LINE_CHARS);
  });

  const segment = fc.constantFrom('某', '市', '区', '县', '街道', '办事处', '人民政府', '办公室', '发展和改革', '委员会', '市场监督管理局', '自然资源和规划局', '乡镇', '（', '）');
  const unitName = fc.array(segment, { minLength: 1, maxLength: 14 }).map((a) => a.join(''));
  const year = fc.integer({ min: 2008, max: 2100 }).map((y) => `${y}年`);

  it('never loses text, never splits the year or "政府信息公开工作年度报告", and keeps lines within the text block when it can', () => {
    fc.assert(
      fc.property(unitName, year, fc.boolean(), (unit, y, yearFirst) => {
        const title = yearFirst ? `${y}${unit}政府信息公开工作年度报告` : `${unit}${y}政府信息公开工作年度报告`;
        const lines = splitTitle(title);
        expect(lines.join('')).toBe(title);
        if (titleWidth(title) <= TITLE_LINE_CHARS) expect(lines).toHaveLength(1);
        const joinedWithBreaks = lines.join('|');
        expect(joinedWithBreaks).toContain('政府信息公开工作年度报告');
        expect(joinedWithBreaks).toContain(y);
        lines.forEach((l, i) => {
          expect(titleWidth(l)).toBeLessThanOrEqual(TITLE_LINE_CHARS);
          // A break never leaves a closing bracket at a line start or an opening one at a line end.
          if (i > 0) expect(l.startsWith('）')).toBe(false);
          if (i < lines.length - 1) expect(l.endsWith('（')).toBe(false);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('balances the lines of a two-line title (lengths differ by at most a few characters when a balanced break exists)', () => {
    const lines = splitTitle('上海市人民政府办公厅2024年政府信息公开工作年度报告');
    expect(lines).toEqual(['上海市人民政府办公厅2024年', '政府信息公开工作年度报告']);
    expect(Math.abs(titleWidth(lines[0]) - titleWidth(lines[1]))).toBeLessThanOrEqual(2);
  });
});
