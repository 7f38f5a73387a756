import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReport } from '../../../../electron/services/library/report-files';
import { KILL_REPORT_ID, saveNumber } from './kill-child';
import { cleanupDirs, openOk, tempDir, unwrap } from './helpers';

// The kill test: a child process saves one report in a loop ("ack <n>" after each save resolves)
// and is killed with SIGKILL at a random moment, 200 times. After every kill each file on disk
// must parse and validate, and the report must hold the last acknowledged save or the one in flight.
//
// Startup cost: `node --import tsx kill-child.ts` takes 0.6–1.2 s here (tsx hooks every module
// load), which would make 200 restarts take minutes. So the child script is bundled once with
// esbuild into one .mjs and started with plain node (~0.2 s); if esbuild is missing, tsx is used.
// Several lanes (each its own library folder) run side by side.

const KILLS = 200;
const LANES = Number(process.env.KILL_LANES ?? Math.min(4, Math.max(2, os.availableParallelism?.() ?? 2)));
const CHILD_TS = path.join(import.meta.dirname, 'kill-child.ts');

let runner: { cmd: string; args: string[] };

beforeAll(async () => {
  try {
    const { build } = await import('esbuild');
    const outfile = path.join(tempDir('nianbao-kill-bundle-'), 'kill-child.mjs');
    await build({ entryPoints: [CHILD_TS], bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: true, outfile, logLevel: 'silent' });
    runner = { cmd: process.execPath, args: [outfile] };
  } catch {
    runner = { cmd: process.execPath, args: ['--import', 'tsx', CHILD_TS] };
  }
});
afterAll(cleanupDirs);

interface Lane {
  dir: string;
  /** The save number on disk after the last kill. */
  onDisk: number;
  kills: number;
  /** Kills after which the disk held the unacknowledged save in flight. */
  inFlightLanded: number;
  acks: number;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every file of the library parses and validates; temp files of an interrupted write are the only exception. */
function checkAllFiles(dir: string, maxSave: number): void {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(dir)) {
    const name = path.basename(file);
    if (name.includes('.tmp-')) continue;
    expect(name, 'no file is ever set aside as corrupt').not.toContain('.corrupt-');
    if (name === 'library.lock') expect(readJson(file)).toHaveProperty('pid');
    else if (name === 'index.json') expect(readJson(file)).toMatchObject({ format: 'nianbao-index' });
    else {
      const { report } = decodeReport(readJson(file), file);
      expect(saveNumber(report.title)).toBeLessThanOrEqual(maxSave);
    }
  }
}

function reportOnDisk(dir: string): number {
  const file = path.join(dir, 'reports', `${KILL_REPORT_ID}.json`);
  return saveNumber(decodeReport(readJson(file), file).report.title);
}

/** Starts the child, kills it 0–40 ms after it is ready, and checks the disk. */
function killOnce(lane: Lane): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(runner.cmd, [...runner.args, lane.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    let ready: number | null = null;
    let lastAck = -1;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const [word, n] = line.split(' ');
        if (word === 'ready') {
          ready = Number(n);
          setTimeout(() => child.kill('SIGKILL'), Math.random() * 40);
        } else if (word === 'ack') {
          lastAck = Number(n);
          lane.acks++;
        } else err += `${line}\n`;
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      try {
        expect(ready, `child never became ready: ${err}`).not.toBeNull();
        expect(signal).toBe('SIGKILL');
        expect(ready, 'the child found the save the last run left on disk').toBe(lane.onDisk);
        const acked = Math.max(ready!, lastAck);
        const onDisk = reportOnDisk(lane.dir);
        expect([acked, acked + 1]).toContain(onDisk);
        if (onDisk === acked + 1) lane.inFlightLanded++;
        lane.onDisk = onDisk;
        lane.kills++;
        if (lane.kills % 5 === 0) checkAllFiles(lane.dir, onDisk + 1);
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  });
}

describe('kill test', () => {
  it(`${KILLS} SIGKILLs during saves leave only whole, valid files holding the last acknowledged save or the next`, async () => {
    const started = performance.now();
    const lanes: Lane[] = Array.from({ length: LANES }, () => ({ dir: tempDir('nianbao-kill-'), onDisk: 0, kills: 0, inFlightLanded: 0, acks: 0 }));
    const perLane = Math.ceil(KILLS / LANES);
    await Promise.all(
      lanes.map(async (lane, i) => {
        const count = Math.min(perLane, KILLS - i * perLane);
        for (let k = 0; k < count; k++) await killOnce(lane);
      }),
    );
    for (const lane of lanes) {
      checkAllFiles(lane.dir, lane.onDisk + 1); // a snapshot may hold the save in flight
      const lib = await openOk({ dataDir: lane.dir });
      expect(unwrap(await lib.get(KILL_REPORT_ID)).title).toBe(`kill ${lane.onDisk}`);
      expect(unwrap(await lib.list()).map((s) => s.title)).toEqual([`kill ${lane.onDisk}`]);
      expect(unwrap(await lib.notices()).map((n) => n.kind)).toEqual(['lock-stale']);
      const hist = unwrap(await lib.history(KILL_REPORT_ID));
      expect(hist.length).toBeGreaterThan(0);
      await lib.close();
      expect(readdirSync(path.join(lane.dir, 'reports')).filter((n) => n.includes('.tmp-'))).toEqual([]);
      expect(statSync(path.join(lane.dir, 'reports', `${KILL_REPORT_ID}.json`)).size).toBeGreaterThan(0);
    }
    const kills = lanes.reduce((s, l) => s + l.kills, 0);
    expect(kills).toBe(KILLS);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const acks = lanes.reduce((s, l) => s + l.acks, 0);
    const inFlight = lanes.reduce((s, l) => s + l.inFlightLanded, 0);
    console.log(`kill test: ${kills} kills in ${LANES} lanes, ${acks} acknowledged saves, ${inFlight} kills after an unacknowledged save landed, ${seconds} s`);
  }, 180_000);
});
