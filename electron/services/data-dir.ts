import os from 'node:os';
import path from 'node:path';

// Where the library lives. One rule for the desktop app and the web mode, so both see the same
// reports: --data-dir, then NIANBAO_DATA_DIR, then beside the portable .exe, then the user's
// application-data folder.

/** Folder name of the data folder (beside the portable executable, and inside userData). */
export const DATA_FOLDER_NAME = '年报数据';
/** The application's name as Electron derives userData from it (package.json productName). */
export const APP_DIR_NAME = '年报';

/** The value of --data-dir (as "--data-dir X" or "--data-dir=X") in argv, if any. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data-dir' && argv[i + 1] && !argv[i + 1].startsWith('--')) return argv[i + 1];
    if (a.startsWith('--data-dir=') && a.length > '--data-dir='.length) return a.slice('--data-dir='.length);
  }
  return undefined;
}

/** Electron's userData folder for this app, computed without Electron (for the web mode). */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_DIR_NAME);
}

export interface DataDirInput {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Electron's app.getPath('userData'); computed when absent (web mode). */
  userDataDir?: string;
  cwd?: string;
}

/** The absolute data folder for this launch. */
export function resolveDataDir(input: DataDirInput = {}): string {
  const env = input.env ?? process.env;
  const cwd = input.cwd ?? process.cwd();
  const flag = dataDirFromArgv(input.argv ?? []);
  if (flag) return path.resolve(cwd, flag);
  if (env.NIANBAO_DATA_DIR) return path.resolve(cwd, env.NIANBAO_DATA_DIR);
  if (env.PORTABLE_EXECUTABLE_DIR) return path.join(env.PORTABLE_EXECUTABLE_DIR, DATA_FOLDER_NAME);
  return path.join(input.userDataDir ?? defaultUserDataDir(), DATA_FOLDER_NAME);
}
