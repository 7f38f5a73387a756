import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/core/import/doc-content';
import { importBytes, importText, MAX_IMPORT_BYTES, sniffInput } from '../../../../electron/core/import/import-bytes';

// Bad input gets a clear Chinese message (an ImportError), quickly, and nothing else: no report.

const enc = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
};
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

async function docxWith(documentXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A zip whose directory claims document.xml inflates to 2 GB (a zip bomb's signature). */
async function zipBomb(): Promise<Uint8Array> {
  const bytes = await docxWith('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
  const dv = new DataView(bytes.buffer);
  for (let p = 0; p + 46 <= bytes.length; p++) {
    if (dv.getUint32(p, true) !== 0x02014b50) continue;
    const nameLen = dv.getUint16(p + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (name === 'word/document.xml') dv.setUint32(p + 24, 0x7fffffff, true);
  }
  return bytes;
}

const cases: Array<{ name: string; file: string; bytes: () => Promise<Uint8Array> | Uint8Array; code: ImportError['code']; message: RegExp }> = [
  { name: 'an empty file', file: '年报.docx', bytes: () => new Uint8Array(0), code: 'empty', message: /文件是空的/ },
  { name: 'a file over 100 MB', file: '年报.docx', bytes: () => new Uint8Array(MAX_IMPORT_BYTES + 1), code: 'too-large', message: /文件太大.*100 MB/ },
  { name: 'a .docx that is not a zip', file: '年报.docx', bytes: () => enc('这只是一段文字，被改了扩展名。'), code: 'not-zip', message: /不是 Word \.docx 文件/ },
  { name: 'an old binary .doc', file: '年报.doc', bytes: () => new Uint8Array([...OLE, ...new Uint8Array(600)]), code: 'legacy-binary', message: /另存为.*\.docx/ },
  { name: 'a WPS .wps file', file: '年报.wps', bytes: () => new Uint8Array([...OLE, ...new Uint8Array(600)]), code: 'legacy-binary', message: /WPS/ },
  { name: 'an encrypted DOCX', file: '年报.docx', bytes: () => new Uint8Array([...OLE, ...new Uint8Array(512), ...utf16('EncryptedPackage'), ...new Uint8Array(64)]), code: 'encrypted', message: /加密/ },
  { name: 'a zip bomb', file: '年报.docx', bytes: zipBomb, code: 'zip-bomb', message: /解压后的体积异常巨大/ },
  {
    name: 'XML with a DOCTYPE and entity expansion',
    file: '年报.docx',
    bytes: () => docxWith('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'),
    code: 'unsafe-xml',
    message: /DOCTYPE|ENTITY|不安全/,
  },
  { name: 'a zip that is not a Word file', file: '年报.docx', bytes: async () => { const z = new JSZip(); z.file('a.txt', 'x'); return z.generateAsync({ type: 'uint8array' }); }, code: 'not-docx', message: /[\u4e00-\u9fff]/ },
  { name: 'a text that is not a report', file: '通知.txt', bytes: () => enc('关于召开会议的通知\n请各单位于周五前报送材料。\n联系人：张三'), code: 'not-a-report', message: /^没有在文件中找到年报的章节或表格/ },
  { name: 'a web page that is not a report', file: 'news.html', bytes: () => enc('<html><body><p>今日新闻</p><table><tr><td>姓名</td><td>电话</td></tr></table></body></html>'), code: 'not-a-report', message: /^没有在文件中找到年报的章节或表格/ },
  { name: 'binary garbage named .txt', file: '年报.txt', bytes: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), code: 'bad-encoding', message: /不是文本/ },
  { name: 'a PDF', file: '年报.pdf', bytes: () => enc('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), code: 'unreadable', message: /PDF/ },
  { name: 'a report JSON that is not valid', file: 'report.json', bytes: () => enc('{"unit": {"name": 5}}'), code: 'not-a-report', message: /[\u4e00-\u9fff]/ },
];

describe('bad input', () => {
  for (const c of cases) {
    it(`${c.name}: a Chinese message within a second, no report`, async () => {
      const bytes = await c.bytes();
      const t0 = performance.now();
      let result: unknown;
      let error: unknown;
      try {
        result = await importBytes(bytes, c.file);
      } catch (e) {
        error = e;
      }
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(result).toBeUndefined();
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe(c.code);
      expect((error as ImportError).message).toMatch(c.message);
      expect((error as ImportError).message).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('pasted text that is empty or not a report', () => {
    expect(() => importText('   \n ')).toThrow(/没有可导入的文字/);
    expect(() => importText('今天天气很好。')).toThrow(/没有在文件中找到年报/);
  });

  it('sniffs the content first and the extension second', () => {
    expect(sniffInput(enc('PK\u0003\u0004rest'), 'a.txt')).toBe('docx');
    expect(sniffInput(new Uint8Array(OLE), 'a.docx')).toBe('ole');
    expect(sniffInput(enc('<!DOCTYPE html><html>'), 'a.doc')).toBe('html');
    expect(sniffInput(enc('  <table><tr><td>1</td></tr></table>'), 'a.txt')).toBe('html');
    expect(sniffInput(enc('一、总体情况'), 'a.docx')).toBe('docx');
    expect(sniffInput(enc('一、总体情况'), 'a.htm')).toBe('html');
    expect(sniffInput(enc('一、总体情况'), 'a.txt')).toBe('text');
    expect(sniffInput(enc('{"unit":{}}'), 'a.txt')).toBe('json');
  });
});
