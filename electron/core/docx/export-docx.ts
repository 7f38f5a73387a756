import { Document, Packer, PageOrientation, type FileChild } from 'docx';
import type { Report } from '../model/report';
import { getTemplate } from '../template/registry';
import { fontsNeeded, reportFonts, type FontSet } from './docx-fonts';
import { PAGE } from './docx-layout';
import { blockLines, kindParagraph, pageNumberFooters, printedLines, signatureParagraphs, titleParagraph, type PrintedLine } from './docx-paragraphs';
import { kindLooks, reportStyles } from './docx-styles';
import { reportTable, tableParagraphStyles } from './docx-tables';
import { reproducibleZip } from './zip-reproducible';

// The report as the official Word file (GB/T 9704 layout): pure, same report → same bytes.

/** Options of the export. */
export interface ExportDocxOptions {
  /** 'standard': 仿宋_GB2312 / 黑体 / 楷体_GB2312 / 方正小标宋简体; 'gbk': the 方正 _GBK family. */
  fontSet?: FontSet;
}

/** The DOCX bytes and the fonts the document names. */
export interface ExportDocxResult {
  bytes: Uint8Array;
  /** Every font the document names (the service reports which are missing on this PC). */
  fontsNeeded: string[];
}

type Item = { type: 'line'; line: PrintedLine } | { type: 'table'; tableId: string };

/** The body in reading order: 前言, then each section's heading, its text, and its table after the text. */
function bodyItems(report: Report): Item[] {
  const template = getTemplate(report.templateId);
  const items: Item[] = blockLines(report.preface).map((line) => ({ type: 'line', line }));
  for (const def of template.sections) {
    const section = report.sections[def.key as keyof Report['sections']];
    if (!section) continue;
    for (const text of printedLines(section.heading)) items.push({ type: 'line', line: { kind: 'heading1', text } });
    for (const line of blockLines(section.blocks)) items.push({ type: 'line', line });
    if (def.table) items.push({ type: 'table', tableId: def.table });
  }
  return items;
}

const xmlEscape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The date stamped into the document properties: the signing date, else 1 January after the report year. */
function documentDate(report: Report): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(report.signature.date) ? report.signature.date : `${report.year + 1}-01-01`;
}

/** docProps/core.xml with fixed dates (docx stamps the current time otherwise). */
function coreProperties(report: Report): string {
  const when = `${documentDate(report)}T00:00:00Z`;
  const author = xmlEscape(printedLines(report.signature.unit || report.unit.name).join(''));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(printedLines(report.title).join(''))}</dc:title>` +
    `<dc:creator>${author}</dc:creator>` +
    `<cp:lastModifiedBy>${author}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Builds the DOCX of a report; the fonts it names are listed so the caller can warn about missing ones. */
export async function exportDocx(report: Report, options: ExportDocxOptions = {}): Promise<ExportDocxResult> {
  const template = getTemplate(report.templateId);
  const fonts = reportFonts(options.fontSet ?? 'standard');
  const looks = kindLooks(fonts);
  const signature = signatureParagraphs(report.signature, looks.body);
  const items = bodyItems(report);
  const children: FileChild[] = [];
  const title = titleParagraph(report.title, looks.title);
  if (title) children.push(title);
  items.forEach((item, i) => {
    if (item.type === 'table') {
      children.push(reportTable(template.table.get(item.tableId)!, report.values));
      return;
    }
    // The last line of text travels with the 落款, so a page never holds only the seal and date.
    const keepWithSignature = i === items.length - 1 && signature.length > 0;
    children.push(kindParagraph(looks[item.line.kind], item.line.text, keepWithSignature));
  });
  children.push(...signature);

  const doc = new Document({
    title: printedLines(report.title).join(''),
    creator: report.signature.unit || report.unit.name,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: { ...reportStyles(fonts), paragraphStyles: tableParagraphStyles(fonts) },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
          },
        },
        footers: pageNumberFooters(fonts),
        children,
      },
    ],
  });
  const zipped = await Packer.pack(doc, 'uint8array', false, [{ path: 'docProps/core.xml', data: coreProperties(report) }]);
  return { bytes: reproducibleZip(zipped), fontsNeeded: fontsNeeded(fonts) };
}
