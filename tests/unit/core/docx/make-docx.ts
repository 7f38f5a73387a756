// Test helpers: build minimal .docx files in memory from hand-written WordprocessingML.
import JSZip from 'jszip';

/** Namespace declarations Word puts on w:document (enough for text boxes, VML, math, mc). */
export const DOC_NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'mc:Ignorable="w14"',
].join(' ');

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export interface MakeDocxOptions {
  /** Inner XML of w:body. */
  body?: string;
  /** Inner XML of w:numbering (abstractNum/num elements). */
  numbering?: string;
  /** Inner XML of w:styles (docDefaults/style elements). */
  styles?: string;
  /** Replace word/document.xml entirely (e.g. to inject a DOCTYPE). */
  documentXml?: string;
  /** Extra or replacement parts: path → content. */
  files?: Record<string, string | Uint8Array>;
  /** Leave word/document.xml out. */
  omitDocument?: boolean;
  compression?: 'STORE' | 'DEFLATE';
}

/** The full document.xml for a body fragment. */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${DOC_NS}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

/** Builds a .docx (zip) with the given body / numbering / styles and returns its bytes. */
export async function makeDocx(opts: MakeDocxOptions): Promise<Uint8Array> {
  const zip = new JSZip();
  const rels: string[] = [];
  const overrides: string[] = [];
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  if (!opts.omitDocument) {
    zip.file('word/document.xml', opts.documentXml ?? documentXml(opts.body ?? ''));
    overrides.push(
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    );
  }
  if (opts.styles !== undefined) {
    zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W_NS}>${opts.styles}</w:styles>`);
    rels.push('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
  }
  if (opts.numbering !== undefined) {
    zip.file(
      'word/numbering.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">${opts.numbering}</w:numbering>`,
    );
    rels.push('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>');
  }
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  );
  for (const [name, content] of Object.entries(opts.files ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: opts.compression ?? 'DEFLATE' });
}

/** Escapes text for use inside XML. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface ParaOptions {
  style?: string;
  numId?: number | string;
  ilvl?: number;
  jc?: string;
  outline?: number;
  bold?: boolean;
}

/** A w:p with one run of text and optional paragraph properties. */
export function p(text: string, o: ParaOptions = {}): string {
  const ppr: string[] = [];
  if (o.style) ppr.push(`<w:pStyle w:val="${o.style}"/>`);
  if (o.numId !== undefined || o.ilvl !== undefined) {
    ppr.push(
      `<w:numPr>${o.ilvl !== undefined ? `<w:ilvl w:val="${o.ilvl}"/>` : ''}${o.numId !== undefined ? `<w:numId w:val="${o.numId}"/>` : ''}</w:numPr>`,
    );
  }
  if (o.outline !== undefined) ppr.push(`<w:outlineLvl w:val="${o.outline}"/>`);
  if (o.jc) ppr.push(`<w:jc w:val="${o.jc}"/>`);
  const pPr = ppr.length ? `<w:pPr>${ppr.join('')}</w:pPr>` : '';
  return `<w:p>${pPr}${r(text, o.bold)}</w:p>`;
}

/** A w:r with text (spaces preserved) and optional bold. */
export function r(text: string, bold?: boolean): string {
  const rPr = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A table cell; `pr` is inner tcPr XML (gridSpan/vMerge/hMerge). */
export function tc(content: string, pr = ''): string {
  const inner = content.startsWith('<') ? content : p(content);
  return `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${pr}</w:tcPr>${inner}</w:tc>`;
}

/** A table row; `pr` is inner trPr XML (gridBefore/gridAfter/del). */
export function tr(cells: string[], pr = ''): string {
  return `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
}

/** A table with `cols` grid columns. */
export function tbl(rows: string[], cols: number): string {
  const grid = Array.from({ length: cols }, () => '<w:gridCol w:w="1000"/>').join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

/** A w:lvl for numbering.xml. */
export function lvl(ilvl: number, fmt: string, text: string, start = 1, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${esc(text)}"/><w:lvlJc w:val="left"/>${extra}</w:lvl>`;
}

/** An abstractNum plus a num pointing at it. */
export function numDef(numId: number, abstractId: number, lvls: string[], overrides = ''): string {
  return `<w:abstractNum w:abstractNumId="${abstractId}"><w:multiLevelType w:val="multilevel"/>${lvls.join('')}</w:abstractNum><w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

/** A typical ~20-page annual report built with the `docx` library: title, 6 numbered headings, 40 paragraphs, a 28×10 table with merges. */
export async function makeReportDocx(): Promise<Uint8Array> {
  const d = await import('docx');
  const filler =
    '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开，' +
    '围绕重点领域信息公开、政策解读、回应关切等方面扎实开展工作，政府信息公开工作取得新进展。';
  const headings = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      children: [new d.TextRun({ text: 'XX市XX局2024年政府信息公开工作年度报告', bold: true, size: 44 })],
    }),
  ];
  for (let h = 0; h < headings.length; h++) {
    children.push(
      new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, numbering: { reference: 'cn', level: 0 }, children: [new d.TextRun(headings[h])] }),
    );
    for (let k = 0; k < 7; k++) {
      children.push(new d.Paragraph({ children: [new d.TextRun({ text: `　　${filler}${filler}（${h + 1}-${k + 1}）` })] }));
    }
    if (h === 2) {
      const rows: InstanceType<typeof d.TableRow>[] = [];
      for (let rr = 0; rr < 28; rr++) {
        const cells: InstanceType<typeof d.TableCell>[] = [];
        if (rr === 0) {
          cells.push(new d.TableCell({ rowSpan: 3, columnSpan: 3, children: [new d.Paragraph('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')] }));
          cells.push(new d.TableCell({ columnSpan: 7, children: [new d.Paragraph('申请人情况')] }));
        } else if (rr === 1) {
          cells.push(new d.TableCell({ rowSpan: 2, children: [new d.Paragraph('自然人')] }));
          cells.push(new d.TableCell({ columnSpan: 5, children: [new d.Paragraph('法人或其他组织')] }));
          cells.push(new d.TableCell({ rowSpan: 2, children: [new d.Paragraph('总计')] }));
        } else if (rr === 2) {
          for (const t of ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']) cells.push(new d.TableCell({ children: [new d.Paragraph(t)] }));
        } else {
          cells.push(new d.TableCell({ columnSpan: 3, children: [new d.Paragraph(`第${rr}项 数据项目名称`)] }));
          for (let c = 0; c < 7; c++) cells.push(new d.TableCell({ children: [new d.Paragraph(String((rr * 7 + c) % 13))] }));
        }
        rows.push(new d.TableRow({ children: cells }));
      }
      children.push(new d.Table({ rows }));
    }
  }
  const doc = new d.Document({
    numbering: {
      config: [
        {
          reference: 'cn',
          levels: [{ level: 0, format: d.LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: d.AlignmentType.LEFT }],
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await d.Packer.toBuffer(doc));
}
