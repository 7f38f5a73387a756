import path from 'node:path';
import { resolveDataDir as resolveAppDataDir } from '../data-dir';

// Where everything lives in a data directory (see the comment at the top of library-service.ts):
//   <dataDir>/library.lock               the one-writer lock
//   <dataDir>/index.json                 derived summaries (rebuilt from the files when missing/corrupt)
//   <dataDir>/reports/<id>.json          one report per file, the app's own report JSON
//   <dataDir>/history/<id>/<snap>.json   snapshots of that report, one per save, pruned
//   <dataDir>/trash/<id>.json            deleted reports (their history stays in history/<id>/)
// Files set aside sit next to the original: <id>.corrupt-<stamp>.json, <id>.v0.bak.json.

export interface Layout {
  dataDir: string;
  lock: string;
  index: string;
  reports: string;
  history: string;
  trash: string;
}

/** The data directory: the --data-dir flag, else NIANBAO_DATA_DIR, else the app's own folder (same rule as the desktop app and web mode). */
export function resolveDataDir(argvDataDir?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolveAppDataDir({ argv: argvDataDir && argvDataDir.trim() ? ['--data-dir', argvDataDir] : [], env });
}

/** The paths of a data directory. */
export function layoutOf(dataDir: string): Layout {
  const d = path.resolve(dataDir);
  return {
    dataDir: d,
    lock: path.join(d, 'library.lock'),
    index: path.join(d, 'index.json'),
    reports: path.join(d, 'reports'),
    history: path.join(d, 'history'),
    trash: path.join(d, 'trash'),
  };
}

const SAFE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Whether an id can name a file on every system (lower case, so it cannot clash on case-insensitive disks). */
export function isFileSafeId(id: string): boolean {
  return SAFE_ID.test(id) && !WINDOWS_RESERVED.test(id);
}

/** The id of a report file name ("abc.json" → "abc"), or null for anything else (set-aside, temp, backup files). */
export function idOfFileName(name: string): string | null {
  if (!name.endsWith('.json')) return null;
  const id = name.slice(0, -5);
  return isFileSafeId(id) ? id : null;
}

/** reports/<id>.json */
export const reportFile = (l: Layout, id: string): string => path.join(l.reports, `${id}.json`);
/** trash/<id>.json */
export const trashFile = (l: Layout, id: string): string => path.join(l.trash, `${id}.json`);
/** history/<id>/ */
export const historyDir = (l: Layout, id: string): string => path.join(l.history, id);

/** A compact UTC stamp for file names: 20261128T101500123Z. */
export function fileStamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

/** The ISO time back from fileStamp, or null. */
export function parseFileStamp(s: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : null;
}
