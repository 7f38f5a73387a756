import { readDocx } from '../docx/read-docx';
import { parseReportJson } from '../model/report-file';
import { readPlainText } from '../text/read-plain';
import { readHtml, readHtmlString } from '../text/read-html';
import { textToContent } from '../text/text-to-content';
import { ImportError, type DocContent } from './doc-content';
import type { ImportFormat, ImportResult } from './import-result';
import { recogniseReport } from './recognise';

// The pure entry point of every import: bytes of a file (or pasted text) → ImportResult, choosing the
// reader by the content first (zip → DOCX, OLE2 → old Word/WPS, HTML tags → web page, else text) and
// the file extension second. Bad input ends in an ImportError with a Chinese message, nothing else.

/** The largest file accepted for import (a real report is far below this). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** The longest pasted text accepted. */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;

export type InputKind = 'docx' | 'ole' | 'html' | 'text' | 'json';

const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

const UNSUPPORTED: Array<{ sig: number[]; message: string }> = [
  { sig: [0x25, 0x50, 0x44, 0x46, 0x2d], message: 'PDF 文件不能直接导入：请在 PDF 阅读器中全选并复制文字，用“粘贴文字”导入；或在 WPS/Word 中把 PDF 转为 .docx 后再导入。' },
  { sig: [0x7b, 0x5c, 0x72, 0x74, 0x66], message: '这是 RTF 格式的文件，请在 Word/WPS 中“另存为” .docx 后再导入。' },
  { sig: [0x89, 0x50, 0x4e, 0x47], message: '这是图片文件，无法导入。请导入 Word（.docx）、网页（.html）或文本（.txt）文件。' },
  { sig: [0xff, 0xd8, 0xff], message: '这是图片文件，无法导入。请导入 Word（.docx）、网页（.html）或文本（.txt）文件。' },
  { sig: [0x52, 0x61, 0x72, 0x21], message: '这是压缩包，请先解压，再导入其中的年报文件。' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], message: '这是压缩包，请先解压，再导入其中的年报文件。' },
  { sig: [0x1f, 0x8b], message: '这是压缩包，请先解压，再导入其中的年报文件。' },
];

/** The first characters of the file as text, for sniffing (UTF-16 by BOM, else byte-per-character). */
function head(bytes: Uint8Array): string {
  const h = bytes.subarray(0, 2048);
  if (startsWith(h, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(h.subarray(2));
  if (startsWith(h, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(h.subarray(2));
  let s = '';
  for (let i = 0; i < h.length; i++) s += String.fromCharCode(h[i]);
  return s.replace(/^\xef\xbb\xbf/, '');
}

const HTML_HEAD = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|table|div|p|title|style|span|h[1-6])[\s>/]/i;

/** Which reader a file needs, from its content first and its extension second. */
export function sniffInput(bytes: Uint8Array, fileName = ''): InputKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const h = head(bytes);
  if (HTML_HEAD.test(h) || /<html[\s>]/i.test(h.slice(0, 1024))) return 'html';
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (/^\s*[{[]/.test(h) && (ext === 'json' || /"(unit|sections|values|schemaVersion)"/.test(h))) return 'json';
  if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return 'docx';
  if (ext === 'doc' || ext === 'wps' || ext === 'dot') return 'ole';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  if (ext === 'json') return 'json';
  return 'text';
}

function fromJson(bytes: Uint8Array): ImportResult {
  const parsed = parseReportJson(new TextDecoder('utf-8').decode(bytes));
  if (!parsed.ok) throw new ImportError('not-a-report', parsed.message);
  const format: ImportFormat = parsed.report.templateId === 'gov-disclosure-2019' ? 'gov-disclosure-2019' : parsed.report.templateId === 'gov-disclosure-2021' ? 'gov-disclosure-2021' : 'unknown';
  return {
    report: parsed.report,
    log: [{ kind: 'recognised', message: '这是本软件的报告文件，已完整读入' }, ...parsed.notes.map((n) => ({ kind: 'warning' as const, message: n }))],
    format,
  };
}

async function readContent(bytes: Uint8Array, kind: Exclude<InputKind, 'json'>): Promise<{ content: DocContent; note?: string }> {
  switch (kind) {
    case 'docx':
    case 'ole':
      return { content: await readDocx(bytes, { maxBytes: MAX_IMPORT_BYTES }) };
    case 'html':
      return { content: readHtml(bytes) };
    case 'text': {
      for (const u of UNSUPPORTED) if (startsWith(bytes, u.sig)) throw new ImportError('unreadable', u.message);
      const { text, encoding } = readPlainText(bytes);
      return { content: textToContent(text), note: encoding === 'gb18030' ? '文本按 GB18030（GBK）编码读取' : undefined };
    }
  }
}

/** Imports the bytes of a .docx, .html/.htm, .txt or report .json file; throws ImportError with a Chinese message on bad input. */
export async function importBytes(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  if (!bytes || bytes.length === 0) throw new ImportError('empty', '文件是空的，没有可导入的内容。');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError('too-large', `文件太大（${(bytes.length / 1048576).toFixed(0)} MB），年报文件不应超过 ${MAX_IMPORT_BYTES / 1048576} MB。`);
  }
  const kind = sniffInput(bytes, fileName);
  try {
    if (kind === 'json') return fromJson(bytes);
    const { content, note } = await readContent(bytes, kind);
    const result = recogniseReport(content, { fileName });
    if (note) result.log.unshift({ kind: 'recognised', message: note });
    return result;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('unreadable', `文件无法导入：${(e as Error)?.message ?? String(e)}`);
  }
}

/** Imports text the clerk pasted (copied from a web page or a PDF); throws ImportError with a Chinese message on bad input. */
export function importText(text: string): ImportResult {
  if (typeof text !== 'string' || text.trim() === '') throw new ImportError('empty', '没有可导入的文字，请先粘贴年报的内容。');
  if (text.length > MAX_IMPORT_CHARS) throw new ImportError('too-large', '粘贴的文字太长，无法导入。');
  try {
    const content = HTML_HEAD.test(text.slice(0, 2048)) ? readHtmlString(text) : textToContent(text);
    return recogniseReport(content);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('unreadable', `文字无法导入：${(e as Error)?.message ?? String(e)}`);
  }
}
