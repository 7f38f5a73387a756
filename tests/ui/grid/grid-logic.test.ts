import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../electron/core/template/registry';
import { issuesByCell, lastYearHints } from '../../../renderer/src/grid/grid-cells';
import { parseClipboardBlock, parseEntry } from '../../../renderer/src/grid/grid-entry';
import { gridGeometry, moveHorizontal, moveInOrder, moveVertical, pasteTargets, rectangle } from '../../../renderer/src/grid/grid-geometry';
import { paginate, type Measure } from '../../../renderer/src/preview/paginate';
import { completeReport } from '../../fixtures/reports';

// The pure parts behind TableGrid and PrintPreview: grid geometry, entry parsing, hints, pagination.

const t = getTemplate();

describe('grid geometry', () => {
  it('places every template cell on the 10 × 28 grid of 表三 with its merges', () => {
    const g = gridGeometry(t.table.get('t3')!);
    expect(g.columns).toBe(10);
    expect(g.rows).toHaveLength(28);
    expect(g.order).toHaveLength(175);
    expect(g.dataRows).toHaveLength(25);
    for (const row of g.occupancy) expect(row.every(Boolean)).toBe(true); // no holes
    expect(g.position.get('t3.r3_3_1_state_secret.natural')).toMatchObject({ row: 7, col: 3 });
    expect(g.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  });

  it('moves vertically through label rows and horizontally within a row', () => {
    const g3 = gridGeometry(t.table.get('t3')!);
    expect(moveVertical(g3, 't3.r2_carry_in.other', 'down')).toBe('t3.r3_1_open.other');
    expect(moveVertical(g3, 't3.r1_new.natural', 'up')).toBeNull();
    expect(moveHorizontal(g3, 't3.r1_new.natural', 'left')).toBeNull();
    expect(moveInOrder(g3, 't3.r1_new.total', 1)).toBe('t3.r2_carry_in.natural');
    const g2 = gridGeometry(t.table.get('t2')!);
    expect(moveVertical(g2, 't2.normative.repealed', 'down')).toBe('t2.licensing.decisions');
    expect(moveVertical(g2, 't2.licensing.decisions', 'up', 3)).toBe('t2.normative.valid');
    expect(moveVertical(g2, 't2.fees.amount_wanyuan', 'down')).toBeNull();
  });

  it('maps a pasted block onto data rows and counts what falls outside', () => {
    const g3 = gridGeometry(t.table.get('t3')!);
    const { targets, outside } = pasteTargets(g3, 't3.r4_carry_out.legal_service', [['1', '2', '3', '4'], ['5']]);
    expect(targets.map((x) => x.path)).toEqual(['t3.r4_carry_out.legal_service', 't3.r4_carry_out.other', 't3.r4_carry_out.total']);
    expect(outside).toBe(2);
    expect(rectangle(g3, 't3.r1_new.total', 't3.r2_carry_in.other')).toEqual([
      ['t3.r1_new.other', 't3.r1_new.total'],
      ['t3.r2_carry_in.other', 't3.r2_carry_in.total'],
    ]);
  });
});

describe('cell entry', () => {
  it('parses typed and pasted values the way a clerk writes them', () => {
    expect(parseEntry('１２', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseEntry(' 1,234 ', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseEntry('/', 'count')).toEqual({ ok: true, value: null });
    expect(parseEntry('', 'count')).toEqual({ ok: true, value: null });
    expect(parseEntry('12件', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseEntry('abc', 'count')).toEqual({ ok: false, message: '请输入数字（没有的填 0）' });
    expect(parseEntry('12个左右', 'count').ok).toBe(false);
    expect(parseEntry('1.5', 'count').ok).toBe(false);
    expect(parseEntry('-1', 'count').ok).toBe(false);
    expect(parseEntry('0.000001', 'amount')).toEqual({ ok: true, value: 0.000001 });
    expect(parseEntry('0.0000001', 'amount').ok).toBe(false);
    expect(parseEntry('2950元', 'amount')).toEqual({ ok: true, value: 0.295 });
  });

  it('splits Excel / WPS clipboard text into rows and cells', () => {
    expect(parseClipboardBlock('1\t2\r\n3\t4\r\n')).toEqual([['1', '2'], ['3', '4']]);
    expect(parseClipboardBlock('1\t\t3\n')).toEqual([['1', '', '3']]);
    expect(parseClipboardBlock('"5"')).toEqual([['5']]);
    expect(parseClipboardBlock('')).toEqual([]);
  });
});

describe('hints and issues', () => {
  it("hints last year's carry-out and stock; merges issues per cell", () => {
    const prev = completeReport().values;
    const hints = lastYearHints(t, 't3', prev);
    expect(hints['t3.r2_carry_in.natural']).toBe('上年结转下年：2');
    expect(Object.keys(hints)).toHaveLength(7);
    expect(lastYearHints(t, 't2', prev)['t2.normative.valid']).toBe('上年现行有效：12');
    const m = issuesByCell(
      [
        { rule: 'S1', severity: 'warning', message: 'w', cells: ['t3.r2_carry_in.natural'] },
        { rule: 'H1', severity: 'error', message: 'e', cells: ['t3.r2_carry_in.natural', 'sections.s1'] },
      ],
      't3',
    );
    expect(m.get('t3.r2_carry_in.natural')).toEqual({ severity: 'error', text: 'w；e' });
    expect(m.size).toBe(1);
  });
});

describe('paginate', () => {
  const line = 10;
  const para = (lines: number): Measure => ({ kind: 'lines', lines, lineHeight: line });
  const block = (height: number, keepWithNext = false): Measure => ({ kind: 'block', height, keepWithNext });

  it('splits paragraphs between lines keeping two lines on each side', () => {
    const pages = paginate([para(7), para(5)], () => 100);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toEqual([
      { index: 0, kind: 'lines', from: 0, to: 7, lines: 7 },
      { index: 1, kind: 'lines', from: 0, to: 3, lines: 5 },
    ]);
    expect(pages[1]).toEqual([{ index: 1, kind: 'lines', from: 3, to: 5, lines: 5 }]);
    // 9 lines used, a 3-line paragraph cannot leave 2 + 2: it moves whole.
    expect(paginate([para(9), para(3)], () => 100)[1]).toEqual([{ index: 1, kind: 'lines', from: 0, to: 3, lines: 3 }]);
  });

  it('keeps a heading with the start of what follows', () => {
    const pages = paginate([para(8), block(10, true), para(4)], () => 100);
    expect(pages[0]).toHaveLength(1);
    expect(pages[1][0]).toEqual({ index: 1, kind: 'block' });
  });

  it('moves a table that fits a page whole; splits a longer one between rows repeating the header', () => {
    const small: Measure = { kind: 'table', header: 20, rows: [10, 10, 10], repeatHeader: true, keepTogether: true };
    expect(paginate([para(6), small], () => 100)[1]).toEqual([{ index: 1, kind: 'table', from: 0, to: 3, header: true }]);
    const tall: Measure = { kind: 'table', header: 20, rows: Array(12).fill(10), repeatHeader: true, keepTogether: true };
    const pages = paginate([para(3), tall], () => 100);
    expect(pages[0][1]).toEqual({ index: 1, kind: 'table', from: 0, to: 5, header: true });
    expect(pages[1][0]).toEqual({ index: 1, kind: 'table', from: 5, to: 12, header: true });
    for (const page of pages) expect(page.length).toBeGreaterThan(0);
  });

  it('keeps the last lines of text with the signature', () => {
    const pages = paginate([{ kind: 'lines', lines: 8, lineHeight: line, keepWithNext: true }, block(40)], () => 100);
    expect(pages[0]).toEqual([{ index: 0, kind: 'lines', from: 0, to: 6, lines: 8 }]);
    expect(pages[1][0]).toEqual({ index: 0, kind: 'lines', from: 6, to: 8, lines: 8 });
  });
});
