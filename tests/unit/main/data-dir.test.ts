import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FOLDER_NAME, dataDirFromArgv, defaultUserDataDir, resolveDataDir } from '../../../electron/services/data-dir';

describe('resolveDataDir', () => {
  const userDataDir = path.resolve('/home/clerk/.config/年报');
  it('uses --data-dir first, then NIANBAO_DATA_DIR, then the portable folder, then userData', () => {
    const env = { NIANBAO_DATA_DIR: '/env/dir', PORTABLE_EXECUTABLE_DIR: 'D:\\年报' };
    expect(resolveDataDir({ argv: ['--data-dir', '/flag/dir'], env, userDataDir })).toBe(path.resolve('/flag/dir'));
    expect(resolveDataDir({ argv: ['--data-dir=/flag2'], env, userDataDir })).toBe(path.resolve('/flag2'));
    expect(resolveDataDir({ argv: [], env, userDataDir })).toBe(path.resolve('/env/dir'));
    expect(resolveDataDir({ argv: [], env: { PORTABLE_EXECUTABLE_DIR: '/media/usb' }, userDataDir })).toBe(path.join('/media/usb', DATA_FOLDER_NAME));
    expect(resolveDataDir({ argv: [], env: {}, userDataDir })).toBe(path.join(userDataDir, '年报数据'));
  });
  it('resolves a relative --data-dir against the working folder', () => {
    expect(resolveDataDir({ argv: ['--data-dir', 'd'], env: {}, cwd: '/work' })).toBe(path.resolve('/work', 'd'));
  });
  it('ignores a --data-dir without a value', () => {
    expect(dataDirFromArgv(['--data-dir'])).toBeUndefined();
    expect(dataDirFromArgv(['--data-dir', '--other'])).toBeUndefined();
    expect(dataDirFromArgv(['--data-dir='])).toBeUndefined();
  });
  it('computes the same userData folder Electron would', () => {
    expect(defaultUserDataDir('linux', {}, '/home/u')).toBe(path.join('/home/u', '.config', '年报'));
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe(path.join('/x', '年报'));
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(path.join('C:\\Users\\u\\AppData\\Roaming', '年报'));
    expect(defaultUserDataDir('darwin', {}, '/Users/u')).toBe(path.join('/Users/u', 'Library', 'Application Support', '年报'));
  });
});
