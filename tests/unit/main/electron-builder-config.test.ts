import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The installer configuration cannot be built here (no network for Electron, NSIS, fpm), so it is
// checked the way electron-builder itself checks it before building: its own validateConfiguration
// against app-builder-lib/scheme.json, plus the project's requirements.

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../../..');
const config = require(path.join(root, 'electron-builder.config.cjs'));
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(c: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const logger = { isEnabled: false, add: () => undefined };

type Target = { target: string; arch: string[] };

describe('electron-builder.config.cjs', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
  });

  it('the validation is real (a misspelt option fails)', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, logger)).rejects.toThrow(/configuration\.nsis/);
  });

  it('builds NSIS and portable for Windows x64', () => {
    const t = config.win.target as Target[];
    expect(t).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
  });

  it('builds deb and AppImage for Linux x64 and arm64 (统信UOS / 麒麟)', () => {
    const t = config.linux.target as Target[];
    expect(t.map((x) => x.target)).toEqual(['deb', 'AppImage']);
    for (const x of t) expect(x.arch).toEqual(['x64', 'arm64']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toBeTruthy();
    expect(config.deb.depends.length).toBeLessThan(12);
  });

  it('installs per user, never elevated, with a choice of folder, in Chinese', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true, language: '2052', deleteAppDataOnUninstall: false });
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
    expect(config.portable.requestExecutionLevel).toBe('user');
  });

  it('packs into asar, ships only the built app, publishes nothing', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'templates/**', 'package.json']));
    expect(config.publish).toBeNull();
    // Worker threads cannot start from inside app.asar.
    expect(config.asarUnpack).toEqual(['dist/main/import-worker.mjs']);
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // electron-builder flips them with @electron/fuses, which must be installed.
    expect(existsSync(path.join(root, 'node_modules', '@electron', 'fuses', 'package.json'))).toBe(true);
  });

  it('has its resources: icons, Chinese licence', () => {
    const png = readFileSync(path.join(root, 'build', 'icons', '512x512.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(readFileSync(path.join(root, 'build', 'icons', '256x256.png')).readUInt32BE(16)).toBe(256);
    const ico = readFileSync(path.join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    // The .ico must hold a 256×256 image (width byte 0) for electron-builder.
    const n = ico.readUInt16LE(4);
    const widths = Array.from({ length: n }, (_, i) => ico[6 + i * 16]);
    expect(widths).toContain(0);
    const licence = readFileSync(path.join(root, config.nsis.license), 'utf8');
    expect(licence.charCodeAt(0)).toBe(0xfeff);
    expect(licence).toContain('不连接互联网');
  });

  it('points main at the bundled entry', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/main.cjs');
  });
});
