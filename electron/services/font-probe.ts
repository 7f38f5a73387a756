import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// Which of the fonts an exported report names are missing on this PC (Linux fc-list, Windows registry and
// font folders, macOS font folders). A failed probe never fails an export: it reports "unknown" with a note.

/** What the probe found: the installed font names (normalised), or why it could not tell. */
export type InstalledFonts = { ok: true; names: Set<string> } | { ok: false; note: string };

/** The result the export reports: missing fonts (empty when unknown) and a note when the probe failed. */
export interface MissingFontsResult {
  missing: string[];
  /** Set when installed fonts could not be listed: `missing` is then empty because it is unknown. */
  note?: string;
}

/** Other names a font is installed under (English family names, PostScript-style names). */
const ALIASES: Record<string, string[]> = {
  仿宋_GB2312: ['FangSong_GB2312', 'FangSong GB2312'],
  楷体_GB2312: ['KaiTi_GB2312', 'KaiTi GB2312'],
  黑体: ['SimHei'],
  宋体: ['SimSun'],
  方正小标宋简体: ['FZXiaoBiaoSong-B05S'],
  方正小标宋_GBK: ['FZXiaoBiaoSong-B05'],
  方正仿宋_GBK: ['FZFangSong-Z02'],
  方正黑体_GBK: ['FZHei-B01'],
  方正楷体_GBK: ['FZKai-Z03'],
  'Times New Roman': ['TimesNewRoman', 'Times New Roman PSMT'],
};

/** Font file names (without extension) that usually hold each font, for the file-name fallback. */
const FILE_NAMES: Record<string, string[]> = {
  仿宋_GB2312: ['FS_GB2312', 'SIMFANG_GB2312', '仿宋_GB2312'],
  楷体_GB2312: ['KT_GB2312', 'SIMKAI_GB2312', '楷体_GB2312'],
  黑体: ['simhei'],
  宋体: ['simsun'],
  方正小标宋简体: ['FZXBSJW', 'FZXBSJW_0', 'FZXBSJW--GB1-0', '方正小标宋简体'],
  方正小标宋_GBK: ['FZXBSK', 'FZXBSK--GBK1-0', '方正小标宋_GBK'],
  方正仿宋_GBK: ['FZFSK', 'FZFSK--GBK1-0', '方正仿宋_GBK'],
  方正黑体_GBK: ['FZHTK', 'FZHTK--GBK1-0', '方正黑体_GBK'],
  方正楷体_GBK: ['FZKTK', 'FZKTK--GBK1-0', '方正楷体_GBK'],
  'Times New Roman': ['times', 'TimesNewRoman', 'Times New Roman'],
};

/** A font name as compared: case, spaces, underscores and hyphens ignored. */
export const normaliseFontName = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[\s_\-]+/g, '');

/** Family names from `fc-list : family` output (one font per line, localised names separated by commas). */
export function parseFcList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .flatMap((line) => line.split(/(?<!\\),/))
    .map((n) => n.replace(/\\(.)/g, '$1').trim())
    .filter(Boolean);
}

/** Font names from `reg query …\Fonts` output: "    宋体 & 新宋体 (TrueType)    REG_SZ    simsun.ttc". */
export function parseRegQuery(text: string): { names: string[]; files: string[] } {
  const names: string[] = [];
  const files: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s+(.+?)\s+REG_(?:SZ|EXPAND_SZ)\s+(.*)$/.exec(line);
    if (!m) continue;
    const value = m[1].replace(/\s*\((TrueType|OpenType|Type 1|VGA res)\)\s*$/i, '');
    names.push(...value.split(/\s*&\s*/).map((s) => s.trim()).filter(Boolean));
    if (m[2].trim()) files.push(m[2].trim());
  }
  return { names, files };
}

/** The file's name without folder and extension. */
const stem = (file: string) => path.basename(file.replace(/\\/g, '/')).replace(/\.(ttf|ttc|otf|otc|fon|fnt|dfont)$/i, '');

/** Which needed fonts are not among the installed names or font files. */
export function missingFonts(needed: string[], installedNames: Iterable<string>): string[] {
  const have = new Set([...installedNames].map(normaliseFontName));
  return needed.filter((font) => {
    const candidates = [font, ...(ALIASES[font] ?? []), ...(FILE_NAMES[font] ?? [])];
    return !candidates.some((c) => have.has(normaliseFontName(c)));
  });
}

/** Runs a program and gives its stdout as bytes (no shell; a 10 s limit). */
export type RunProgram = (file: string, args: string[]) => Promise<Uint8Array>;

const runProgram: RunProgram = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { encoding: 'buffer', timeout: 10_000, windowsHide: true, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(new Uint8Array(stdout));
    });
  });

/** Decodes command output: UTF-8, or GBK when the console code page garbled it. */
function decodeOutput(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes('\uFFFD')) return utf8;
  try {
    return new TextDecoder('gb18030').decode(bytes);
  } catch {
    return utf8;
  }
}

async function listFolder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).map(stem);
  } catch {
    return [];
  }
}

/** Where and how to probe (defaults: this PC); tests pass a platform, a fake program runner and folders. */
export interface ProbeOptions {
  platform?: NodeJS.Platform;
  run?: RunProgram;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/** Lists the fonts installed on this PC. */
export async function probeInstalledFonts(options: ProbeOptions = {}): Promise<InstalledFonts> {
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runProgram;
  const env = options.env ?? process.env;
  const home = options.home ?? os.homedir();
  try {
    if (platform === 'win32') {
      const names: string[] = [];
      let regOk = false;
      for (const hive of ['HKLM', 'HKCU']) {
        try {
          const out = await run('reg', ['query', `${hive}\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts`]);
          const parsed = parseRegQuery(decodeOutput(out));
          names.push(...parsed.names, ...parsed.files.map(stem));
          regOk = true;
        } catch {
          // HKCU has no Fonts key until a font is installed for one user only.
        }
      }
      const folders = [path.join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts')];
      if (env.LOCALAPPDATA) folders.push(path.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
      for (const f of folders) names.push(...(await listFolder(f)));
      if (!regOk && names.length === 0) return { ok: false, note: '无法读取本机已安装的字体（注册表和字体文件夹都读不到），未能检查缺少哪些字体' };
      return { ok: true, names: new Set(names) };
    }
    if (platform === 'darwin') {
      const folders = ['/Library/Fonts', '/System/Library/Fonts', '/System/Library/Fonts/Supplemental', path.join(home, 'Library', 'Fonts')];
      const names = (await Promise.all(folders.map(listFolder))).flat();
      if (names.length === 0) return { ok: false, note: '无法读取本机的字体文件夹，未能检查缺少哪些字体' };
      return { ok: true, names: new Set(names) };
    }
    const out = await run('fc-list', [':', 'family']);
    return { ok: true, names: new Set(parseFcList(decodeOutput(out))) };
  } catch (e) {
    return { ok: false, note: `无法列出本机已安装的字体（${(e as Error).message}），未能检查缺少哪些字体` };
  }
}

/** The needed fonts missing on this PC; empty plus a note when that cannot be told. */
export async function findMissingFonts(needed: string[], options: ProbeOptions = {}): Promise<MissingFontsResult> {
  const installed = await probeInstalledFonts(options);
  if (!installed.ok) return { missing: [], note: installed.note };
  return { missing: missingFonts(needed, installed.names) };
}
