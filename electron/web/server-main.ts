import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../services/data-dir';
import { createLogger } from '../services/log-file';
import { startWebServer } from './web-server';

// Entry of dist/web/server.mjs: `node dist/web/server.mjs [--port N] [--data-dir DIR] [--no-open]`.
// Starts the web mode and opens the system browser unless headless.

/** True where no browser can be shown (CI, SSH, containers without a display). */
export function isHeadless(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI) return true;
  if (platform === 'win32' || platform === 'darwin') return false;
  return !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

/** The platform's "open this URL" command. */
export function browserOpener(platform: NodeJS.Platform, url: string): { cmd: string; args: string[] } {
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""', `"${url}"`] };
  if (platform === 'darwin') return { cmd: 'open', args: [url] };
  return { cmd: 'xdg-open', args: [url] };
}

function openBrowser(url: string): void {
  const { cmd, args } = browserOpener(process.platform, url);
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
    child.on('error', () => console.log('未能自动打开浏览器，请手动复制上面的地址。 / Could not open a browser; copy the address above.'));
    child.unref();
  } catch {
    console.log('未能自动打开浏览器，请手动复制上面的地址。');
  }
}

async function main(): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; 'static-dir'?: string; open?: boolean; 'no-open'?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'static-dir': { type: 'string' }, 'no-open': { type: 'boolean' }, open: { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    console.error(`参数有误：${(e as Error).message}\n用法：node dist/web/server.mjs [--port 端口] [--data-dir 数据文件夹] [--no-open]`);
    process.exit(2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效：${values.port}`);
    process.exit(2);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(values['static-dir'] ?? path.join(here, '..', 'renderer'));
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    console.error(`找不到界面文件：${staticDir}/index.html。请先运行 npm run build。 / The UI is not built; run npm run build.`);
    process.exit(1);
  }
  const dataDir = resolveDataDir({ argv: values['data-dir'] ? ['--data-dir', values['data-dir']] : [], env: process.env });
  const log = createLogger(dataDir);
  let server;
  try {
    const importWorkerUrl = new URL('../main/import-worker.mjs', import.meta.url);
    server = await startWebServer({ port, dataDir, staticDir, log, importWorkerUrl });
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  log.info('网页模式已启动', { port: server.port, dataDir });
  console.log('');
  console.log('年报（网页模式）已启动，仅本机可访问。 / Nianbao web mode is running (this computer only).');
  console.log(`数据文件夹 / data folder: ${dataDir}`);
  console.log(`请在浏览器中打开 / open in your browser:\n\n  ${server.url}\n`);
  console.log('地址中 # 后面是本次启动的访问凭据，请勿发给他人。按 Ctrl+C 退出。');
  console.log('The part after # is this launch\'s secret; do not share it. Press Ctrl+C to stop.');
  const wantOpen = values.open || (!values['no-open'] && !isHeadless());
  if (wantOpen) openBrowser(server.url);
  else console.log('（无图形界面环境，不自动打开浏览器 / headless: not opening a browser）');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在退出…… / stopping…');
    void server.close().finally(() => {
      log.info('网页模式已退出');
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
