// Makes a zip file byte-for-byte reproducible: entries in a fixed order ([Content_Types].xml first, as Word
// writes it, then by name) and every DOS date/time set to 1980-01-01 00:00. The zip writer inside docx stamps
// entries with the current time; the compressed data itself is deterministic and is copied unchanged.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** DOS date of 1980-01-01 (years since 1980 = 0, month 1, day 1); time 00:00:00. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;
const FIXED_TIME = 0;

interface Entry {
  name: string;
  central: Uint8Array;
  local: Uint8Array;
}

const bad = (what: string) => new Error(`zip 文件结构无效：${what}`);

/** Entries in the order they are written: [Content_Types].xml, then the rest sorted by name. */
const entryOrder = (a: Entry, b: Entry) => {
  const rank = (e: Entry) => (e.name === '[Content_Types].xml' ? 0 : 1);
  return rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
};

/** The zip rewritten with sorted entries and fixed timestamps; throws on a zip it cannot parse (zip64, spanned). */
export function reproducibleZip(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('找不到目录结尾');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== CENTRAL) throw bad('中央目录损坏');
    const flags = view.getUint16(p + 8, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const centralLen = 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const at = view.getUint32(p + 42, true);
    if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL) throw bad('文件头损坏');
    let localLen = 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + compressed;
    if (flags & 0x08) localLen += view.getUint32(at + localLen, true) === DESCRIPTOR ? 16 : 12;
    entries.push({
      name: decoder.decode(zip.subarray(p + 46, p + 46 + nameLen)),
      central: zip.slice(p, p + centralLen),
      local: zip.slice(at, at + localLen),
    });
    p += centralLen;
  }
  entries.sort(entryOrder);
  const localSize = entries.reduce((s, e) => s + e.local.length, 0);
  const centralSize = entries.reduce((s, e) => s + e.central.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const w = new DataView(out.buffer);
  let offset = 0;
  let c = localSize;
  for (const e of entries) {
    out.set(e.local, offset);
    w.setUint16(offset + 10, FIXED_TIME, true);
    w.setUint16(offset + 12, FIXED_DATE, true);
    out.set(e.central, c);
    w.setUint16(c + 12, FIXED_TIME, true);
    w.setUint16(c + 14, FIXED_DATE, true);
    w.setUint32(c + 42, offset, true);
    offset += e.local.length;
    c += e.central.length;
  }
  w.setUint32(c, EOCD, true);
  w.setUint16(c + 8, entries.length, true);
  w.setUint16(c + 10, entries.length, true);
  w.setUint32(c + 12, centralSize, true);
  w.setUint32(c + 16, localSize, true);
  return out;
}
