// Pure DOCX reader: .docx bytes → DocContent (paragraphs and tables in document order).
// No node:*, no Electron, no DOM: runs in Node and in the browser. Zip via jszip, XML via a
// small hand-written tokenizer (no DTD, no entity expansion, lazy attributes) for speed.

import JSZip from 'jszip';
import {
  ImportError,
  type DocBlock,
  type DocCell,
  type DocContent,
  type DocParagraph,
  type DocTable,
} from '../import/doc-content';

export interface ReadDocxOptions {
  /** Largest accepted input file in bytes (default 50 MB). */
  maxBytes?: number;
  /** Largest total of uncompressed bytes we are willing to inflate (default 100 MB). */
  maxUnzippedBytes?: number;
}

const MB = 1024 * 1024;
const DEFAULT_MAX_BYTES = 50 * MB;
const DEFAULT_MAX_UNZIPPED = 100 * MB;
/** More entries than this is not a Word file but an attack or garbage. */
const MAX_ZIP_ENTRIES = 20_000;
/** Entries bigger than RATIO_MIN_SIZE whose compression ratio exceeds MAX_RATIO are refused. */
const MAX_RATIO = 500;
const RATIO_MIN_SIZE = 1 * MB;
/** Deeper XML nesting than this is refused (keeps the recursive walk far from the stack limit). */
const MAX_XML_DEPTH = 400;

const MSG = {
  empty: '文件是空的。',
  encrypted: '文件已加密（设置了打开密码），请在 Word/WPS 中取消密码后另存为 .docx 再导入。',
  legacy: '这是旧版 Word（.doc）或 WPS（.wps）格式，请在 Word/WPS 中“另存为” .docx 后再导入。',
  notZip: '这不是 Word .docx 文件（文件内容不是 .docx 格式），请确认选择了正确的文件，或在 Word/WPS 中“另存为” .docx 后再导入。',
  zipBomb: '文件解压后的体积异常巨大（可能是恶意构造的压缩包），已拒绝读取。',
  unsafeXml: '文件中含有不安全的 XML 声明（DOCTYPE/ENTITY），已拒绝读取。',
};

function unreadable(detail: string): ImportError {
  return new ImportError(
    'unreadable',
    `文件已损坏，无法读取（${detail}）。请在 Word/WPS 中打开并重新“另存为” .docx 后再导入。`,
  );
}

// ───────────────────────────── public entry ─────────────────────────────

/** Reads a .docx file's body (paragraphs, tables, text boxes, list numbers) into the neutral DocContent shape; throws ImportError on bad input. */
export async function readDocx(bytes: Uint8Array, opts: ReadDocxOptions = {}): Promise<DocContent> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxUnzipped = opts.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED;
  try {
    checkSignature(bytes, maxBytes);
    const declared = scanCentralDirectory(bytes);
    const parts = await loadParts(bytes, declared, maxUnzipped);
    return convert(parts);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const detail = e instanceof RangeError ? '文档结构过于复杂' : '内部结构异常';
    throw unreadable(detail);
  }
}

// ───────────────────────────── signatures ─────────────────────────────

function containsUtf16le(b: Uint8Array, s: string): boolean {
  const first = s.charCodeAt(0);
  const n = s.length * 2;
  outer: for (let i = 0, end = b.length - n; i <= end; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < s.length; k++) {
      if (b[i + 2 * k] !== s.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function checkSignature(b: Uint8Array, maxBytes: number): void {
  if (!b || b.length === 0) throw new ImportError('empty', MSG.empty);
  if (b.length > maxBytes) {
    const mb = (n: number) => (n / MB).toFixed(n < 10 * MB ? 1 : 0);
    throw new ImportError('too-large', `文件太大（${mb(b.length)} MB），超过了 ${mb(maxBytes)} MB 的上限。`);
  }
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    if (containsUtf16le(b, 'EncryptedPackage')) throw new ImportError('encrypted', MSG.encrypted);
    throw new ImportError('legacy-binary', MSG.legacy);
  }
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b) return; // "PK"
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  while (i < b.length && i < 64 && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  const head = String.fromCharCode(...b.subarray(i, i + 64)).toLowerCase();
  if (head.startsWith('{\\rtf')) {
    throw new ImportError('not-zip', '这是 RTF 格式的文件，不是 Word .docx 文件。请在 Word/WPS 中“另存为” .docx 后再导入。');
  }
  if (head.startsWith('%pdf')) {
    throw new ImportError('not-zip', '这是 PDF 文件，不是 Word .docx 文件。请导入 Word .docx 格式的报告。');
  }
  if (head.startsWith('<') || head.startsWith('mime-version')) {
    throw new ImportError('not-zip', '这是网页或 XML（HTML/MHT）格式的文件，不是 Word .docx 文件。请在 Word/WPS 中“另存为” .docx 后再导入。');
  }
  throw new ImportError('not-zip', MSG.notZip);
}

// ───────────────────────────── zip ─────────────────────────────

interface EntryInfo {
  compressed: number;
  uncompressed: number;
}

function normName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

const utf8 = new TextDecoder('utf-8');

/** Reads the declared sizes from the zip central directory (before jszip touches anything). */
function scanCentralDirectory(b: Uint8Array): Map<string, EntryInfo> {
  const len = b.length;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (p: number) => dv.getUint16(p, true);
  const u32 = (p: number) => dv.getUint32(p, true);
  const u64 = (p: number) => u32(p + 4) * 4294967296 + u32(p);
  let eocd = -1;
  for (let p = len - 22, stop = Math.max(0, len - 22 - 65535); p >= stop; p--) {
    if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 5 && b[p + 3] === 6) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw unreadable('找不到压缩包目录，文件可能不完整');
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(loc) === 0x07064b50) {
      const z = u64(loc + 8);
      if (z + 56 <= len && u32(z) === 0x06064b50) {
        count = u64(z + 32);
        cdSize = u64(z + 40);
        cdOffset = u64(z + 48);
      }
    }
  }
  if (count > MAX_ZIP_ENTRIES) throw new ImportError('zip-bomb', MSG.zipBomb);
  const entries = new Map<string, EntryInfo>();
  if (count === 0) return entries;
  const isCd = (p: number) => p >= 0 && p + 46 <= len && u32(p) === 0x02014b50;
  let p = cdOffset;
  if (!isCd(p)) {
    p = eocd - cdSize; // data prepended to the zip (self-extractor etc.)
    if (!isCd(p)) throw unreadable('压缩包目录损坏');
  }
  for (let k = 0; k < count; k++) {
    if (!isCd(p)) throw unreadable('压缩包目录损坏');
    let comp = u32(p + 20);
    let unc = u32(p + 24);
    const nl = u16(p + 28);
    const el = u16(p + 30);
    const cl = u16(p + 32);
    const nameAt = p + 46;
    if (nameAt + nl + el > len) throw unreadable('压缩包目录损坏');
    const name = utf8.decode(b.subarray(nameAt, nameAt + nl));
    if (unc === 0xffffffff || comp === 0xffffffff) {
      // zip64 extended information extra field
      let e = nameAt + nl;
      const eEnd = e + el;
      while (e + 4 <= eEnd) {
        const id = u16(e);
        const size = u16(e + 2);
        if (id === 1) {
          let f = e + 4;
          if (unc === 0xffffffff && f + 8 <= eEnd) {
            unc = u64(f);
            f += 8;
          }
          if (comp === 0xffffffff && f + 8 <= eEnd) comp = u64(f);
          break;
        }
        e += 4 + size;
      }
    }
    entries.set(normName(name), { compressed: comp, uncompressed: unc });
    p = nameAt + nl + el + cl;
  }
  return entries;
}

interface Parts {
  document: string;
  styles?: string;
  numbering?: string;
  notes: string[];
}

function mapZipError(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  const m = e instanceof Error ? e.message : String(e);
  if (/encrypt/i.test(m)) return new ImportError('encrypted', MSG.encrypted);
  return unreadable('压缩包已损坏');
}

function joinPath(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Relationship targets by type suffix ("officeDocument", "styles", "numbering"). */
function readRels(xml: string, baseDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const root = parseXml(xml);
  for (const r of root.c) {
    if (typeof r === 'string' || r.n !== 'Relationship') continue;
    const a = attrs(r);
    if (!a.Type || !a.Target || a.TargetMode === 'External') continue;
    const type = a.Type.slice(a.Type.lastIndexOf('/') + 1);
    if (!out.has(type)) out.set(type, normName(joinPath(baseDir, a.Target)));
  }
  return out;
}

function decodeXmlBytes(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  return utf8.decode(b);
}

interface StreamHelper {
  on(ev: 'data', cb: (chunk: Uint8Array) => void): StreamHelper;
  on(ev: 'end', cb: () => void): StreamHelper;
  on(ev: 'error', cb: (e: Error) => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** Inflates one entry, refusing to produce more than `limit` bytes. */
function inflate(file: JSZip.JSZipObject, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const finish = (err: unknown, value?: Uint8Array) => {
      if (done) return;
      done = true;
      if (err) reject(err);
      else resolve(value as Uint8Array);
    };
    let helper: StreamHelper;
    try {
      helper = (file as unknown as { internalStream(t: 'uint8array'): StreamHelper }).internalStream('uint8array');
    } catch (e) {
      finish(mapZipError(e));
      return;
    }
    helper
      .on('data', (chunk) => {
        if (done) return;
        total += chunk.length;
        if (total > limit) {
          helper.pause();
          finish(new ImportError('zip-bomb', MSG.zipBomb));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e) => finish(mapZipError(e)))
      .on('end', () => {
        if (chunks.length === 1) return finish(null, chunks[0]);
        const out = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        finish(null, out);
      })
      .resume();
  });
}

async function loadParts(bytes: Uint8Array, declared: Map<string, EntryInfo>, maxUnzipped: number): Promise<Parts> {
  const has = (n: string) => declared.has(n);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false, createFolders: false });
  } catch (e) {
    throw mapZipError(e);
  }
  const files = new Map<string, JSZip.JSZipObject>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) files.set(normName(name), f);

  let budget = maxUnzipped;
  const read = async (name: string): Promise<string> => {
    const file = files.get(name);
    const info = declared.get(name);
    if (!file || !info) throw unreadable(`缺少 ${name}`);
    if (info.uncompressed > budget) throw new ImportError('zip-bomb', MSG.zipBomb);
    if (info.uncompressed > RATIO_MIN_SIZE && info.uncompressed / Math.max(1, info.compressed) > MAX_RATIO) {
      throw new ImportError('zip-bomb', MSG.zipBomb);
    }
    budget -= info.uncompressed;
    return decodeXmlBytes(await inflate(file, info.uncompressed));
  };

  // Main part: the usual name, else whatever _rels/.rels says.
  let docName = 'word/document.xml';
  if (!has(docName) && has('_rels/.rels') && files.has('_rels/.rels')) {
    try {
      const target = readRels(await read('_rels/.rels'), '').get('officeDocument');
      if (target && has(target) && files.has(target)) docName = target;
    } catch (e) {
      if (e instanceof ImportError && e.code !== 'unreadable') throw e;
    }
  }
  if (!has(docName) || !files.has(docName)) {
    if (has('xl/workbook.xml')) {
      throw new ImportError('not-docx', '这是 Excel 表格文件（.xlsx），不是 Word .docx 文件。请导入 Word 格式的报告。');
    }
    if (has('content.xml') && has('mimetype')) {
      throw new ImportError('not-docx', '这是 OpenDocument（.odt）文件，不是 Word .docx 文件。请在 WPS/LibreOffice 中“另存为” .docx 后再导入。');
    }
    if (has('ppt/presentation.xml')) {
      throw new ImportError('not-docx', '这是 PowerPoint 演示文稿（.pptx），不是 Word .docx 文件。请导入 Word 格式的报告。');
    }
    throw new ImportError('not-docx', '这个压缩文件里没有 Word 正文（word/document.xml），不是 Word .docx 文件。');
  }
  const dir = docName.slice(0, docName.lastIndexOf('/') + 1);
  let stylesName: string | undefined = dir + 'styles.xml';
  let numberingName: string | undefined = dir + 'numbering.xml';
  const relsName = `${dir}_rels/${docName.slice(dir.length)}.rels`;
  if ((!has(stylesName) || !has(numberingName)) && has(relsName) && files.has(relsName)) {
    try {
      const rels = readRels(await read(relsName), dir);
      if (!has(stylesName)) stylesName = rels.get('styles');
      if (!has(numberingName)) numberingName = rels.get('numbering');
    } catch (e) {
      if (e instanceof ImportError && e.code !== 'unreadable') throw e;
    }
  }
  const opt = (n: string | undefined) => (n && has(n) && files.has(n) ? read(n) : Promise.resolve(undefined));
  const [document, styles, numbering] = await Promise.all([read(docName), opt(stylesName), opt(numberingName)]);
  return { document, styles, numbering, notes: [] };
}

// ───────────────────────────── XML tokenizer ─────────────────────────────

interface XNode {
  /** Qualified name as written ("w:p"). */
  q: string;
  /** Local name ("p"). */
  n: string;
  /** Source text and the [s, e) range of the raw attributes, parsed lazily. */
  x: string;
  s: number;
  e: number;
  /** Children; text is kept only inside elements named "t". */
  c: XChild[];
  m?: Record<string, string>;
}
type XChild = XNode | string;

const NO_CHILDREN: XChild[] = [];
Object.freeze(NO_CHILDREN);

const ENTITY_RE = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY_RE, (_m, body: string) => {
    if (body.charCodeAt(0) !== 35) return NAMED[body];
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

function xmlError(): ImportError {
  return unreadable('XML 内容不完整或格式错误');
}

/** Parses XML into a light tree. Refuses DOCTYPE/ENTITY; never expands entities other than the five standard ones and numeric references. */
function parseXml(xml: string): XNode {
  const len = xml.length;
  const root: XNode = { q: '', n: '#root', x: xml, s: 0, e: 0, c: [] };
  // Tag names interned by a hash of their characters: Word files repeat a few dozen names thousands of times.
  const names = new Map<number, { q: string; n: string }>();
  const stack: XNode[] = [root];
  let cur = root;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < len) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (stack.length > 1) throw xmlError();
      break;
    }
    if (lt > i && cur.n === 't') cur.c.push(decodeEntities(xml.slice(i, lt)));
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47) {
      // </name>
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) throw xmlError();
      let e = gt;
      while (e > lt + 2 && xml.charCodeAt(e - 1) <= 32) e--;
      if (stack.length === 1 || e - lt - 2 !== cur.q.length || !xml.startsWith(cur.q, lt + 2)) throw xmlError();
      stack.pop();
      cur = stack[stack.length - 1];
      i = gt + 1;
      continue;
    }
    if (c1 === 33) {
      // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE, <!ENTITY
      if (xml.startsWith('--', lt + 2)) {
        const e = xml.indexOf('-->', lt + 4);
        if (e < 0) throw xmlError();
        i = e + 3;
        continue;
      }
      if (xml.startsWith('[CDATA[', lt + 2)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (e < 0) throw xmlError();
        if (cur.n === 't') cur.c.push(xml.slice(lt + 9, e));
        i = e + 3;
        continue;
      }
      const head = xml.slice(lt + 2, lt + 12).trimStart().toUpperCase();
      if (head.startsWith('DOCTYPE') || head.startsWith('ENTITY')) throw new ImportError('unsafe-xml', MSG.unsafeXml);
      throw xmlError();
    }
    if (c1 === 63) {
      // <? ... ?>
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) throw xmlError();
      i = e + 2;
      continue;
    }
    // start tag
    let j = lt + 1;
    let h = 0;
    while (j < len) {
      const ch = xml.charCodeAt(j);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
      if (ch === 60) throw xmlError();
      h = (Math.imul(h, 31) + ch) | 0;
      j++;
    }
    if (j === lt + 1) throw xmlError();
    let name = names.get(h);
    if (!name || name.q.length !== j - lt - 1 || !xml.startsWith(name.q, lt + 1)) {
      const q = xml.slice(lt + 1, j);
      const colon = q.indexOf(':');
      name = { q, n: colon < 0 ? q : q.slice(colon + 1) };
      names.set(h, name);
    }
    const attrStart = j;
    let gt = -1;
    while (j < len) {
      const ch = xml.charCodeAt(j);
      if (ch === 62) {
        gt = j;
        break;
      }
      if (ch === 34 || ch === 39) {
        const e = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
        if (e < 0) break;
        j = e + 1;
        continue;
      }
      if (ch === 60) throw xmlError();
      j++;
    }
    if (gt < 0) throw xmlError();
    const selfClose = gt > attrStart && xml.charCodeAt(gt - 1) === 47;
    const node: XNode = {
      q: name.q,
      n: name.n,
      x: xml,
      s: attrStart,
      e: selfClose ? gt - 1 : gt,
      c: selfClose ? NO_CHILDREN : [],
    };
    if (stack.length === 1 && root.c.length > 0) throw xmlError(); // second root element
    cur.c.push(node);
    if (!selfClose) {
      if (stack.length > MAX_XML_DEPTH) throw unreadable('文档结构嵌套过深');
      stack.push(node);
      cur = node;
    }
    i = gt + 1;
  }
  if (stack.length !== 1) throw xmlError();
  const top = root.c[0];
  if (!top || typeof top === 'string') throw xmlError();
  return top;
}

const ATTR_RE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes by local name (prefix dropped; the w: one wins on a clash). */
function attrs(node: XNode): Record<string, string> {
  if (node.m) return node.m;
  const m: Record<string, string> = Object.create(null);
  if (node.e - node.s > 1) {
    const raw = node.x.slice(node.s, node.e);
    ATTR_RE.lastIndex = 0;
    let x: RegExpExecArray | null;
    while ((x = ATTR_RE.exec(raw))) {
      const qn = x[1];
      if (qn.startsWith('xmlns')) continue;
      const colon = qn.indexOf(':');
      const ln = colon < 0 ? qn : qn.slice(colon + 1);
      if (ln in m && !qn.startsWith('w:')) continue;
      m[ln] = decodeEntities(x[2] ?? x[3] ?? '');
    }
  }
  node.m = m;
  return m;
}

/** The w:val attribute (fast path: no full attribute parse). */
function val(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.m) return node.m.val;
  if (node.e - node.s < 6) return undefined;
  const a = node.x.slice(node.s, node.e);
  let k = a.indexOf('val=');
  while (k > 0) {
    const prev = a.charCodeAt(k - 1);
    if (prev === 58 || prev <= 32) {
      const quote = a[k + 4];
      if (quote !== '"' && quote !== "'") break;
      const end = a.indexOf(quote, k + 5);
      if (end < 0) break;
      return decodeEntities(a.slice(k + 5, end));
    }
    k = a.indexOf('val=', k + 1);
  }
  return a.indexOf('val') >= 0 ? attrs(node).val : undefined;
}

function child(node: XNode | undefined, name: string): XNode | undefined {
  if (!node) return undefined;
  for (const ch of node.c) if (typeof ch !== 'string' && ch.n === name) return ch;
  return undefined;
}

function hasDescendant(node: XNode, names: ReadonlySet<string>): boolean {
  for (const ch of node.c) {
    if (typeof ch === 'string') continue;
    if (names.has(ch.n) || hasDescendant(ch, names)) return true;
  }
  return false;
}

function toInt(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = parseInt(s, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** OOXML on/off property: present without val, or val other than 0/false/off → true. */
function onOff(node: XNode | undefined): boolean | undefined {
  if (!node) return undefined;
  const v = val(node);
  return !(v === '0' || v === 'false' || v === 'off' || v === 'none');
}

// ───────────────────────────── styles ─────────────────────────────

interface PProps {
  styleId?: string;
  numId?: string;
  ilvl?: number;
  outline?: number;
  jc?: string;
}

function readPPr(pPr: XNode | undefined): PProps {
  const out: PProps = {};
  if (!pPr) return out;
  for (const ch of pPr.c) {
    if (typeof ch === 'string') continue;
    switch (ch.n) {
      case 'pStyle':
        out.styleId = val(ch);
        break;
      case 'numPr': {
        const id = val(child(ch, 'numId'));
        const lv = toInt(val(child(ch, 'ilvl')));
        if (id !== undefined) out.numId = id;
        if (lv !== undefined) out.ilvl = lv;
        break;
      }
      case 'outlineLvl':
        out.outline = toInt(val(ch));
        break;
      case 'jc':
        out.jc = val(ch);
        break;
    }
  }
  return out;
}

interface RProps {
  rStyle?: string;
  bold?: boolean;
}

function readRPr(rPr: XNode | undefined): RProps {
  const out: RProps = {};
  if (!rPr) return out;
  for (const ch of rPr.c) {
    if (typeof ch === 'string') continue;
    if (ch.n === 'b') out.bold = onOff(ch);
    else if (ch.n === 'rStyle') out.rStyle = val(ch);
  }
  return out;
}

interface StyleDef {
  id: string;
  type: string;
  basedOn?: string;
  /** Heading level implied by the style's own name/id; null = explicitly not a heading. */
  nameHeading?: number;
  p: PProps;
  r: RProps;
}

interface ResolvedStyle {
  /** Heading level; null means "body text" (outline level 9). */
  heading?: number | null;
  numId?: string;
  ilvl?: number;
  jc?: string;
  bold?: boolean;
}

function headingFromName(name: string | undefined): number | undefined {
  if (!name) return undefined;
  // old files carry aliases in the name: "heading 1,H1,标题1"
  const k = name.split(',')[0].toLowerCase().replace(/[\s_-]+/g, '');
  let m = /^(?:heading|标题)([1-9])$/.exec(k);
  if (m) return Number(m[1]);
  if (k === 'title' || k === '标题') return 0;
  m = /^h([1-6])$/.exec(k);
  if (m) return Number(m[1]);
  return undefined;
}

function outlineToHeading(o: number): number | null {
  return o >= 0 && o <= 8 ? o + 1 : null;
}

class Styles {
  private readonly defs = new Map<string, StyleDef>();
  private readonly memo = new Map<string, ResolvedStyle>();
  defaultPara?: string;
  defaultBold?: boolean;
  defaultJc?: string;

  constructor(root: XNode | undefined) {
    if (!root) return;
    for (const s of root.c) {
      if (typeof s === 'string') continue;
      if (s.n === 'docDefaults') {
        const rPr = child(child(s, 'rPrDefault'), 'rPr');
        const pPr = child(child(s, 'pPrDefault'), 'pPr');
        this.defaultBold = readRPr(rPr).bold;
        this.defaultJc = readPPr(pPr).jc;
        continue;
      }
      if (s.n !== 'style') continue;
      const a = attrs(s);
      const id = a.styleId;
      if (!id) continue;
      const type = a.type ?? 'paragraph';
      const name = val(child(s, 'name'));
      const def: StyleDef = {
        id,
        type,
        basedOn: val(child(s, 'basedOn')),
        nameHeading: type === 'paragraph' ? (headingFromName(name) ?? (name ? undefined : headingFromName(id))) : undefined,
        p: readPPr(child(s, 'pPr')),
        r: readRPr(child(s, 'rPr')),
      };
      this.defs.set(id, def);
      if (type === 'paragraph' && (a.default === '1' || a.default === 'true') && !this.defaultPara) this.defaultPara = id;
    }
  }

  def(id: string): StyleDef | undefined {
    return this.defs.get(id);
  }

  /** Properties of a style after following basedOn (cycle-safe). */
  resolve(id: string | undefined, seen?: Set<string>): ResolvedStyle {
    if (!id) return {};
    const hit = this.memo.get(id);
    if (hit) return hit;
    const d = this.defs.get(id);
    if (!d) {
      const h = headingFromName(id);
      return h === undefined ? {} : { heading: h };
    }
    if (seen?.has(id)) return {};
    seen = seen ?? new Set();
    seen.add(id);
    const base = d.basedOn ? this.resolve(d.basedOn, seen) : {};
    const own: ResolvedStyle = { ...base };
    if (d.p.outline !== undefined) own.heading = outlineToHeading(d.p.outline);
    else if (d.nameHeading !== undefined) own.heading = d.nameHeading;
    if (d.p.numId !== undefined) {
      own.numId = d.p.numId;
      own.ilvl = d.p.ilvl;
    } else if (d.p.ilvl !== undefined) own.ilvl = d.p.ilvl;
    if (d.p.jc !== undefined) own.jc = d.p.jc;
    if (d.r.bold !== undefined) own.bold = d.r.bold;
    this.memo.set(id, own);
    return own;
  }
}

// ───────────────────────────── numbering ─────────────────────────────

interface LvlDef {
  start: number;
  fmt: string;
  text?: string;
  suff: string;
  pStyle?: string;
  isLgl: boolean;
}

interface NumDef {
  abstractId: string;
  /** w:lvlOverride/w:startOverride values by level. */
  starts: Map<number, number>;
  /** w:lvlOverride/w:lvl elements by level (resolved against the abstract level on first use). */
  lvlNodes: Map<number, XNode>;
  lvls: Map<number, LvlDef>;
  /** Any override makes this num a separate list instance (restart). */
  restarts: boolean;
}

interface AbstractDef {
  lvls: Map<number, LvlDef>;
  numStyleLink?: string;
}

const CN_DIGITS = '零一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

function chineseNumber(n: number, digits: string, units: readonly string[]): string {
  if (n <= 0 || n >= 100000) return String(n);
  if (n < 10) return digits[n];
  const ten = units[1];
  if (n < 20 && digits === CN_DIGITS) return ten + (n % 10 ? digits[n % 10] : '');
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i];
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += digits[0];
    zero = false;
    out += digits[d] + unit;
  });
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const t: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of t) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Formats a list counter the way Word does for a w:numFmt value (chineseCounting, decimal, upperLetter, …). */
export function formatListNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? '0' + n : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
    case 'decimalHalfWidth':
      return fmt === 'decimalHalfWidth'
        ? String(n)
        : String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n, CN_DIGITS, ['', '十', '百', '千', '万']);
    case 'chineseLegalSimplified':
    case 'japaneseLegal':
      return chineseNumber(n, CN_LEGAL, ['', '拾', '佰', '仟', '万']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/[0-9]/g, (d) => (d === '0' ? '〇' : CN_DIGITS[Number(d)]));
    case 'ideographTraditional':
      return n > 0 ? TIANGAN[(n - 1) % 10] : String(n);
    case 'ideographZodiac':
      return n > 0 ? DIZHI[(n - 1) % 12] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : String(n);
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

function readLvl(lvl: XNode, base?: LvlDef): LvlDef {
  const out: LvlDef = base ? { ...base } : { start: 1, fmt: 'decimal', suff: 'tab', isLgl: false };
  for (const ch of lvl.c) {
    if (typeof ch === 'string') continue;
    switch (ch.n) {
      case 'start':
        out.start = toInt(val(ch)) ?? out.start;
        break;
      case 'numFmt':
        out.fmt = val(ch) ?? out.fmt;
        break;
      case 'AlternateContent': {
        // Word 2010+: <mc:Choice><w:numFmt w:val="custom" …/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback>
        const pick = child(ch, 'Fallback') ?? child(ch, 'Choice');
        const f = val(child(pick, 'numFmt'));
        if (f) out.fmt = f;
        break;
      }
      case 'lvlText':
        out.text = val(ch);
        break;
      case 'suff':
        out.suff = val(ch) ?? out.suff;
        break;
      case 'pStyle':
        out.pStyle = val(ch);
        break;
      case 'isLgl':
        out.isLgl = onOff(ch) ?? false;
        break;
    }
  }
  return out;
}

class Numbering {
  private readonly abstracts = new Map<string, AbstractDef>();
  private readonly nums = new Map<string, NumDef>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(root: XNode | undefined, private readonly styles: Styles) {
    if (!root) return;
    for (const el of root.c) {
      if (typeof el === 'string') continue;
      if (el.n === 'abstractNum') {
        const id = attrs(el).abstractNumId;
        if (id === undefined) continue;
        const def: AbstractDef = { lvls: new Map(), numStyleLink: val(child(el, 'numStyleLink')) };
        for (const l of el.c) {
          if (typeof l === 'string' || l.n !== 'lvl') continue;
          const ilvl = toInt(attrs(l).ilvl);
          if (ilvl !== undefined && ilvl >= 0 && ilvl <= 8) def.lvls.set(ilvl, readLvl(l));
        }
        this.abstracts.set(id, def);
      } else if (el.n === 'num') {
        const id = attrs(el).numId;
        const abstractId = val(child(el, 'abstractNumId'));
        if (id === undefined || abstractId === undefined) continue;
        const def: NumDef = { abstractId, starts: new Map(), lvlNodes: new Map(), lvls: new Map(), restarts: false };
        for (const o of el.c) {
          if (typeof o === 'string' || o.n !== 'lvlOverride') continue;
          const ilvl = toInt(attrs(o).ilvl);
          if (ilvl === undefined || ilvl < 0 || ilvl > 8) continue;
          const so = toInt(val(child(o, 'startOverride')));
          if (so !== undefined) def.starts.set(ilvl, so);
          const l = child(o, 'lvl');
          if (l) def.lvlNodes.set(ilvl, l);
          if (so !== undefined || l) def.restarts = true;
        }
        this.nums.set(id, def);
      }
    }
  }

  private abstractFor(num: NumDef): { id: string; def: AbstractDef } | undefined {
    let id = num.abstractId;
    for (let hop = 0; hop < 4; hop++) {
      const def = this.abstracts.get(id);
      if (!def) return undefined;
      if (!def.numStyleLink || def.lvls.size > 0) return { id, def };
      // numStyleLink → numbering style → its numPr numId → num → abstractNum
      const viaNum = this.styles.def(def.numStyleLink)?.p.numId;
      const next = viaNum ? this.nums.get(viaNum) : undefined;
      if (!next) return { id, def };
      id = next.abstractId;
    }
    return undefined;
  }

  private level(num: NumDef, abs: AbstractDef, ilvl: number): LvlDef | undefined {
    const cached = num.lvls.get(ilvl);
    if (cached) return cached;
    const node = num.lvlNodes.get(ilvl);
    if (!node) return abs.lvls.get(ilvl);
    const resolved = readLvl(node, abs.lvls.get(ilvl));
    num.lvls.set(ilvl, resolved);
    return resolved;
  }

  /** Advances the counter for (numId, ilvl) and returns the rendered prefix ("一、", "（二）", "1.1"). */
  next(numId: string, ilvl: number | undefined, paraStyle: string | undefined): string {
    const num = this.nums.get(numId);
    if (!num) return '';
    const abs = this.abstractFor(num);
    if (!abs) return '';
    let lv = ilvl;
    if (lv === undefined && paraStyle) {
      for (const [k, l] of abs.def.lvls) if (l.pStyle === paraStyle) lv = k;
    }
    lv = Math.min(8, Math.max(0, lv ?? 0));
    const def = this.level(num, abs.def, lv);
    if (!def || def.fmt === 'bullet') return '';
    // Word continues one list across w:num elements sharing an abstractNum unless the num restarts it.
    const key = num.restarts ? `n:${numId}` : `a:${abs.id}`;
    let c = this.counters.get(key);
    if (!c) {
      c = new Array(9).fill(undefined);
      this.counters.set(key, c);
    }
    const startOf = (k: number): number => {
      const s = num.starts.get(k);
      if (s !== undefined) return s;
      return this.level(num, abs.def, k)?.start ?? 1;
    };
    c[lv] = c[lv] === undefined ? startOf(lv) : (c[lv] as number) + 1;
    for (let d = lv + 1; d < 9; d++) c[d] = undefined;
    if (def.text === undefined) return '';
    const counters = c;
    const text = def.text.replace(/%([1-9])/g, (_, k: string) => {
      const idx = Number(k) - 1;
      if (idx > lv) return '';
      const l = this.level(num, abs.def, idx);
      const value = counters[idx] ?? startOf(idx);
      const fmt = def.isLgl ? 'decimal' : (l?.fmt ?? 'decimal');
      return formatListNumber(value, fmt);
    });
    return def.suff === 'space' && text ? text + ' ' : text;
  }
}

// ───────────────────────────── document walk ─────────────────────────────

const TEXTISH = new Set(['t', 'txbxContent']);
const TXBX = new Set(['txbxContent']);
const INLINE_SKIP = new Set([
  'pPr', 'rPr', 'del', 'moveFrom', 'sdtPr', 'sdtEndPr', 'customXmlPr', 'smartTagPr',
  'rt', 'rubyPr', 'instrText', 'delText', 'delInstrText', 'ctrlPr', 'oMathParaPr',
]);

interface ParaCollector {
  parts: string[];
  allBold: boolean;
  anyText: boolean;
  styleBold: boolean;
  extras: DocBlock[];
}

interface WalkStats {
  pictures: number;
  objects: number;
  textBoxes: number;
  nestedTables: number;
  altChunks: number;
}

class Walker {
  readonly stats: WalkStats = { pictures: 0, objects: 0, textBoxes: 0, nestedTables: 0, altChunks: 0 };

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  /** Chooses the mc:Choice unless only the mc:Fallback has text; never both. */
  private pickAlternate(ac: XNode): XNode | undefined {
    const choice = child(ac, 'Choice');
    const fallback = child(ac, 'Fallback');
    if (!choice) return fallback;
    if (!fallback) return choice;
    if (!hasDescendant(choice, TEXTISH) && hasDescendant(fallback, TEXTISH)) return fallback;
    return choice;
  }

  blocks(nodes: readonly XChild[], out: DocBlock[]): void {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      switch (node.n) {
        case 'p':
          this.paragraph(node, out);
          break;
        case 'tbl': {
          const t = this.table(node);
          if (t.rowCount > 0) out.push(t);
          break;
        }
        case 'sdt':
          this.blocks(child(node, 'sdtContent')?.c ?? NO_CHILDREN, out);
          break;
        case 'customXml':
        case 'ins':
        case 'moveTo':
        case 'sdtContent':
          this.blocks(node.c, out);
          break;
        case 'AlternateContent': {
          const pick = this.pickAlternate(node);
          if (pick) this.blocks(pick.c, out);
          break;
        }
        case 'altChunk':
          this.stats.altChunks++;
          break;
      }
    }
  }

  private paragraph(p: XNode, out: DocBlock[]): void {
    const direct = readPPr(child(p, 'pPr'));
    const styleId = direct.styleId ?? this.styles.defaultPara;
    const st = this.styles.resolve(styleId);
    // numbering first, so counters follow document order even when text boxes hang off this paragraph
    let prefix = '';
    const numId = direct.numId ?? st.numId;
    if (numId !== undefined && numId !== '0') {
      // level: the paragraph's own ilvl; else 0 for direct numbering; else the style's ilvl,
      // else (undefined) the abstract level whose w:pStyle names this style.
      const ilvl = direct.ilvl ?? (direct.numId !== undefined ? 0 : st.ilvl);
      prefix = this.numbering.next(numId, ilvl, styleId);
    }
    const pc: ParaCollector = {
      parts: [],
      allBold: true,
      anyText: false,
      styleBold: st.bold ?? this.styles.defaultBold ?? false,
      extras: [],
    };
    this.inline(p.c, pc);
    const body = pc.parts.join('').trim();
    // A list number on an otherwise empty line is not content (its counter still advanced above).
    const text = prefix && body ? (prefix + body).trim() : body;
    if (text) {
      const para: DocParagraph = { kind: 'paragraph', text };
      const heading = direct.outline !== undefined ? outlineToHeading(direct.outline) : st.heading;
      if (heading !== undefined && heading !== null) para.headingLevel = heading;
      if (pc.anyText && pc.allBold) para.bold = true;
      if ((direct.jc ?? st.jc ?? this.styles.defaultJc) === 'center') para.centered = true;
      out.push(para);
    }
    for (const e of pc.extras) out.push(e);
  }

  private inline(nodes: readonly XChild[], pc: ParaCollector): void {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      const n = node.n;
      if (n === 'r') this.run(node, pc);
      else if (n === 'AlternateContent') {
        const pick = this.pickAlternate(node);
        if (pick) this.inline(pick.c, pc);
      } else if (!INLINE_SKIP.has(n) && node.c.length > 0) this.inline(node.c, pc);
    }
  }

  private run(r: XNode, pc: ParaCollector): void {
    const rp = readRPr(child(r, 'rPr'));
    let bold = rp.bold;
    if (bold === undefined && rp.rStyle) bold = this.styles.resolve(rp.rStyle).bold;
    if (bold === undefined) bold = pc.styleBold;
    this.runChildren(r.c, pc, bold);
  }

  private runChildren(nodes: readonly XChild[], pc: ParaCollector, bold: boolean): void {
    for (const ch of nodes) {
      if (typeof ch === 'string') continue;
      switch (ch.n) {
        case 't': {
          const first = ch.c[0];
          const s = ch.c.length === 1 && typeof first === 'string' ? first : ch.c.filter((x) => typeof x === 'string').join('');
          if (!s) break;
          pc.parts.push(s);
          if (s.trim()) {
            pc.anyText = true;
            if (!bold) pc.allBold = false;
          }
          break;
        }
        case 'tab':
        case 'ptab':
          pc.parts.push('\t');
          break;
        case 'br':
        case 'cr':
          pc.parts.push('\n');
          break;
        case 'noBreakHyphen':
          pc.parts.push('-');
          break;
        case 'AlternateContent': {
          const pick = this.pickAlternate(ch);
          if (pick) this.runChildren(pick.c, pc, bold);
          break;
        }
        case 'drawing':
        case 'pict':
        case 'object': {
          const boxes: XNode[] = [];
          this.findTextBoxes(ch, boxes);
          if (boxes.length === 0) {
            if (ch.n === 'object') this.stats.objects++;
            else this.stats.pictures++;
          }
          for (const box of boxes) {
            this.stats.textBoxes++;
            this.blocks(box.c, pc.extras);
          }
          break;
        }
        case 'ruby':
          this.inline(child(ch, 'rubyBase')?.c ?? NO_CHILDREN, pc);
          break;
        // instrText, delText, sym, fldChar, softHyphen, footnoteReference, … carry no visible text
      }
    }
  }

  private findTextBoxes(node: XNode, out: XNode[]): void {
    for (const ch of node.c) {
      if (typeof ch === 'string') continue;
      if (ch.n === 'txbxContent') out.push(ch);
      else if (ch.n === 'AlternateContent') {
        const choice = child(ch, 'Choice');
        const fallback = child(ch, 'Fallback');
        const pick = choice && (hasDescendant(choice, TXBX) || !fallback) ? choice : fallback;
        if (pick) this.findTextBoxes(pick, out);
      } else if (ch.c.length > 0) this.findTextBoxes(ch, out);
    }
  }

  private collect(node: XNode, name: string, out: XNode[]): void {
    for (const ch of node.c) {
      if (typeof ch === 'string') continue;
      if (ch.n === name) out.push(ch);
      else if (ch.n === 'sdt') {
        const content = child(ch, 'sdtContent');
        if (content) this.collect(content, name, out);
      } else if (ch.n === 'customXml' || ch.n === 'ins' || ch.n === 'moveTo') this.collect(ch, name, out);
      else if (ch.n === 'AlternateContent') {
        const pick = this.pickAlternate(ch);
        if (pick) this.collect(pick, name, out);
      }
    }
  }

  private cellText(tc: XNode): string {
    const blocks: DocBlock[] = [];
    this.blocks(tc.c, blocks);
    const lines: string[] = [];
    for (const b of blocks) {
      if (b.kind === 'paragraph') lines.push(b.text);
      else {
        this.stats.nestedTables++;
        for (let r = 0; r < b.rowCount; r++) {
          const row = b.cells
            .filter((c) => c.row === r)
            .map((c) => c.text.replace(/\n/g, ' '))
            .join('\t')
            .trim();
          if (row) lines.push(row);
        }
      }
    }
    return lines.join('\n').trim();
  }

  private table(tbl: XNode): DocTable {
    const trs: XNode[] = [];
    this.collect(tbl, 'tr', trs);
    const cells: DocCell[] = [];
    const grid: (DocCell | undefined)[][] = [];
    let colCount = 0;
    let r = 0;
    for (const tr of trs) {
      const trPr = child(tr, 'trPr');
      if (trPr && child(trPr, 'del')) continue; // tracked row deletion
      const gridBefore = Math.max(0, Math.min(1000, toInt(val(child(trPr, 'gridBefore'))) ?? 0));
      const gridAfter = Math.max(0, Math.min(1000, toInt(val(child(trPr, 'gridAfter'))) ?? 0));
      const rowGrid: (DocCell | undefined)[] = [];
      grid[r] = rowGrid;
      const above = r > 0 ? grid[r - 1] : undefined;
      let col = gridBefore;
      let last: DocCell | undefined;
      const tcs: XNode[] = [];
      this.collect(tr, 'tc', tcs);
      for (const tc of tcs) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Math.min(1000, toInt(val(child(tcPr, 'gridSpan'))) ?? 1));
        const vMerge = child(tcPr, 'vMerge');
        const hMerge = child(tcPr, 'hMerge');
        const text = this.cellText(tc);
        const append = (target: DocCell) => {
          if (text) target.text = target.text ? `${target.text}\n${text}` : text;
        };
        if (hMerge && val(hMerge) !== 'restart' && last) {
          last.colSpan += span;
          for (let k = 0; k < span; k++) rowGrid[col + k] = last;
          append(last);
          col += span;
          continue;
        }
        if (vMerge && val(vMerge) !== 'restart') {
          const origin = above?.[col];
          if (origin && origin.col === col) {
            origin.rowSpan = r - origin.row + 1;
            for (let k = 0; k < span; k++) rowGrid[col + k] = origin;
            append(origin);
            last = undefined;
            col += span;
            continue;
          }
        }
        const cell: DocCell = { text, row: r, col, rowSpan: 1, colSpan: span };
        cells.push(cell);
        for (let k = 0; k < span; k++) rowGrid[col + k] = cell;
        last = cell;
        col += span;
      }
      colCount = Math.max(colCount, col + gridAfter);
      r++;
    }
    return { kind: 'table', rowCount: r, colCount, cells };
  }
}

function parseOptional(xml: string | undefined, what: string, notes: string[]): XNode | undefined {
  if (xml === undefined) return undefined;
  try {
    return parseXml(xml);
  } catch (e) {
    if (e instanceof ImportError && e.code === 'unsafe-xml') throw e;
    notes.push(`${what}已损坏，已忽略（标题样式或自动编号可能缺失）。`);
    return undefined;
  }
}

function convert(parts: Parts): DocContent {
  const notes = parts.notes;
  const docRoot = parseXml(parts.document);
  if (docRoot.n !== 'document') {
    throw new ImportError('not-docx', '文件中的 word/document.xml 不是 Word 正文，无法作为 .docx 读取。');
  }
  const styles = new Styles(parseOptional(parts.styles, '样式表（styles.xml）', notes));
  const numbering = new Numbering(parseOptional(parts.numbering, '编号定义（numbering.xml）', notes), styles);
  const walker = new Walker(styles, numbering);
  const blocks: DocBlock[] = [];
  const body = child(docRoot, 'body');
  if (body) walker.blocks(body.c, blocks);
  const s = walker.stats;
  if (s.textBoxes) notes.push(`读取了 ${s.textBoxes} 个文本框中的文字，已作为普通段落放在所在段落之后。`);
  if (s.nestedTables) notes.push(`有 ${s.nestedTables} 个表格嵌套在单元格里，其文字已并入所在单元格。`);
  if (s.pictures) notes.push(`跳过了 ${s.pictures} 张图片或图形（只读取文字）。`);
  if (s.objects) notes.push(`跳过了 ${s.objects} 个嵌入对象。`);
  if (s.altChunks) {
    notes.push(`跳过了 ${s.altChunks} 个嵌入的外部文档片段（altChunk），其中的文字未读取；在 Word 中打开后重新“另存为” .docx 可解决。`);
  }
  return { blocks, notes };
}
