import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { decodeText, isValidUtf8, normalizeCharsetLabel, scanUtf8 } from '../../../../electron/core/text/decode-text';
import { readPlainText } from '../../../../electron/core/text/read-plain';
import { ImportError } from '../../../../electron/core/import/doc-content';
import { encodeGb18030 } from '../../../fixtures/html/gb18030-encode';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: ArrayLike<number>[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const utf16 = (s: string, le: boolean): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
};
function catchImportError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

const REPORT = '青山区人民政府2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息 3256 条。“三安全一稳定”（单位：万元）';

describe('decodeText: BOMs', () => {
  it('strips a UTF-8 BOM', () => {
    const r = decodeText(concat([0xef, 0xbb, 0xbf], utf8('一、总体情况')));
    expect(r).toEqual({ text: '一、总体情况', encoding: 'utf-8' });
  });

  it('decodes UTF-16 LE and BE with BOM, and the BOM beats a contradicting hint', () => {
    const le = decodeText(concat([0xff, 0xfe], utf16(REPORT, true)), 'gbk');
    expect(le).toEqual({ text: REPORT, encoding: 'utf-16le' });
    const be = decodeText(concat([0xfe, 0xff], utf16(REPORT, false)));
    expect(be).toEqual({ text: REPORT, encoding: 'utf-16be' });
  });

  it('sniffs BOM-less UTF-16 from its zero bytes instead of calling it binary', () => {
    const text = '<html><body><p>Annual report 2023</p></body></html>';
    expect(decodeText(utf16(text, true))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(utf16(text, false))).toEqual({ text, encoding: 'utf-16be' });
  });
});

describe('decodeText: UTF-8 vs GB18030', () => {
  it('decodes valid UTF-8 as utf-8', () => {
    expect(decodeText(utf8(REPORT))).toEqual({ text: REPORT, encoding: 'utf-8' });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    const bytes = encodeGb18030(REPORT);
    expect(isValidUtf8(bytes)).toBe(false);
    expect(decodeText(bytes)).toEqual({ text: REPORT, encoding: 'gb18030' });
  });

  it('honours GB-family hints case-insensitively', () => {
    const bytes = encodeGb18030(REPORT);
    for (const hint of ['gb2312', 'GBK', 'gb18030', 'X-GBK', ' GB2312 ']) {
      expect(decodeText(bytes, hint)).toEqual({ text: REPORT, encoding: 'gb18030' });
    }
    // an ASCII-only file keeps the declared label
    expect(decodeText(utf8('<p>2023</p>'), 'gbk').encoding).toBe('gb18030');
    expect(decodeText(utf8('<p>2023</p>')).encoding).toBe('utf-8');
  });

  it('does not let a wrong hint garble the text', () => {
    // declared utf-8 but saved as GBK
    expect(decodeText(encodeGb18030(REPORT), 'utf-8')).toEqual({ text: REPORT, encoding: 'gb18030' });
    // declared gb2312 but re-saved as UTF-8 (browsers' "save page" does this)
    expect(decodeText(utf8(REPORT), 'gb2312')).toEqual({ text: REPORT, encoding: 'utf-8' });
  });

  it('keeps UTF-8 when the file is cut in the middle of a character', () => {
    const bytes = utf8(REPORT + '报');
    const r = decodeText(bytes.subarray(0, bytes.length - 1));
    expect(r.encoding).toBe('utf-8');
    expect(r.text.startsWith(REPORT)).toBe(true);
  });

  it('keeps UTF-8 when a long text has one damaged byte', () => {
    const bytes = utf8(REPORT.repeat(10));
    bytes[40] = 0xff;
    const r = decodeText(bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('一、总体情况');
  });

  it('maps charset labels', () => {
    expect(normalizeCharsetLabel('GB2312')).toBe('gb18030');
    expect(normalizeCharsetLabel('x-gbk')).toBe('gb18030');
    expect(normalizeCharsetLabel('UTF8')).toBe('utf-8');
    expect(normalizeCharsetLabel('big5')).toBeUndefined();
    expect(normalizeCharsetLabel(undefined)).toBeUndefined();
  });
});

describe('decodeText: newlines', () => {
  it('normalises \\r\\n and lone \\r to \\n', () => {
    expect(decodeText(utf8('一\r\n二\r三\n四\r\n')).text).toBe('一\n二\n三\n四\n');
    expect(decodeText(encodeGb18030('一\r\n二\r三')).text).toBe('一\n二\n三');
  });
});

describe('decodeText: binary input', () => {
  it('rejects NUL-heavy and control-character garbage with a Chinese message', () => {
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    const e = catchImportError(() => decodeText(garbage));
    expect(e.code).toBe('bad-encoding');
    expect(e.message.startsWith('文件不是文本')).toBe(true);
  });

  it('rejects files with binary magic numbers (PNG, ZIP/DOCX, PDF)', () => {
    for (const head of [
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0x50, 0x4b, 0x03, 0x04],
      [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37],
    ]) {
      const e = catchImportError(() => decodeText(concat(head, utf8('some ascii looking text '.repeat(20)))));
      expect(e.code).toBe('bad-encoding');
    }
  });

  it('accepts text with a tab or form feed', () => {
    expect(decodeText(utf8('项目\t数量\f\n合计\t3')).text).toBe('项目\t数量\f\n合计\t3');
  });
});

describe('scanUtf8', () => {
  it('agrees with the WHATWG fatal decoder on arbitrary bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const accepts = (b: Uint8Array): boolean => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // bias towards UTF-8 lead/continuation bytes so that edge cases are actually hit
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.constantFrom(0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (arr) => {
        const b = Uint8Array.from(arr);
        expect(isValidUtf8(b)).toBe(accepts(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects overlongs, surrogates and code points above U+10FFFF', () => {
    expect(isValidUtf8(Uint8Array.from([0xc0, 0xaf]))).toBe(false); // overlong "/"
    expect(isValidUtf8(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(false); // overlong
    expect(isValidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(false); // U+D800
    expect(isValidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(false); // U+110000
    expect(isValidUtf8(Uint8Array.from([0xf0, 0x9f, 0x98, 0x80]))).toBe(true); // U+1F600
    expect(scanUtf8(utf8('年报')).multibyte).toBe(2);
  });

  it('validates a real ~200 KB page in under 2 ms', () => {
    const page = readFileSync(new URL('../../../fixtures/html/portal-report.utf8.html', import.meta.url));
    const parts: Uint8Array[] = [];
    let size = 0;
    while (size < 200 * 1024) {
      parts.push(page);
      size += page.length;
    }
    const bytes = concat(...parts);
    let best = Infinity;
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      expect(isValidUtf8(bytes)).toBe(true);
      best = Math.min(best, performance.now() - t);
    }
    expect(best).toBeLessThan(2);
    let bestDecode = Infinity;
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      decodeText(bytes);
      bestDecode = Math.min(bestDecode, performance.now() - t);
    }
    expect(bestDecode).toBeLessThan(10);
  });
});

describe('readPlainText', () => {
  it('decodes GBK text files', () => {
    expect(readPlainText(encodeGb18030(REPORT))).toEqual({ text: REPORT, encoding: 'gb18030' });
  });

  it('rejects an empty or blank file with code "empty"', () => {
    expect(catchImportError(() => readPlainText(new Uint8Array(0))).code).toBe('empty');
    expect(catchImportError(() => readPlainText(utf8(' \r\n\u3000\t'))).code).toBe('empty');
  });

  it('rejects binary files with code "bad-encoding"', () => {
    const bin = new Uint8Array(1000);
    bin.set([0x50, 0x4b, 0x03, 0x04]);
    expect(catchImportError(() => readPlainText(bin)).code).toBe('bad-encoding');
  });
});
