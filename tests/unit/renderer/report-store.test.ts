import { describe, expect, it } from 'vitest';
import { ReportStore } from '../../../renderer/src/editor/report-store';
import { setBlockText, setCells } from '../../../renderer/src/editor/report-edits';
import { completeReport } from '../../fixtures/reports';

// The editor's store: one undo history across text and cells, typing bursts coalesced, derived data kept identical.

describe('ReportStore', () => {
  it('coalesces a typing burst in one block into one undo step; a cell edit is its own step', () => {
    const r = completeReport();
    const s = new ReportStore(r);
    const id = r.sections.s6.blocks[0].id;
    for (const t of ['本', '本年', '本年度']) s.edit((x) => setBlockText(x, 's6', id, t), `text:${id}`);
    s.edit((x) => setCells(x, { 't2.rules.issued': 5 }));
    expect(s.report.values['t2.rules.issued']).toBe(5);
    s.undo();
    expect(s.report.values['t2.rules.issued']).toBe(0);
    expect(s.report.sections.s6.blocks[0].text).toBe('本年度');
    s.undo();
    expect(s.report).toBe(r);
    expect(s.canUndo).toBe(false);
    s.redo();
    expect(s.report.sections.s6.blocks[0].text).toBe('本年度');
    s.redo();
    expect(s.report.values['t2.rules.issued']).toBe(5);
    expect(s.canRedo).toBe(false);
  });

  it('breakBurst starts a new step for the same block', () => {
    const r = completeReport();
    const s = new ReportStore(r);
    const id = r.sections.s6.blocks[0].id;
    s.edit((x) => setBlockText(x, 's6', id, 'a'), `text:${id}`);
    s.breakBurst();
    s.edit((x) => setBlockText(x, 's6', id, 'ab'), `text:${id}`);
    s.undo();
    expect(s.report.sections.s6.blocks[0].text).toBe('a');
  });

  it('an edit that changes nothing adds no step and notifies nobody', () => {
    const s = new ReportStore(completeReport());
    let calls = 0;
    s.subscribe(() => calls++);
    s.edit((x) => setCells(x, { 't2.rules.issued': 0 }));
    expect(calls).toBe(0);
    expect(s.canUndo).toBe(false);
  });

  it('keeps issue lists and table values identical while their content is unchanged', () => {
    const s = new ReportStore(completeReport());
    const t2 = s.tableValues('t2');
    const t3 = s.tableValues('t3');
    const issues = s.issues();
    const id = s.report.sections.s1.blocks[1].id;
    s.edit((x) => setBlockText(x, 's1', id, `${x.sections.s1.blocks[1].text}。`), `text:${id}`);
    expect(s.tableValues('t2')).toBe(t2);
    expect(s.issues()).toBe(issues);
    s.edit((x) => setCells(x, { 't3.r1_new.natural': 18 }));
    expect(s.tableValues('t2')).toBe(t2);
    expect(s.tableValues('t3')).not.toBe(t3);
    expect(s.tableValues('t3')['t3.r1_new.total']).toBe(22);
    expect(s.issues().byTable.t3?.some((i) => i.rule === 'H1')).toBe(true);
    expect(s.issues().byTable.t2).toBeUndefined();
    expect(s.issues().byArea.s3?.errors).toBeGreaterThan(0);
  });
});
