// Draws the app icon (a red rounded square with a white document and a gold seal) with a tiny PNG
// encoder (node:zlib), and writes build/icon.png, build/icons/<n>x<n>.png and build/icon.ico.
// The generated files are committed; rerun only to change the design: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build');

const RED = [192, 40, 30];
const WHITE = [255, 255, 255];
const PAPER_SHADE = [236, 228, 220];
const GOLD = [242, 190, 48];

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at (x, y) in [0,1]², or null for transparent. */
function shade(x, y) {
  let c = null;
  if (inRoundRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.18)) c = RED;
  // The document, its top-right corner folded.
  const d = { x0: 0.27, y0: 0.17, x1: 0.73, y1: 0.83, fold: 0.13 };
  const inDoc = x >= d.x0 && x <= d.x1 && y >= d.y0 && y <= d.y1 && x - d.x1 + d.fold <= y - d.y0;
  if (inDoc) c = WHITE;
  const inFold = x <= d.x1 && y >= d.y0 && x >= d.x1 - d.fold && y <= d.y0 + d.fold && x - d.x1 + d.fold >= y - d.y0;
  if (inFold) c = PAPER_SHADE;
  if (inDoc) {
    // Title line and three text lines.
    if (inRoundRect(x, y, 0.36, 0.27, 0.60, 0.315, 0.02)) c = RED;
    for (const ly of [0.40, 0.49, 0.58]) if (inRoundRect(x, y, 0.34, ly, 0.66, ly + 0.035, 0.017)) c = RED;
    if (inRoundRect(x, y, 0.34, 0.67, 0.50, 0.705, 0.017)) c = RED;
    // The seal.
    if ((x - 0.615) ** 2 + (y - 0.715) ** 2 <= 0.07 ** 2) c = GOLD;
  }
  return c;
}

function render(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < ss; sj++) {
        for (let si = 0; si < ss; si++) {
          const c = shade((i + (si + 0.5) / ss) / size, (j + (sj + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (j * size + i) * 4;
      const n = ss * ss;
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round((a / n) * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encodes RGBA pixels as a PNG (colour type 6, no filtering). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (Windows Vista and later read PNG entries). */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const dir = Buffer.alloc(16 * images.length);
  let offset = 6 + dir.length;
  images.forEach(({ size, png }, k) => {
    const o = k * 16;
    dir[o] = size >= 256 ? 0 : size;
    dir[o + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, o + 4);
    dir.writeUInt16LE(32, o + 6);
    dir.writeUInt32LE(png.length, o + 8);
    dir.writeUInt32LE(offset, o + 12);
    offset += png.length;
  });
  return Buffer.concat([header, dir, ...images.map((i) => i.png)]);
}

mkdirSync(path.join(out, 'icons'), { recursive: true });
const pngs = new Map();
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) pngs.set(size, encodePng(size, render(size)));
for (const size of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(path.join(out, 'icons', `${size}x${size}.png`), pngs.get(size));
writeFileSync(path.join(out, 'icon.png'), pngs.get(512));
writeFileSync(path.join(out, 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) }))));
console.log('已生成 build/icon.png、build/icon.ico 和 build/icons/*.png');
