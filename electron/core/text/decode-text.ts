// Text bytes → string: BOM, charset hint, strict UTF-8 validation, GB18030 fallback.
// Pure: only the global TextDecoder (WHATWG Encoding), no node: imports.

import { ImportError } from '../import/doc-content';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Result of scanning bytes as UTF-8: counts of good multi-byte sequences and of bad ones. */
export interface Utf8Scan {
  /** True when every byte belongs to a well-formed UTF-8 sequence (a sequence cut off by the end of the data counts as malformed). */
  valid: boolean;
  /** Well-formed sequences of 2–4 bytes. */
  multibyte: number;
  /** Malformed sequences (each restarts the scan at the next byte). */
  invalid: number;
  /** True when the only defect is a sequence cut off by the end of the data. */
  truncatedTail: boolean;
}

const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'gb18030',
  'x-gbk',
  'cp936',
  'ms936',
  'windows-936',
  'euc-cn',
  'csgb2312',
  'csgb231280',
  'csiso58gb231280',
  'chinese',
  'iso-ir-58',
  'gb_2312',
  'gb_2312-80',
  'hz-gb-2312',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);
const UTF16LE_LABELS = new Set(['utf-16', 'utf-16le', 'utf16', 'utf16le', 'unicode', 'ucs-2', 'csunicode', 'iso-10646-ucs-2', 'unicodefeff']);
const UTF16BE_LABELS = new Set(['utf-16be', 'utf16be', 'unicodefffe']);

/** Maps a charset label (HTML meta, HTTP header, XML declaration) to one of our decoders; undefined for labels we do not honour. */
export function normalizeCharsetLabel(label: string | undefined | null): TextEncodingName | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (UTF8_LABELS.has(l)) return 'utf-8';
  if (GB_LABELS.has(l)) return 'gb18030';
  if (UTF16LE_LABELS.has(l)) return 'utf-16le';
  if (UTF16BE_LABELS.has(l)) return 'utf-16be';
  return undefined;
}

/** Strict UTF-8 scan (no overlongs, no surrogates, nothing above U+10FFFF); linear, ASCII fast path. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const n = bytes.length;
  let i = 0;
  let multibyte = 0;
  let invalid = 0;
  let truncatedTail = false;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      if (j >= n) {
        ok = false;
        truncatedTail = true;
        break;
      }
      const c = bytes[j];
      const min = k === 0 ? lo : 0x80;
      const max = k === 0 ? hi : 0xbf;
      if (c < min || c > max) {
        ok = false;
        break;
      }
    }
    if (ok) {
      multibyte++;
      i = j;
    } else {
      invalid++;
      if (j >= n) break;
      i++;
    }
  }
  if (invalid > 0 && !(invalid === 1 && truncatedTail)) truncatedTail = false;
  return { valid: invalid === 0, multibyte, invalid, truncatedTail };
}

/** True when the bytes are entirely well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return scanUtf8(bytes).valid;
}

const BINARY_MAGIC: ReadonlyArray<readonly number[]> = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // zip / docx / xlsx
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2 (.doc, .xls, .wps)
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

const NOT_TEXT_MESSAGE = '文件不是文本（看起来是二进制或损坏的文件），无法读取。请确认选择的是网页（.html）或纯文本（.txt）文件。';

/** Guess UTF-16 without BOM from where the zero bytes sit (ASCII-heavy UTF-16 has a zero in every other byte). */
function sniffUtf16(bytes: Uint8Array): TextEncodingName | undefined {
  const len = Math.min(bytes.length, 4096) & ~1;
  if (len < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < len; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = len / 2;
  if (oddZero >= pairs * 0.3 && evenZero <= pairs * 0.02) return 'utf-16le';
  if (evenZero >= pairs * 0.3 && oddZero <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/** Throws when the bytes look like a binary file (magic numbers, NULs, many control characters). */
function assertLooksLikeText(bytes: Uint8Array): void {
  for (const sig of BINARY_MAGIC) {
    if (startsWith(bytes, sig)) throw new ImportError('bad-encoding', NOT_TEXT_MESSAGE);
  }
  const len = Math.min(bytes.length, 65536);
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < len; i++) {
    const b = bytes[i];
    if (b < 0x20) {
      if (b === 0) nul++;
      else if (b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) ctrl++;
    } else if (b === 0x7f) ctrl++;
  }
  if (nul > Math.max(0, len * 0.001) || ctrl > Math.max(2, len * 0.02)) {
    throw new ImportError('bad-encoding', NOT_TEXT_MESSAGE);
  }
}

function decodeWith(bytes: Uint8Array, encoding: TextEncodingName): string {
  // ignoreBOM: false → the decoder drops a BOM that matches its own encoding.
  return new TextDecoder(encoding).decode(bytes);
}

/** Picks UTF-8 or GB18030 from the bytes themselves (hint only breaks ties). */
function chooseByContent(bytes: Uint8Array, hint: TextEncodingName | undefined): TextEncodingName {
  const scan = scanUtf8(bytes);
  if (scan.valid) {
    // A declared GB charset wins unless the bytes are clearly UTF-8: a handful of
    // GBK characters can be valid UTF-8 by accident, dozens practically never are.
    if (hint === 'gb18030' && scan.multibyte < 8) return 'gb18030';
    return 'utf-8';
  }
  if (scan.truncatedTail) return 'utf-8';
  // A large UTF-8 file with one or two damaged characters is still UTF-8; GBK text
  // forms a valid UTF-8 sequence only by accident, far less than 98 % of the time.
  if (scan.multibyte >= 20 && scan.invalid * 50 <= scan.multibyte) return 'utf-8';
  return 'gb18030';
}

function countReplacement(text: string): number {
  let n = 0;
  let i = text.indexOf('\uFFFD');
  while (i !== -1) {
    n++;
    i = text.indexOf('\uFFFD', i + 1);
  }
  return n;
}

/** Decodes text bytes: BOM first, then the hint (checked against the bytes), else UTF-8 if valid, else GB18030; normalises newlines. */
export function decodeText(bytes: Uint8Array, hint?: string): DecodedText {
  let encoding: TextEncodingName | undefined;
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  }

  if (!encoding) {
    const hinted = normalizeCharsetLabel(hint);
    if (hinted === 'utf-16le' || hinted === 'utf-16be') {
      encoding = hinted;
    } else {
      encoding = sniffUtf16(bytes);
      if (!encoding) {
        assertLooksLikeText(bytes);
        encoding = chooseByContent(bytes, hinted);
      }
    }
  }

  let text = decodeWith(body, encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  // Binary data that slipped past the byte checks decodes to mostly U+FFFD.
  if (text.length >= 16) {
    const bad = countReplacement(text);
    if (bad > text.length * 0.1) throw new ImportError('bad-encoding', NOT_TEXT_MESSAGE);
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // UTF-16 hides NULs inside code units; check the decoded text instead.
    const sample = text.slice(0, 32768);
    let ctrl = 0;
    for (let i = 0; i < sample.length; i++) {
      const c = sample.charCodeAt(i);
      if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) ctrl++;
    }
    if (ctrl > Math.max(2, sample.length * 0.02)) throw new ImportError('bad-encoding', NOT_TEXT_MESSAGE);
  }

  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
  return { text, encoding };
}
