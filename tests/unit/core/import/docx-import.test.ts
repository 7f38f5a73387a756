import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importBytes } from '../../../../electron/core/import/import-bytes';
import { check } from '../../../../electron/core/rules/check';
import { reportContent } from '../../../fixtures/import/build';
import { contentToHtml } from '../../../fixtures/import/to-html';
import { wordStyleDocx } from '../../../fixtures/import/word-docx';
import { completeReport } from '../../../fixtures/reports';

const base = completeReport();
const blocks = (b: Array<{ type: string; text: string }>) => b.map((x) => [x.type, x.text]);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-docx-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) console.warn('跳过 LibreOffice 生成的 DOCX 测试：本机没有 soffice（LibreOffice）。');

/** Converts an HTML file to .docx with LibreOffice (a fresh profile in a temporary HOME). */
function sofficeDocx(name: string, html: string): Uint8Array {
  const src = path.join(tmp, `${name}.html`);
  writeFileSync(src, html);
  execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, src], { env: { ...process.env, HOME: tmp }, stdio: 'ignore', timeout: 120_000 });
  return new Uint8Array(readFileSync(path.join(tmp, `${name}.docx`)));
}

describe.skipIf(!hasSoffice)('DOCX written by LibreOffice', () => {
  it('with styled headings (<h1> title, <h2> sections)', async () => {
    const r = await importBytes(sofficeDocx('styled', contentToHtml(reportContent(base), 'utf-8', { headings: true })), 'styled.docx');
    expect(r.format).toBe('gov-disclosure-2021');
    expect(r.report.title).toBe(base.title);
    expect(r.report.values).toEqual(base.values);
    expect(r.report.signature).toEqual(base.signature);
    for (const k of ['s1', 's5', 's6'] as const) expect(blocks(r.report.sections[k].blocks)).toEqual(blocks(base.sections[k].blocks));
    // The page's breadcrumb is kept for the clerk, not thrown away.
    expect(r.report.unplaced.map((b) => b.text)).toEqual(['首页 > 政务公开']);
  });

  it('with headings as plain bold paragraphs', async () => {
    const r = await importBytes(sofficeDocx('bold', contentToHtml(reportContent(base))), 'bold.docx');
    expect(r.report.values).toEqual(base.values);
    expect(blocks(r.report.preface)).toEqual(blocks(base.preface));
    for (const k of ['s1', 's5', 's6'] as const) expect(blocks(r.report.sections[k].blocks)).toEqual(blocks(base.sections[k].blocks));
    expect(r.log.filter((e) => e.kind === 'recognised' && e.path?.startsWith('sections.'))).toHaveLength(6);
    expect(check(r.report).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('DOCX written the way Word and WPS write it', () => {
  it('reads auto-numbered headings, content controls around cells, tracked changes, bare vMerge', async () => {
    const bytes = await wordStyleDocx(reportContent(base), { sdtAroundValues: true, tracked: true });
    const r = await importBytes(bytes, '年报.docx');
    expect(r.log.filter((e) => e.kind === 'recognised' && e.path?.startsWith('sections.'))).toHaveLength(6);
    expect(r.report.values).toEqual(base.values);
    expect(r.report.title).toBe(base.title);
    expect(blocks(r.report.sections.s1.blocks)).toEqual(blocks(base.sections.s1.blocks));
    expect(JSON.stringify(r.report)).not.toContain('删去的话');
    expect(r.report.signature).toEqual(base.signature);
  });

  it('reads rows that start with w:gridBefore under merged labels', async () => {
    const bytes = await wordStyleDocx(reportContent(base), { gridBefore: true });
    const r = await importBytes(bytes, '年报.docx');
    expect(r.report.values).toEqual(base.values);
    expect(r.report.unplaced).toEqual([]);
  });
});
