// electron-builder: Windows (NSIS per-user installer + portable, x64) and Linux for 统信UOS / 麒麟
// (deb + AppImage, x64 and arm64). Offline app: nothing is published, no auto-update.
// Built on a machine with internet access (electron-builder downloads Electron, NSIS, AppImage and
// fpm): on Windows `npm ci && npm run dist -- --win`; on Linux `npm ci && npm run dist -- --linux`
// (x64 and arm64 from one x64 machine); `npm run dist -- --win --linux` on Linux needs Wine for the
// NSIS uninstaller. tests/unit/main/electron-builder-config.test.ts validates this file against
// electron-builder's own schema.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.nianbao.desktop',
  productName: '年报',
  copyright: 'Copyright © 2025 年报 项目',
  asar: true,
  directories: { output: 'release', buildResources: 'build' },
  // main, preload, web server and renderer are bundled into dist/ (scripts/build-electron.mjs, vite);
  // templates are compiled in too, and also shipped for reference.
  // (dist/web is the browser mode of `npm run web`; the installed app does not need it.)
  files: ['dist/**', 'templates/**', 'package.json', '!dist/**/*.map', '!dist/web/**'],
  // Worker threads load their script from the real file system.
  asarUnpack: ['dist/main/import-worker.mjs'],
  electronLanguages: ['zh-CN', 'en-US'],
  publish: null,
  // Electron fuses, flipped in the packaged binary (electron-builder uses @electron/fuses).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'build/icon.ico',
    executableName: 'nianbao',
    artifactName: 'nianbao-${version}-win-${arch}.${ext}',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    // 2052 = 简体中文
    language: '2052',
    installerLanguages: ['zh_CN'],
    multiLanguageInstaller: false,
    displayLanguageSelector: false,
    unicode: true,
    license: 'build/license.txt',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '年报',
    uninstallDisplayName: '年报 ${version}',
    // The reports are the clerk's work: never delete them on uninstall.
    deleteAppDataOnUninstall: false,
    runAfterFinish: true,
    artifactName: 'nianbao-${version}-win-${arch}-setup.${ext}',
  },
  portable: {
    requestExecutionLevel: 'user',
    unicode: true,
    artifactName: 'nianbao-${version}-win-${arch}-portable.${ext}',
  },

  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    icon: 'build/icons',
    category: 'Office',
    executableName: 'nianbao',
    maintainer: '年报 项目 <nianbao@localhost>',
    vendor: '年报 项目',
    synopsis: '政府信息公开工作年度报告编写工具',
    description: '离线编写、检查并导出《政府信息公开工作年度报告》。本程序不连接网络，报告只保存在本机。',
    desktop: {
      entry: {
        Name: '年报',
        'Name[zh_CN]': '年报',
        GenericName: '政府信息公开工作年度报告',
        Comment: '编写、检查并导出政府信息公开工作年度报告',
        Keywords: '年报;政府信息公开;年度报告;',
      },
    },
    artifactName: 'nianbao-${version}-linux-${arch}.${ext}',
  },
  deb: {
    packageName: 'nianbao',
    priority: 'optional',
    packageCategory: 'office',
    // Minimal: what Electron's Chromium needs to start, plus xdg-utils for opening links and files.
    // Alternatives cover both UOS/Kylin (Debian 10 / Ubuntu 20.04 names) and newer t64 names.
    depends: [
      'libgtk-3-0 | libgtk-3-0t64',
      'libnss3',
      'libxss1',
      'libxtst6',
      'libatspi2.0-0 | libatspi2.0-0t64',
      'libgbm1',
      'libasound2 | libasound2t64',
      'libuuid1',
      'xdg-utils',
    ],
  },
  appImage: {
    license: 'build/license.txt',
  },
};
