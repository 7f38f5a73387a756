import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridPageState } from './grid-page';
import { SHOTS_DIR, startGridHarness, type GridHarness } from './grid-harness';

// TableGrid in real Chromium: navigation over merged labels, Excel-style typing, paste/copy, totals, issues, ARIA.

let h: GridHarness;

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  h = await startGridHarness();
});

afterAll(async () => {
  await h?.close();
});

const sel = (path: string) => `[data-cell="${path}"]`;
const state = (page: Page) => page.evaluate(() => (window as unknown as { __state: GridPageState }).__state);
const focused = (page: Page) => page.evaluate(() => (document.activeElement?.closest('[data-cell]') as HTMLElement | null)?.dataset.cell ?? null);
const text = (page: Page, path: string) => page.locator(`${sel(path)} .tg-value`).textContent();

async function focusCell(page: Page, path: string) {
  await page.click(sel(path));
  await expect.poll(() => focused(page)).toBe(path);
}

async function press(page: Page, keys: string[]) {
  for (const k of keys) await page.keyboard.press(k);
}

describe('TableGrid 表三', () => {
  let page: Page;
  beforeAll(async () => {
    page = await h.open('?table=t3');
  });

  it('draws the official table with ARIA grid roles, names and a roving tab stop', async () => {
    await expect.poll(() => page.locator('[role="grid"]').count()).toBe(1);
    await expect.poll(() => page.locator('[role="grid"]').getAttribute('aria-label')).toContain('表三');
    await expect.poll(() => page.locator('[role="row"]').count()).toBe(28);
    await expect.poll(() => page.locator('[role="gridcell"]').count()).toBe(25 * 7);
    await expect.poll(() => page.locator('[role="columnheader"]').count()).toBe(10);
    await expect.poll(() => page.locator('[role="rowheader"]').count()).toBeGreaterThanOrEqual(25);
    const merged = page.locator('th', { hasText: '三、本年度办理结果' });
    await expect.poll(() => merged.getAttribute('rowspan')).toBe('22');
    await expect.poll(() => merged.getAttribute('role')).toBe('rowheader');
    const label = await page.locator(sel('t3.r3_3_1_state_secret.commercial')).getAttribute('aria-label');
    expect(label).toContain('（三）不予公开');
    expect(label).toContain('1.属于国家秘密');
    expect(label).toContain('商业企业');
    await expect.poll(() => page.locator('[role="gridcell"][tabindex="0"]').count()).toBe(1);
    await expect.poll(() => page.locator(sel('t3.r1_new.total')).getAttribute('aria-readonly')).toBe('true');
    await expect.poll(() => page.locator(sel('t3.r3_7_total.natural')).getAttribute('aria-readonly')).toBe('true');
    await expect.poll(() => page.locator(sel('t3.r1_new.natural')).getAttribute('aria-readonly')).toBeNull();
    await page.locator('.tg-wrap').screenshot({ path: path.join(SHOTS_DIR, 'grid-t3.png') });
  });

  it('moves with arrows, Tab, Enter and Home/End across merged label areas', async () => {
    await focusCell(page, 't3.r1_new.natural');
    await press(page, ['ArrowUp']);
    await expect.poll(() => focused(page)).toBe('t3.r1_new.natural');
    await press(page, ['ArrowLeft']);
    await expect.poll(() => focused(page)).toBe('t3.r1_new.natural');
    await press(page, ['ArrowDown']);
    await expect.poll(() => focused(page)).toBe('t3.r2_carry_in.natural');
    await press(page, ['ArrowDown']); // past the 22-row label "三、本年度办理结果"
    await expect.poll(() => focused(page)).toBe('t3.r3_1_open.natural');
    await press(page, ['ArrowDown', 'ArrowDown']); // into the （三）不予公开 block
    await expect.poll(() => focused(page)).toBe('t3.r3_3_1_state_secret.natural');
    await press(page, ['ArrowRight']);
    await expect.poll(() => focused(page)).toBe('t3.r3_3_1_state_secret.commercial');
    await press(page, ['End']);
    await expect.poll(() => focused(page)).toBe('t3.r3_3_1_state_secret.total');
    await press(page, ['ArrowRight']);
    await expect.poll(() => focused(page)).toBe('t3.r3_3_1_state_secret.total');
    await press(page, ['Tab']); // wraps to the next row
    await expect.poll(() => focused(page)).toBe('t3.r3_3_2_law_prohibited.natural');
    await press(page, ['Shift+Tab']);
    await expect.poll(() => focused(page)).toBe('t3.r3_3_1_state_secret.total');
    await press(page, ['Home']);
    await expect.poll(() => focused(page)).toBe('t3.r3_3_1_state_secret.natural');
    await press(page, ['Enter']);
    await expect.poll(() => focused(page)).toBe('t3.r3_3_2_law_prohibited.natural');
    await press(page, ['Shift+Enter']);
    await expect.poll(() => focused(page)).toBe('t3.r3_3_1_state_secret.natural');
    await focusCell(page, 't3.r3_6_3_other.natural');
    await press(page, ['ArrowDown']);
    await expect.poll(() => focused(page)).toBe('t3.r3_7_total.natural'); // computed, still focusable
    await press(page, ['ArrowDown']);
    await expect.poll(() => focused(page)).toBe('t3.r4_carry_out.natural');
    await press(page, ['Control+Home']);
    await expect.poll(() => focused(page)).toBe('t3.r1_new.natural');
    await press(page, ['Control+End']);
    await expect.poll(() => focused(page)).toBe('t3.r4_carry_out.total');
    await expect.poll(() => page.locator('[role="gridcell"][tabindex="0"]').count()).toBe(1);
    await press(page, ['Tab']); // the last cell lets focus leave the grid
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('after');
    await press(page, ['Shift+Tab']); // and comes back to the active cell
    await expect.poll(() => focused(page)).toBe('t3.r4_carry_out.total');
  });

  it('typing a digit replaces the content; Enter commits once and moves down; totals recompute', async () => {
    const before = (await state(page)).patches.length;
    await focusCell(page, 't3.r1_new.natural');
    await page.keyboard.type('25');
    await expect.poll(() => page.locator(`${sel('t3.r1_new.natural')} input`).inputValue()).toBe('25');
    await press(page, ['Enter']);
    const s = await state(page);
    expect(s.patches.length).toBe(before + 1);
    expect(s.patches.at(-1)).toEqual({ 't3.r1_new.natural': 25 });
    expect(s.values['t3.r1_new.natural']).toBe(25);
    expect(s.values['t3.r1_new.total']).toBe(29);
    await expect.poll(() => text(page, 't3.r1_new.total')).toBe('29');
    await expect.poll(() => focused(page)).toBe('t3.r2_carry_in.natural');
  });

  it('the open cell belongs to a form of its own (no autofill scan of the page), which Enter never submits', async () => {
    const before = (await state(page)).patches.length;
    await focusCell(page, 't3.r1_new.commercial');
    await page.keyboard.type('4');
    const owner = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.form?.elements.length ?? -1);
    await expect.poll(owner).toBe(1);
    const url = page.url();
    await press(page, ['Enter']);
    await expect.poll(() => focused(page)).toBe('t3.r2_carry_in.commercial');
    expect(page.url()).toBe(url);
    const s = await state(page);
    expect(s.patches.slice(before)).toEqual([{ 't3.r1_new.commercial': 4 }]);
    // back to the fixture's value
    await focusCell(page, 't3.r1_new.commercial');
    await page.keyboard.type('3');
    await press(page, ['Enter']);
    await expect.poll(() => text(page, 't3.r1_new.commercial')).toBe('3');
  });

  it('Escape cancels an edit; F2 edits keeping the content', async () => {
    const before = (await state(page)).patches.length;
    await focusCell(page, 't3.r1_new.natural');
    await page.keyboard.type('9');
    await press(page, ['Escape']);
    await expect.poll(() => text(page, 't3.r1_new.natural')).toBe('25');
    await expect.poll(() => focused(page)).toBe('t3.r1_new.natural');
    await press(page, ['F2']);
    await expect.poll(() => page.locator(`${sel('t3.r1_new.natural')} input`).inputValue()).toBe('25');
    await page.keyboard.type('0');
    await press(page, ['Tab']);
    const s = await state(page);
    expect(s.patches.length).toBe(before + 1);
    expect(s.values['t3.r1_new.natural']).toBe(250);
    await expect.poll(() => focused(page)).toBe('t3.r1_new.commercial');
    // a double-click edits too, keeping the content
    await page.dblclick(sel('t3.r1_new.natural'));
    await expect.poll(() => page.locator(`${sel('t3.r1_new.natural')} input`).inputValue()).toBe('250');
    await press(page, ['Escape']);
    // back to the fixture's value
    await focusCell(page, 't3.r1_new.natural');
    await page.keyboard.type('17');
    await press(page, ['Enter']);
    expect((await state(page)).values['t3.r1_new.natural']).toBe(17);
  });

  it('Delete clears to blank (null, not 0) in one call', async () => {
    await focusCell(page, 't3.r3_4_1_not_held.natural');
    await press(page, ['Delete']);
    const s = await state(page);
    expect(s.patches.at(-1)).toEqual({ 't3.r3_4_1_not_held.natural': null });
    expect(s.values['t3.r3_4_1_not_held.natural']).toBeNull();
    await expect.poll(() => text(page, 't3.r3_4_1_not_held.natural')).toBe('');
    expect(s.values['t3.r3_4_1_not_held.total']).toBe(1);
    await focusCell(page, 't3.r3_4_1_not_held.legal_service');
    await press(page, ['Backspace']);
    expect((await state(page)).patches.at(-1)).toEqual({ 't3.r3_4_1_not_held.legal_service': null });
    await page.keyboard.type('1');
    await press(page, ['Enter']);
  });

  it('accepts full-width digits', async () => {
    await focusCell(page, 't3.r3_4_1_not_held.natural');
    await press(page, ['F2']);
    await page.keyboard.insertText('４');
    await press(page, ['Enter']);
    expect((await state(page)).values['t3.r3_4_1_not_held.natural']).toBe(4);
    await focusCell(page, 't3.r3_4_2_needs_creation.natural');
    await page.keyboard.type('1');
    await page.keyboard.insertText('２');
    await press(page, ['Enter']);
    expect((await state(page)).values['t3.r3_4_2_needs_creation.natural']).toBe(12);
    await focusCell(page, 't3.r3_4_2_needs_creation.natural');
    await page.keyboard.type('0');
    await press(page, ['Enter']);
  });

  it('refuses letters, decimals and negatives inline and keeps the previous value', async () => {
    const before = (await state(page)).patches.length;
    await focusCell(page, 't3.r3_1_open.natural');
    await page.keyboard.type('abc');
    await press(page, ['Enter']);
    const bubble = page.locator(`${sel('t3.r3_1_open.natural')} [role="alert"]`);
    await expect.poll(() => bubble.textContent()).toBe('请输入数字（没有的填 0）');
    await expect.poll(() => bubble.isVisible()).toBe(true);
    await expect.poll(() => page.locator(`${sel('t3.r3_1_open.natural')} input`).count()).toBe(1); // still editing
    await page.locator('.tg-wrap').screenshot({ path: path.join(SHOTS_DIR, 'grid-t3-refused.png') });
    await press(page, ['Escape']);
    await expect.poll(() => bubble.count()).toBe(0);
    await expect.poll(() => text(page, 't3.r3_1_open.natural')).toBe('9');
    await page.keyboard.type('1.5');
    await press(page, ['Enter']);
    await expect.poll(() => bubble.textContent()).toContain('整数');
    await press(page, ['Escape']);
    await page.keyboard.type('-3');
    await press(page, ['Enter']);
    await expect.poll(() => bubble.textContent()).toContain('负数');
    await press(page, ['Escape']);
    // leaving the cell with a bad value reverts it
    await page.keyboard.type('x');
    await page.click(sel('t3.r3_1_open.commercial'));
    await expect.poll(() => text(page, 't3.r3_1_open.natural')).toBe('9');
    await expect.poll(() => bubble.textContent()).toBe('请输入数字（没有的填 0）');
    const s = await state(page);
    expect(s.patches.length).toBe(before);
    expect(s.values['t3.r3_1_open.natural']).toBe(9);
  });

  it('keeps computed totals read-only (grey, focusable, refuses typing and Delete)', async () => {
    const before = (await state(page)).patches.length;
    await focusCell(page, 't3.r1_new.total');
    const bg = await page.locator(sel('t3.r1_new.total')).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(236, 239, 243)');
    await page.keyboard.type('5');
    await expect.poll(() => page.locator(`${sel('t3.r1_new.total')} input`).count()).toBe(0);
    await expect.poll(() => page.locator(`${sel('t3.r1_new.total')} [role="alert"]`).textContent()).toContain('自动计算');
    await press(page, ['Delete']);
    await page.dblclick(sel('t3.r1_new.total'));
    await expect.poll(() => page.locator(`${sel('t3.r1_new.total')} input`).count()).toBe(0);
    expect((await state(page)).patches.length).toBe(before);
  });

  it('pastes a 3×4 block from Excel in one onChange call; totals recomputed', async () => {
    const before = (await state(page)).patches.length;
    await focusCell(page, 't3.r3_3_1_state_secret.natural');
    await page.evaluate(() => navigator.clipboard.writeText('1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t10\t11\t12\r\n'));
    await press(page, ['Control+V']);
    const s = await state(page);
    expect(s.patches.length).toBe(before + 1);
    const patch = s.patches.at(-1)!;
    expect(Object.keys(patch)).toHaveLength(12);
    expect(patch['t3.r3_3_1_state_secret.natural']).toBe(1);
    expect(patch['t3.r3_3_1_state_secret.public_welfare']).toBe(4);
    expect(patch['t3.r3_3_3_three_safety.public_welfare']).toBe(12);
    expect(s.values['t3.r3_3_1_state_secret.total']).toBe(10);
    expect(s.values['t3.r3_3_3_three_safety.total']).toBe(42);
    await expect.poll(() => text(page, 't3.r3_3_2_law_prohibited.total')).toBe('26');
    expect(s.values['t3.r3_7_total.natural']).toBe(17 - 1 + 1 + 5 + 9);
    await expect.poll(() => page.locator('.tg-status').textContent()).toContain('已粘贴 12 个单元格');
    await page.locator('.tg-wrap').screenshot({ path: path.join(SHOTS_DIR, 'grid-t3-pasted.png') });
  });

  it('pastes full-width digits, skips totals, counts values outside the table, refuses a bad block whole', async () => {
    await focusCell(page, 't3.r3_3_1_state_secret.natural');
    await page.evaluate(() => navigator.clipboard.writeText('０\t０\t０\t０\n0\t0\t0\t0\n0\t0\t1\t0\n'));
    await press(page, ['Control+V']);
    let s = await state(page);
    expect(s.values['t3.r3_3_1_state_secret.natural']).toBe(0);
    expect(s.values['t3.r3_3_3_three_safety.natural']).toBe(0);
    expect(s.values['t3.r3_3_3_three_safety.research']).toBe(1);

    await focusCell(page, 't3.r4_carry_out.other');
    await page.evaluate(() => navigator.clipboard.writeText('0\t99\t7\n1\t1\t1'));
    await press(page, ['Control+V']);
    s = await state(page);
    expect(s.patches.at(-1)).toEqual({ 't3.r4_carry_out.other': 0 });
    const status = await page.locator('.tg-status').textContent();
    expect(status).toContain('有 4 个值超出表格范围，未粘贴');
    expect(status).toContain('1 个值落在自动计算的总计上');

    const before = s.patches.length;
    await focusCell(page, 't3.r3_5_1_petition.natural');
    await page.evaluate(() => navigator.clipboard.writeText('1\t2\n3\t四件\n'));
    await press(page, ['Control+V']);
    s = await state(page);
    expect(s.patches.length).toBe(before);
    await expect.poll(() => page.locator('.tg-status').textContent()).toContain('“四件”不是数字');
    expect(s.values['t3.r3_5_1_petition.natural']).toBe(0);
  });

  it('copies a Shift+arrow selection as tab-separated text; Shift+click extends', async () => {
    await focusCell(page, 't3.r1_new.natural');
    await press(page, ['Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowDown']);
    await expect.poll(() => page.locator('[aria-selected="true"]').count()).toBe(6);
    await press(page, ['Control+C']);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('17\t3\t0\r\n2\t0\t0');
    await page.click(sel('t3.r3_1_open.natural'));
    await page.click(sel('t3.r3_2_partial.total'), { modifiers: ['Shift'] });
    await expect.poll(() => page.locator('[aria-selected="true"]').count()).toBe(14);
    await press(page, ['Control+C']);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('9\t2\t0\t0\t0\t0\t11\r\n2\t0\t0\t0\t0\t0\t2');
    await press(page, ['Escape']);
    await expect.poll(() => page.locator('[aria-selected="true"]').count()).toBe(0);
  });

  it('outlines the cells of an H1 error in red and clears them once fixed', async () => {
    const h1 = ['t3.r1_new.natural', 't3.r2_carry_in.natural', 't3.r3_7_total.natural', 't3.r4_carry_out.natural'];
    // Restore a consistent table first (earlier tests pasted into it).
    await page.evaluate(() => {
      const w = window as unknown as { __setValues(p: Record<string, number | null>): void };
      const p: Record<string, number | null> = {};
      for (const r of ['r3_3_1_state_secret', 'r3_3_2_law_prohibited', 'r3_3_3_three_safety'])
        for (const c of ['natural', 'commercial', 'research', 'public_welfare']) p[`t3.${r}.${c}`] = 0;
      p['t3.r3_3_3_three_safety.natural'] = 1;
      w.__setValues(p);
    });
    expect((await state(page)).issues.filter((i) => i.rule === 'H1')).toHaveLength(0);
    await expect.poll(() => page.locator(`${sel('t3.r1_new.natural')}[aria-invalid="true"]`).count()).toBe(0);

    await focusCell(page, 't3.r1_new.natural');
    await page.keyboard.type('18');
    await press(page, ['Enter']);
    const issues = (await state(page)).issues.filter((i) => i.rule === 'H1');
    expect(issues.length).toBeGreaterThan(0);
    for (const c of h1) {
      const cell = page.locator(sel(c));
      await expect.poll(() => cell.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => cell.getAttribute('class')).toContain('tg-error');
      const id = (await cell.getAttribute('aria-describedby'))!.split(' ')[0];
      await expect.poll(() => page.locator(`[id="${id}"]`).textContent()).toContain('第一项加第二项之和');
    }
    const shadow = await page.locator(sel('t3.r2_carry_in.natural')).evaluate((el) => getComputedStyle(el).boxShadow);
    expect(shadow).toContain('rgb(207, 34, 46)');
    await expect.poll(() => page.locator(sel('t3.r1_new.commercial')).getAttribute('aria-invalid')).toBeNull();
    await page.locator('.tg-wrap').screenshot({ path: path.join(SHOTS_DIR, 'grid-t3-h1-error.png') });

    await focusCell(page, 't3.r4_carry_out.natural');
    await page.keyboard.type('3');
    await press(page, ['Enter']);
    expect((await state(page)).issues.filter((i) => i.rule === 'H1')).toHaveLength(0);
    for (const c of h1) await expect.poll(() => page.locator(sel(c)).getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => page.locator('.tg-error').count()).toBe(0);
  });

  it("shows last year's carry-out as a hint on 二、上年结转", async () => {
    const cell = page.locator(sel('t3.r2_carry_in.natural'));
    await expect.poll(() => cell.getAttribute('title')).toContain('上年结转下年：2');
    await focusCell(page, 't3.r2_carry_in.natural');
    await press(page, ['Delete']);
    await expect.poll(() => page.locator(`${sel('t3.r2_carry_in.natural')} .tg-hint`).textContent()).toBe('上年结转下年：2');
    await press(page, ['F2']);
    await expect.poll(() => page.locator(`${sel('t3.r2_carry_in.natural')} input`).getAttribute('placeholder')).toBe('上年结转下年：2');
    await page.keyboard.type('2');
    await press(page, ['Enter']);
    await expect.poll(() => page.locator(`${sel('t3.r2_carry_in.natural')} .tg-hint`).count()).toBe(0);
  });

  it('focuses and scrolls to a requested cell', async () => {
    await page.evaluate(() => (window as unknown as { __focusCell(c: string): void }).__focusCell('t3.r3_6_2_no_fee.legal_service'));
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset?.cell === 't3.r3_6_2_no_fee.legal_service');
    await expect.poll(() => page.locator('[role="gridcell"][tabindex="0"]').getAttribute('data-cell')).toBe('t3.r3_6_2_no_fee.legal_service');
  });
});

describe('TableGrid 表二 and 表四', () => {
  it('表二: moves between merged data cells keeping the column; amounts take 6 decimals; stock hint', async () => {
    const page = await h.open('?table=t2');
    await expect.poll(() => page.locator('[role="gridcell"]').count()).toBe(10);
    await focusCell(page, 't2.normative.valid');
    await press(page, ['ArrowDown']); // through the label rows of 第二十条第（五）项
    await expect.poll(() => focused(page)).toBe('t2.licensing.decisions');
    await press(page, ['ArrowDown', 'ArrowDown']);
    await expect.poll(() => focused(page)).toBe('t2.coercion.decisions');
    await press(page, ['ArrowUp', 'ArrowUp', 'ArrowUp']);
    await expect.poll(() => focused(page)).toBe('t2.normative.valid'); // the column is remembered
    await expect.poll(() => page.locator(sel('t2.normative.valid')).getAttribute('title')).toContain('上年现行有效：10');
    await focusCell(page, 't2.fees.amount_wanyuan');
    await page.keyboard.type('3.123456');
    await press(page, ['Enter']);
    expect((await state(page)).values['t2.fees.amount_wanyuan']).toBe(3.123456);
    await focusCell(page, 't2.fees.amount_wanyuan');
    await page.keyboard.type('3.1234567');
    await press(page, ['Enter']);
    await expect.poll(() => page.locator(`${sel('t2.fees.amount_wanyuan')} [role="alert"]`).textContent()).toContain('6 位小数');
    await press(page, ['Escape']);
    expect((await state(page)).values['t2.fees.amount_wanyuan']).toBe(3.123456);
    await focusCell(page, 't2.rules.issued');
    await page.evaluate(() => navigator.clipboard.writeText('1\t2\t3\n4\t5\t6\n7\t8\t9\n'));
    await press(page, ['Control+V']);
    const s = await state(page);
    expect(s.patches.at(-1)).toEqual({
      't2.rules.issued': 1, 't2.rules.repealed': 2, 't2.rules.valid': 3,
      't2.normative.issued': 4, 't2.normative.repealed': 5, 't2.normative.valid': 6,
      't2.licensing.decisions': 7,
    });
    await expect.poll(() => page.locator('.tg-status').textContent()).toContain('有 2 个值超出表格范围，未粘贴');
    // S2 (stock against last year) is a warning: amber outline, not aria-invalid.
    const valid = page.locator(sel('t2.normative.valid'));
    await page.click(sel('t2.licensing.decisions'));
    await expect.poll(() => valid.getAttribute('class')).toContain('tg-warning');
    await expect.poll(() => valid.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => valid.evaluate((el) => getComputedStyle(el).boxShadow)).toContain('rgb(191, 135, 0)');
    await page.locator('.tg-wrap').screenshot({ path: path.join(SHOTS_DIR, 'grid-t2.png') });
  });

  it('表四: 15 columns, totals read-only, Tab skips nothing and wraps', async () => {
    const page = await h.open('?table=t4');
    await expect.poll(() => page.locator('[role="gridcell"]').count()).toBe(15);
    await expect.poll(() => page.locator('[role="columnheader"]').count()).toBe(19);
    await focusCell(page, 't4.review.pending');
    await press(page, ['Tab']);
    await expect.poll(() => focused(page)).toBe('t4.review.total');
    await expect.poll(() => page.locator(sel('t4.review.total')).getAttribute('aria-readonly')).toBe('true');
    await press(page, ['Tab']);
    await expect.poll(() => focused(page)).toBe('t4.lit_direct.upheld');
    await page.keyboard.type('2');
    await press(page, ['Enter']);
    expect((await state(page)).values['t4.lit_direct.total']).toBe(2);
    const width = await page.locator('.tg-table').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(900);
    await page.locator('.tg-wrap').screenshot({ path: path.join(SHOTS_DIR, 'grid-t4.png') });
  });

  it('read-only: nothing is editable', async () => {
    const page = await h.open('?table=t3&readonly=1');
    await expect.poll(() => page.locator('[role="grid"]').getAttribute('aria-readonly')).toBe('true');
    await focusCell(page, 't3.r1_new.natural');
    await page.keyboard.type('5');
    await press(page, ['Delete']);
    await expect.poll(() => page.locator('input').count()).toBe(0);
    expect((await state(page)).patches).toHaveLength(0);
  });
});
