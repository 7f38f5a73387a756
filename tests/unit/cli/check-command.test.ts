import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempFiles } from './cli-harness';
import { completeReport } from '../../fixtures/reports';

const { dir, put: file, remove } = tempFiles('nianbao-cli-');
afterAll(remove);

const good = file('good.json', JSON.stringify(completeReport()));
const broken = completeReport();
broken.values['t3.r4_carry_out.natural'] = 7;
const brokenFile = file('broken.json', JSON.stringify(broken));

describe('nianbao check', () => {
  it('exits 0 on a consistent report and says so', async () => {
    const r = await cli('check', good);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 个错误，0 个提醒');
  });

  it('exits 1 on a broken report and lists the H1 error in Chinese', async () => {
    const r = await cli('check', brokenFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain('错误 H1：表三“自然人”列');
  });

  it('--json prints {"issues":[…]} with rule, severity, message and cells', async () => {
    const r = await cli('check', brokenFile, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['issues']);
    expect(json.issues[0]).toEqual({
      rule: 'H1',
      severity: 'error',
      message: expect.stringContaining('第一项加第二项之和'),
      cells: ['t3.r1_new.natural', 't3.r2_carry_in.natural', 't3.r3_7_total.natural', 't3.r4_carry_out.natural'],
    });
    expect((await cli('check', good, '--json')).out).toBe('{"issues":[]}');
  });

  it('--previous enables the cross-year warnings', async () => {
    const prev = completeReport({ year: 2024 });
    prev.values['t3.r4_carry_out.natural'] = 4;
    prev.values['t2.normative.valid'] = 10;
    const r = await cli('check', good, '--previous', file('prev.json', JSON.stringify(prev)), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).issues.map((i: { rule: string }) => i.rule)).toEqual(['S1']);
  });

  it('exits 2 with a Chinese message on malformed JSON, naming the position', async () => {
    const r = await cli('check', file('bad.json', '{\n  "unit": {"name": "x",\n}'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json：不是有效的 JSON 文件（第 3 行/);
    expect(r.out).toBe('');
  });

  it('exits 2 naming the wrong field when the file is not a report', async () => {
    const r1 = await cli('check', file('other.json', '{"name":"package","version":"1.0.0"}'));
    expect(r1.code).toBe(2);
    expect(r1.err).toContain('不是年报');
    const r2 = await cli('check', file('wrong.json', JSON.stringify({ ...completeReport(), year: '二〇二五' })));
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('字段 “year”');
    const r3 = await cli('check', file('cells.json', JSON.stringify({ ...completeReport(), values: { 't3.r9.natural': 1 } })));
    expect(r3.code).toBe(2);
    expect(r3.err).toContain('t3.r9.natural');
  });

  it('exits 2 on a missing file, a folder, and bad usage', async () => {
    expect((await cli('check', path.join(dir, 'nope.json'))).err).toContain('找不到文件');
    expect((await cli('check', dir)).code).toBe(2);
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', good, '--bogus')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('accepts a report written by hand: nested values, "/" cells kept blank and reported', async () => {
    const hand = {
      unit: { name: '某镇人民政府', level: 'township' },
      year: 2025,
      sections: { s5: ['存在的问题：公开不够及时。'], s6: ['本年度未收取信息处理费。'] },
      values: {
        t3: { r1_new: { natural: 1, total: 1 }, r3_1_open: { natural: '1', total: 1 }, r3_7_total: { natural: 1, total: 1 }, r4_carry_out: { natural: 0, total: '0' } },
        t2: { rules: { issued: '/' } },
      },
    };
    const r = await cli('check', file('hand.json', JSON.stringify(hand)), '--json');
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.out).issues as Array<{ rule: string; message: string; cells: string[] }>;
    const h6 = issues.find((i) => i.cells.includes('t2.rules.issued'))!;
    expect(h6.rule).toBe('H6');
    expect(h6.message).toContain('“/”');
    expect(issues.some((i) => i.rule === 'H1')).toBe(false);
  });

  it('works as a real command through the package bin', () => {
    const bin = path.resolve(__dirname, '../../../bin/nianbao.mjs');
    const ok = spawnSync(process.execPath, [bin, 'check', good], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, 'check', brokenFile, '--json'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).issues.length).toBeGreaterThan(0);
  }, 30_000);
});
