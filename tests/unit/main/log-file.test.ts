import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/services/log-file';

describe('createLogger', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends lines with time and level', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-log-'));
    const log = createLogger(dir);
    log.info('已启动', { port: 1 });
    log.error('出错', new Error('坏了'));
    const text = readFileSync(log.file, 'utf8');
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T.* INFO  已启动 \{"port":1\}$/m);
    expect(text).toContain('ERROR 出错 Error: 坏了');
  });

  it('rotates by size and keeps a fixed number of old files', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-log-'));
    const log = createLogger(dir, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.info(`第 ${i} 行 ${'x'.repeat(30)}`);
    expect(existsSync(path.join(dir, 'nianbao.log'))).toBe(true);
    expect(existsSync(path.join(dir, 'nianbao.1.log'))).toBe(true);
    expect(existsSync(path.join(dir, 'nianbao.2.log'))).toBe(true);
    expect(existsSync(path.join(dir, 'nianbao.3.log'))).toBe(false);
    expect(readFileSync(path.join(dir, 'nianbao.log'), 'utf8')).toContain('第 39 行');
  });

  it('never throws when the folder cannot be written', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-log-'));
    const log = createLogger(path.join(dir, 'file-not-dir', 'x'));
    // Make the parent a file so mkdir fails.
    rmSync(path.join(dir, 'file-not-dir'), { force: true });
    writeFileSync(path.join(dir, 'file-not-dir'), '');
    expect(() => log.warn('x')).not.toThrow();
  });
});
