// `npm start`: builds (renderer with Vite; main, preload and web server with esbuild) and starts the
// desktop app. Where the Electron binary cannot be had (this machine: no network to download it),
// says so and starts the web mode instead — the same UI in the system browser on 127.0.0.1.
//   node scripts/start.mjs [--web] [--port N] [--data-dir DIR] [--no-build] [--no-open]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      web: { type: 'boolean' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-build': { type: 'boolean' },
      'no-open': { type: 'boolean' },
    },
    strict: true,
  }));
} catch (e) {
  console.error(`参数有误 / bad arguments: ${e.message}\n用法 / usage: npm start -- [--web] [--port 端口] [--data-dir 数据文件夹] [--no-build] [--no-open]`);
  process.exit(2);
}

function run(label, cmd, args) {
  console.log(`\n> ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`\n构建失败：${label}（退出码 ${r.status ?? r.signal}） / build failed: ${label}`);
    process.exit(r.status || 1);
  }
}

/**
 * Where the Electron binary is, without require('electron'): that module tries to download the
 * binary when it is missing (a network call that fails here), then throws
 * "Electron failed to install correctly".
 */
function findElectron() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
    return existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH 指向的 ${p} 不存在` };
  }
  if (!existsSync(dir)) return { ok: false, reason: 'node_modules/electron 未安装 / not installed' };
  if (!rel) return { ok: false, reason: 'Electron 可执行文件未下载（node_modules/electron/path.txt 不存在）/ the Electron binary was never downloaded' };
  const p = path.join(dir, 'dist', rel);
  return existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `Electron 可执行文件不存在：${p} / missing` };
}

if (!values['no-build']) {
  run('构建界面 / build renderer (vite)', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  run('构建主进程、预加载脚本和网页服务 / build main, preload, web server (esbuild)', process.execPath, ['scripts/build-electron.mjs', '--quiet']);
}

const passThrough = [];
if (values['data-dir']) passThrough.push('--data-dir', path.resolve(values['data-dir']));

function startWeb() {
  const args = [path.join(root, 'dist', 'web', 'server.mjs'), ...passThrough];
  if (values.port) args.push('--port', values.port);
  if (values['no-open']) args.push('--no-open');
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (values.web) {
  startWeb();
} else {
  const electron = findElectron();
  if (!electron.ok) {
    console.log('');
    console.log('────────────────────────────────────────────────────────────');
    console.log('找不到 Electron 可执行文件，无法启动桌面版；改为启动网页版（同样的界面，在本机浏览器中打开）。');
    console.log('The Electron binary is not available, so the desktop app cannot start; starting the web mode instead');
    console.log('(the same UI in your browser, on this computer only).');
    console.log(`原因 / reason: ${electron.reason}`);
    console.log('在能联网的电脑上运行 npm ci 即可获得桌面版；安装包见 npm run dist。');
    console.log('On a machine with internet access, npm ci downloads Electron; installers: npm run dist.');
    console.log('────────────────────────────────────────────────────────────');
    startWeb();
  } else {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(electron.path, [root, ...passThrough], { cwd: root, stdio: 'inherit', env });
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
