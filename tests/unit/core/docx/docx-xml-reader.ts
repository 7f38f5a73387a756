// Test helper: reads an exported DOCX back (jszip + fast-xml-parser) into paragraphs and merged-cell grids,
// independently of the exporter's own code, so the export tests check what Word would actually see.
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/** An XML element: name, attributes, child elements and its own text. */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

type Raw = Record<string, unknown>;

function convert(raw: Raw): XNode | undefined {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (!name || name === '#text' || name.startsWith('?')) return undefined;
  const kids = (raw[name] as Raw[]) ?? [];
  const node: XNode = { name, attrs: (raw[':@'] as Record<string, string>) ?? {}, children: [], text: '' };
  for (const k of kids) {
    if ('#text' in k) node.text += String(k['#text']);
    else {
      const c = convert(k);
      if (c) node.children.push(c);
    }
  }
  return node;
}

/** Parses an XML part into its root element. */
export function parseXml(xml: string): XNode {
  const roots = (parser.parse(xml) as Raw[]).map(convert).filter((x): x is XNode => !!x);
  return roots[0];
}

/** Direct children with this name. */
export const kids = (n: XNode | undefined, name: string): XNode[] => (n ? n.children.filter((c) => c.name === name) : []);
/** First direct child with this name. */
export const kid = (n: XNode | undefined, name: string): XNode | undefined => kids(n, name)[0];
/** All descendants with this name, in document order. */
export function all(n: XNode | undefined, name: string): XNode[] {
  if (!n) return [];
  const out: XNode[] = [];
  const walk = (x: XNode) => {
    for (const c of x.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}
/** The value of a w:val-like attribute of a child property element (undefined when the element is absent). */
export const prop = (parent: XNode | undefined, name: string, attr = 'w:val'): string | undefined => {
  const el = kid(parent, name);
  return el ? (el.attrs[attr] ?? '') : undefined;
};

/** The text of a paragraph as a reader sees it: w:t joined, w:br as "\n", w:tab as "\t". */
export function paragraphText(p: XNode): string {
  let s = '';
  for (const r of kids(p, 'w:r')) {
    for (const c of r.children) {
      if (c.name === 'w:t') s += c.text;
      else if (c.name === 'w:br') s += '\n';
      else if (c.name === 'w:tab') s += '\t';
    }
  }
  return s;
}

/** A cell read back from w:tr/w:tc with its merges resolved. */
export interface ReadCell {
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
  text: string;
  /** The cell's paragraphs (for alignment/style checks). */
  paragraphs: XNode[];
}

/** Rebuilds a table's merged-cell grid from w:gridSpan, w:vMerge restart/continue and w:gridBefore. */
export function readGrid(tbl: XNode): ReadCell[] {
  const cells: ReadCell[] = [];
  const openAt = new Map<number, ReadCell>();
  kids(tbl, 'w:tr').forEach((tr, row) => {
    let col = Number(prop(kid(tr, 'w:trPr'), 'w:gridBefore') ?? 0);
    for (const tc of kids(tr, 'w:tc')) {
      const tcPr = kid(tc, 'w:tcPr');
      const colSpan = Number(prop(tcPr, 'w:gridSpan') ?? 1);
      const vMerge = prop(tcPr, 'w:vMerge');
      if (vMerge !== undefined && vMerge !== 'restart') {
        const origin = openAt.get(col);
        if (!origin || origin.colSpan !== colSpan) throw new Error(`vMerge continue without a matching cell above at row ${row}, col ${col}`);
        origin.rowSpan++;
      } else {
        const cell: ReadCell = { row, col, colSpan, rowSpan: 1, text: kids(tc, 'w:p').map(paragraphText).join('\n'), paragraphs: kids(tc, 'w:p') };
        cells.push(cell);
        if (vMerge === 'restart') openAt.set(col, cell);
        else openAt.delete(col);
      }
      col += colSpan;
    }
  });
  return cells;
}

/** An opened DOCX: its parts as text and the parsed main parts. */
export interface OpenedDocx {
  zip: JSZip;
  parts: Map<string, string>;
  document: XNode;
  body: XNode;
  styles: XNode;
  settings: XNode;
  /** Footer parts by relationship type of their w:footerReference ("default", "even"). */
  footers: Record<string, XNode>;
}

/** Opens the bytes of a DOCX. */
export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) parts.set(name, await zip.file(name)!.async('string'));
  const document = parseXml(parts.get('word/document.xml')!);
  const body = kid(document, 'w:body')!;
  const rels = parseXml(parts.get('word/_rels/document.xml.rels')!);
  const target = new Map(kids(rels, 'Relationship').map((r) => [r.attrs.Id, r.attrs.Target]));
  const footers: Record<string, XNode> = {};
  for (const ref of all(body, 'w:footerReference')) {
    footers[ref.attrs['w:type']] = parseXml(parts.get(`word/${target.get(ref.attrs['r:id'])}`)!);
  }
  return { zip, parts, document, body, styles: parseXml(parts.get('word/styles.xml')!), settings: parseXml(parts.get('word/settings.xml')!), footers };
}

/** The body's paragraphs and tables in order (top level only). */
export function bodyBlocks(body: XNode): XNode[] {
  return body.children.filter((c) => c.name === 'w:p' || c.name === 'w:tbl');
}

/** The run properties of a paragraph's first run. */
export const firstRunProps = (p: XNode) => kid(kid(p, 'w:r'), 'w:rPr');

/** The paragraph style of a paragraph, or undefined. */
export const styleOf = (p: XNode) => prop(kid(p, 'w:pPr'), 'w:pStyle');

/** A style definition by id from styles.xml. */
export const styleById = (styles: XNode, id: string) => kids(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id);
