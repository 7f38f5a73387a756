import { describe, expect, it } from 'vitest';
import {
  dropProblem,
  insertBlock,
  moveBlock,
  placeUnplaced,
  removeBlock,
  reviewMention,
  setBlockText,
  setCells,
  splitBlock,
} from '../../../renderer/src/editor/report-edits';
import { makeBlock } from '../../../electron/core/model/new-report';
import { ReportSchema } from '../../../electron/core/model/report';
import { completeReport } from '../../fixtures/reports';

// Pure edits the editor applies: each returns a valid report (or the same one when nothing changes).

describe('report edits', () => {
  it('editing a carried-over block clears its stale mark', () => {
    const r = completeReport();
    const b = { ...r.sections.s6.blocks[0], stale: true };
    const withStale = { ...r, sections: { ...r.sections, s6: { ...r.sections.s6, blocks: [b] } } };
    const next = setBlockText(withStale, 's6', b.id, '新文字');
    expect(next.sections.s6.blocks[0]).toEqual({ id: b.id, type: 'paragraph', text: '新文字' });
    expect(ReportSchema.safeParse(next).success).toBe(true);
  });

  it('splits, inserts, moves and removes blocks', () => {
    const r = completeReport();
    const id = r.sections.s6.blocks[0].id;
    const text = r.sections.s6.blocks[0].text;
    const split = splitBlock(r, 's6', id, 3);
    expect(split.report.sections.s6.blocks.map((b) => b.text)).toEqual([text.slice(0, 3), text.slice(3)]);
    const moved = moveBlock(split.report, 's6', split.id, -1);
    expect(moved.sections.s6.blocks[0].id).toBe(split.id);
    expect(moveBlock(moved, 's6', split.id, -1)).toBe(moved);
    const ins = insertBlock(moved, 's6', null, 'heading2', '（一）');
    expect(ins.report.sections.s6.blocks[0].text).toBe('（一）');
    expect(removeBlock(ins.report, 's6', ins.id).sections.s6.blocks).toEqual(moved.sections.s6.blocks);
  });

  it('writing cells recomputes totals, forgets imported raw text, and blank is not 0', () => {
    const r = { ...completeReport(), rawValues: { 't3.r1_new.natural': '17件' } };
    const next = setCells(r, { 't3.r1_new.natural': null });
    expect(next.values['t3.r1_new.natural']).toBeUndefined();
    expect(next.values['t3.r1_new.total']).toBe(4);
    expect(next.rawValues).toEqual({});
    expect(setCells(next, { 't3.r1_new.natural': null })).toBe(next);
  });

  it('places unplaced content, reviews year mentions and ticks off last year’s problems', () => {
    const extra = makeBlock('paragraph', '附：联系方式');
    const r = {
      ...completeReport(),
      unplaced: [extra],
      yearMentions: [{ path: 'preface', quote: '2025年', reviewed: false }],
      baseline: { year: 2024, values: {}, problems: ['问题一', '问题二'] },
    };
    const placed = placeUnplaced(r, extra.id, 's6');
    expect(placed.unplaced).toEqual([]);
    expect(placed.sections.s6.blocks.at(-1)).toEqual(extra);
    expect(reviewMention(r, 0).yearMentions[0].reviewed).toBe(true);
    expect(dropProblem(r, 0).baseline?.problems).toEqual(['问题二']);
  });
});
