import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMissingFonts, missingFonts, parseFcList, parseRegQuery, probeInstalledFonts } from '../../../electron/services/font-probe';

// Finding which official fonts a PC lacks, on Linux (fc-list), Windows (registry + font folders) and macOS (folders).

const NEEDED = ['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312', '宋体', 'Times New Roman'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-fonts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** "宋体 & 新宋体" and "黑体" in GBK, as reg.exe prints them on a Chinese Windows console. */
const gbk = (s: string) =>
  new Uint8Array(
    [...s].flatMap((ch) => {
      const table: Record<string, number[]> = { 宋: [0xcb, 0xce], 体: [0xcc, 0xe5], 新: [0xd0, 0xc2], 黑: [0xba, 0xda] };
      return table[ch] ?? [...new TextEncoder().encode(ch)];
    }),
  );

describe('font probe', () => {
  it('reads fc-list family lines with localised names and escapes', () => {
    expect(parseFcList('Noto Serif CJK SC,Noto Serif CJK SC Bold\nFangSong_GB2312,仿宋_GB2312\nA\\,B\n')).toEqual([
      'Noto Serif CJK SC',
      'Noto Serif CJK SC Bold',
      'FangSong_GB2312',
      '仿宋_GB2312',
      'A,B',
    ]);
  });

  it('reads reg query output: "&" collections, (TrueType) suffixes and file names', () => {
    const out = [
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts',
      '    宋体 & 新宋体 (TrueType)    REG_SZ    simsun.ttc',
      '    Times New Roman (TrueType)    REG_SZ    times.ttf',
      '    方正小标宋简体 (TrueType)    REG_SZ    C:\\Users\\a\\AppData\\Local\\Microsoft\\Windows\\Fonts\\FZXBSJW.TTF',
      '',
    ].join('\r\n');
    expect(parseRegQuery(out)).toEqual({
      names: ['宋体', '新宋体', 'Times New Roman', '方正小标宋简体'],
      files: ['simsun.ttc', 'times.ttf', 'C:\\Users\\a\\AppData\\Local\\Microsoft\\Windows\\Fonts\\FZXBSJW.TTF'],
    });
  });

  it('matches English and localised names regardless of case, spaces and underscores', () => {
    expect(missingFonts(NEEDED, ['FangSong GB2312', 'simhei', 'SimSun', 'times new roman'])).toEqual(['方正小标宋简体', '楷体_GB2312']);
  });

  it('on Windows: reads both registry hives (GBK console output) and the font folders as a fallback', async () => {
    const winDir = path.join(tmp, 'Windows');
    const local = path.join(tmp, 'Local');
    mkdirSync(path.join(winDir, 'Fonts'), { recursive: true });
    mkdirSync(path.join(local, 'Microsoft', 'Windows', 'Fonts'), { recursive: true });
    writeFileSync(path.join(winDir, 'Fonts', 'times.ttf'), '');
    writeFileSync(path.join(local, 'Microsoft', 'Windows', 'Fonts', 'FZXBSJW.TTF'), '');
    const calls: string[] = [];
    const run = async (file: string, args: string[]) => {
      calls.push(`${file} ${args.join(' ')}`);
      if (args[1].startsWith('HKCU')) throw new Error('ERROR: The system was unable to find the specified registry key or value.');
      const bytes = [gbk('    宋体 & 新宋体 (TrueType)    REG_SZ    simsun.ttc\r\n'), gbk('    黑体 (TrueType)    REG_SZ    simhei.ttf\r\n')];
      return new Uint8Array([...bytes[0], ...bytes[1]]);
    };
    const res = await findMissingFonts(NEEDED, { platform: 'win32', run, env: { WINDIR: winDir, LOCALAPPDATA: local } });
    expect(res).toEqual({ missing: ['楷体_GB2312', '仿宋_GB2312'] });
    expect(calls).toEqual([
      'reg query HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts',
      'reg query HKCU\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts',
    ]);
  });

  it('on Windows with neither registry nor folders readable: unknown, with a note', async () => {
    const res = await findMissingFonts(NEEDED, {
      platform: 'win32',
      run: async () => Promise.reject(new Error('reg missing')),
      env: { WINDIR: path.join(tmp, 'nowhere') },
    });
    expect(res.missing).toEqual([]);
    expect(res.note).toContain('未能检查');
  });

  it('on macOS: scans the font folders for file names', async () => {
    const home = path.join(tmp, 'home');
    mkdirSync(path.join(home, 'Library', 'Fonts'), { recursive: true });
    writeFileSync(path.join(home, 'Library', 'Fonts', '仿宋_GB2312.ttf'), '');
    const installed = await probeInstalledFonts({ platform: 'darwin', home });
    expect(installed.ok).toBe(true);
    const res = await findMissingFonts(['仿宋_GB2312', '方正仿宋_GBK'], { platform: 'darwin', home });
    expect(res.missing).toEqual(['方正仿宋_GBK']);
  });

  it('on this machine: answers without throwing', async () => {
    const res = await findMissingFonts(NEEDED);
    expect(Array.isArray(res.missing)).toBe(true);
    for (const m of res.missing) expect(NEEDED).toContain(m);
  });
});
