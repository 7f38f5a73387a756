// `npm test`: type-check, lint, unit tests, UI tests and the Electron security scan, then one line
// "N passed, N failed" with the totals of all suites (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'test-results');
mkdirSync(out, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function single(name, cmd, args) {
  console.log(`\n=== ${name} ===`);
  const ok = run(cmd, args) === 0;
  if (ok) totals.passed++;
  else totals.failed++;
  lines.push(`${name}: ${ok ? 'passed' : 'FAILED'}`);
}

function vitest(name, config) {
  console.log(`\n=== ${name} ===`);
  const file = path.join(out, `${name}.json`);
  rmSync(file, { force: true });
  const code = run('npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (!existsSync(file)) {
    totals.failed++;
    lines.push(`${name}: FAILED (no results, exit ${code})`);
    return;
  }
  const j = JSON.parse(readFileSync(file, 'utf8'));
  let failed = j.numFailedTests;
  // A suite that fails to load counts as a failure even when no test inside it ran.
  const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
  failed += brokenFiles;
  if (code !== 0 && failed === 0) failed = 1;
  totals.passed += j.numPassedTests;
  totals.failed += failed;
  totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  lines.push(`${name}: ${j.numPassedTests} passed, ${failed} failed, ${j.numPendingTests} skipped`);
}

const only = process.argv.slice(2);
const want = (s) => only.length === 0 || only.includes(s);
if (want('typecheck')) single('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (want('lint')) single('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
if (want('unit')) vitest('unit', 'vitest.config.ts');
if (want('ui') && existsSync(path.join(root, 'vitest.ui.config.ts'))) vitest('ui', 'vitest.ui.config.ts');
if (want('e2e') && existsSync(path.join(root, 'vitest.e2e.config.ts'))) vitest('e2e', 'vitest.e2e.config.ts');
if (want('security') && existsSync(path.join(root, 'scripts', 'electronegativity.mjs'))) single('electronegativity', 'node', ['scripts/electronegativity.mjs']);

console.log('\n=== 汇总 ===');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);
