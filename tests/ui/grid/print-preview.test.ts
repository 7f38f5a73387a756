import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS_DIR, startGridHarness, type GridHarness } from './grid-harness';

// PrintPreview in real Chromium: A4 boxes, the 225 mm text block never overflows, page numbers alternate,
// tables split between rows with their headers repeated, a long report flows without losing text.

let h: GridHarness;

beforeAll(async () => {
  mkdirSync(SHOTS_DIR, { recursive: true });
  h = await startGridHarness();
});

afterAll(async () => {
  await h?.close();
});

const PX_PER_MM = 96 / 25.4;

interface PageBox {
  width: number;
  height: number;
  flow: number;
  body: { top: number; left: number; width: number; height: number };
  number: { text: string; left: number; right: number; top: number };
}

/** Geometry of every page in millimetres, relative to the page box. */
function pageBoxes(page: Page): Promise<PageBox[]> {
  return page.evaluate((pxPerMm) => {
    const mm = (x: number) => x / pxPerMm;
    return [...document.querySelectorAll<HTMLElement>('.pp-root > .pp-page')].map((p) => {
      const r = p.getBoundingClientRect();
      const body = p.querySelector('.pp-body')!.getBoundingClientRect();
      const flow = p.querySelector('.pp-flow')!.getBoundingClientRect();
      const num = p.querySelector('.pp-number')!;
      const n = num.getBoundingClientRect();
      return {
        width: mm(r.width),
        height: mm(r.height),
        flow: mm(flow.height),
        body: { top: mm(body.top - r.top), left: mm(body.left - r.left), width: mm(body.width), height: mm(body.height) },
        number: { text: num.textContent ?? '', left: mm(n.left - r.left), right: mm(r.right - n.right), top: mm(n.top - r.top) },
      };
    });
  }, PX_PER_MM);
}

function checkPages(boxes: PageBox[]) {
  boxes.forEach((b, i) => {
    expect(b.width).toBeCloseTo(210, 0);
    expect(b.height).toBeCloseTo(297, 0);
    expect(b.body.top).toBeCloseTo(37, 0);
    expect(b.body.left).toBeCloseTo(28, 0);
    expect(b.body.width).toBeCloseTo(156, 0);
    expect(b.body.height).toBeCloseTo(225, 0);
    expect(b.flow, `第 ${i + 1} 页内容高度`).toBeLessThanOrEqual(225 + 0.5 / PX_PER_MM);
    expect(b.number.text).toBe(`— ${i + 1} —`);
    expect(b.number.top).toBeGreaterThanOrEqual(37 + 225 + 6.5);
    const charMm = (14 * 25.4) / 72; // one 4号 character
    if (i % 2 === 0) expect(b.number.right).toBeCloseTo(26 + charMm, 0); // odd page: right, one character in
    else expect(b.number.left).toBeCloseTo(28 + charMm, 0); // even page: left, one character in
  });
}

describe('PrintPreview', () => {
  it('lays the complete report on 3–8 A4 pages with the GB/T 9704 geometry', async () => {
    const page = await h.open('?view=preview');
    const boxes = await pageBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    expect(boxes.length).toBeLessThanOrEqual(8);
    checkPages(boxes);
    const fonts = await page.evaluate(() => {
      const style = (s: string) => getComputedStyle(document.querySelector(`.pp-root > .pp-page ${s}`)!);
      const p = style('.pp-p');
      return {
        title: style('.pp-title').fontSize,
        body: p.fontSize,
        line: parseFloat(p.lineHeight),
        indent: p.textIndent,
        h1: style('.pp-h1').fontFamily,
        h2: style('.pp-h2').fontFamily,
        bodyFamily: p.fontFamily,
      };
    });
    expect(parseFloat(fonts.title)).toBeCloseTo((22 * 96) / 72, 2); // 2号
    expect(parseFloat(fonts.body)).toBeCloseTo((16 * 96) / 72, 2); // 3号
    expect(fonts.line * 22).toBeCloseTo(225 * PX_PER_MM, 0); // 22 lines fill the text block
    expect(parseFloat(fonts.indent)).toBeCloseTo(2 * (16 * 96) / 72, 0);
    expect(fonts.h1).toContain('SimHei');
    expect(fonts.h2).toContain('KaiTi');
    expect(fonts.bodyFamily).toContain('FangSong');
    for (let i = 0; i < boxes.length; i++) {
      await page.locator('.pp-root > .pp-page').nth(i).screenshot({ path: path.join(SHOTS_DIR, `preview-page${i + 1}.png`) });
    }
  });

  it('re-flows after an edit without jumping the scroll position', async () => {
    const page = await h.open('?view=preview&long=1');
    const before = (await pageBoxes(page)).length;
    await page.evaluate(() => window.scrollTo(0, 3000));
    const long = '新增的改进措施段落。'.repeat(30);
    await page.evaluate((t) => (window as unknown as { __previewEdit(t: string): void }).__previewEdit(t), long);
    await page.waitForFunction((t) => document.querySelector('.pp-root')!.textContent!.replace(/\s/g, '').includes(t.slice(0, 40)), long);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(3000);
    const boxes = await pageBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(before);
    checkPages(boxes);
  });

  it('prints every table row exactly once, with merges and repeated headers on split tables', async () => {
    const page = await h.open('?view=preview');
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableElement>('.pp-root > .pp-page .pp-table')].map((t) => ({
        id: [...t.classList].find((c) => /^pp-t\d$/.test(c)),
        header: t.querySelectorAll('thead tr').length,
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => Number(tr.getAttribute('data-row'))),
        merged: t.querySelector('td[rowspan="22"]')?.textContent ?? null,
      })),
    );
    const rowsOf = (id: string) => tables.filter((t) => t.id === id).flatMap((t) => t.rows);
    expect(rowsOf('pp-t2')).toEqual([...Array(14).keys()]);
    expect(rowsOf('pp-t3')).toEqual([...Array(25).keys()]);
    expect(rowsOf('pp-t4')).toEqual([0]);
    for (const t of tables.filter((x) => x.id === 'pp-t3' || x.id === 'pp-t4')) expect(t.header).toBe(3);
    const whole = tables.find((t) => t.id === 'pp-t3' && t.rows.length === 25);
    if (whole) expect(whole.merged).toBe('三、本年度办理结果');
  });

  it('paginates a long report (60 paragraphs) without overflow or lost text; Ctrl+P prints the same pages', async () => {
    const page = await h.open('?view=preview&long=1');
    const boxes = await pageBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(6);
    checkPages(boxes);
    // Full pages hold 22 lines of body text: some page is filled to within two lines of the bottom.
    expect(Math.max(...boxes.map((b) => b.flow))).toBeGreaterThan(225 - 2 * (225 / 22));
    const text = await page.evaluate(() => [...document.querySelectorAll('.pp-root > .pp-page .pp-p')].map((p) => p.textContent).join(''));
    for (let i = 1; i <= 60; i++) expect(text).toContain(`${i}. 2025年，街道坚持`);
    const split = await page.evaluate(() => document.querySelectorAll('.pp-root > .pp-page .pp-cont').length);
    expect(split).toBeGreaterThan(0); // paragraphs continue across pages
    for (let i = 0; i < Math.min(boxes.length, 3); i++) {
      await page.locator('.pp-root > .pp-page').nth(i).screenshot({ path: path.join(SHOTS_DIR, `preview-long-page${i + 1}.png`) });
    }
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pdfPages).toBe(boxes.length);
  });
});
