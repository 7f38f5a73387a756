import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel, type Result } from '../../../electron/core/contract';
import type { Report } from '../../../electron/core/model/report';
import { createHandlers, decodeBase64, dispatch, docxFileName, type Dialogs, type Handlers } from '../../../electron/services/app-handlers';
import { openLibrary, type Library } from '../../../electron/services/library/library-service';
import { completeReport } from '../../fixtures/reports';

// Every contract channel through dispatch() — the entry point for untrusted payloads — with a real
// library in a temp folder: valid, invalid and hostile payloads, dialogs stubbed as the clerk's choice.

type R = Result<unknown> & { value?: never };
const roots: string[] = [];
const tmp = (p: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), `nianbao-${p}-`));
  roots.push(d);
  return d;
};

let library: Library;
let dataDir: string;
let h: Handlers;
let web: Handlers;
const opened: string[] = [];
let nextOpen: string | null = null;
let nextSave: string | null = null;
const dialogs: Dialogs = {
  pickOpenFile: async () => nextOpen,
  pickSavePath: async (name) => {
    opened.push(name);
    return nextSave;
  },
};

async function call(channel: string, payload: unknown, handlers: Handlers = h): Promise<R> {
  return (await dispatch(handlers, channel, payload, { checkOutput: true })) as R;
}
async function okValue<T = Record<string, unknown>>(channel: string, payload: unknown, handlers: Handlers = h): Promise<T> {
  const r = await call(channel, payload, handlers);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return (r as unknown as { value: T }).value;
}
function expectFail(r: R, code: string) {
  expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe(code);
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.error.message).not.toMatch(/\n\s+at /);
    expect(r.error.message.length).toBeLessThan(4100);
  }
}

const openedUrls: string[] = [];
beforeAll(async () => {
  dataDir = tmp('handlers');
  const lib = await openLibrary({ dataDir });
  if (!lib.ok) throw new Error(lib.error.message);
  library = lib.value;
  h = createHandlers({ library, dialogs, mode: 'electron', version: '9.9.9', dataDir, openExternal: async (u) => void openedUrls.push(u) });
  web = createHandlers({ library, mode: 'web', version: '9.9.9', dataDir });
});
afterAll(async () => {
  await library?.close();
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

async function newReport(unitName = '某某县人民政府办公室', year = 2024): Promise<Report> {
  return okValue<Report>('library:create', { unitName, level: 'county_gov', year });
}

describe('dispatch', () => {
  it('has a handler for exactly the contract channels', () => {
    expect(Object.keys(h).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(['nope', 'library:nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'LIBRARY:LIST', ' library:list', '../library:list', ''])('refuses the unknown channel %j', async (c) => {
    expectFail(await call(c, {}), 'invalid-input');
  });

  it('refuses non-string channels', async () => {
    for (const c of [undefined, null, 1, {}, ['library:list'], Symbol.iterator]) expectFail((await dispatch(h, c, {})) as R, 'invalid-input');
  });

  it.each([
    ['app:info', { extra: 1 }, ''],
    ['app:info', 'text', ''],
    ['app:info', [], ''],
    ['app:info', null, ''],
    ['library:list', { __proto__: { admin: true }, x: 1 }, ''],
    ['library:get', { id: 42 }, 'id'],
    ['library:get', { id: '' }, 'id'],
    ['library:get', { id: 'x'.repeat(65) }, 'id'],
    ['library:get', { id: 'a', extra: true }, 'extra'],
    ['library:create', { unitName: '', level: 'county_gov', year: 2024 }, 'unitName'],
    ['library:create', { unitName: 'x'.repeat(1_000_000), level: 'county_gov', year: 2024 }, 'unitName'],
    ['library:create', { unitName: '某单位', level: 'emperor', year: 2024 }, 'level'],
    ['library:create', { unitName: '某单位', level: 'county_gov', year: '2024' }, 'year'],
    ['library:create', { unitName: '某单位', level: 'county_gov', year: 1999 }, 'year'],
    ['library:create', { unitName: '某单位', level: 'county_gov', year: 2024.5 }, 'year'],
    ['library:create', { unitName: '某单位', level: 'county_gov' }, 'year'],
    ['library:save', { report: { id: 'x' } }, 'report'],
    ['library:rename', { id: 'a', title: '' }, 'title'],
    ['library:restoreSnapshot', { id: 'a', snapshotId: '' }, 'snapshotId'],
    ['library:rollForward', { fromId: 'a', year: 'next' }, 'year'],
    ['import:bytes', { fileName: '', base64: 'AAAA' }, 'fileName'],
    ['import:bytes', { fileName: 'a.docx', base64: 1 }, 'base64'],
    ['import:text', { text: '' }, 'text'],
    ['export:docxToFile', { id: 'a', fontSet: 'comic-sans' }, 'fontSet'],
    ['export:docxToFile', { id: 'a', fontSet: 'standard', path: '/etc/passwd' }, 'path'],
    ['export:docxBytes', { id: 'a' }, 'fontSet'],
    ['backup:importBytes', {}, 'base64'],
    ['shell:openExternal', { url: 'not a url' }, 'url'],
    ['shell:openExternal', { url: `https://a.example/${'x'.repeat(3000)}` }, 'url'],
  ] as Array<[Channel, unknown, string]>)('%s refuses %j with a Chinese message naming the field', async (channel, payload, field) => {
    const r = await call(channel, payload);
    expectFail(r, 'invalid-input');
    if (!r.ok && field) expect(r.error.message).toContain(field);
  });

  it('keeps __proto__ keys from polluting anything', async () => {
    const payload = JSON.parse('{"unitName":"某单位","level":"county_gov","year":2024,"__proto__":{"polluted":true}}');
    expectFail(await call('library:create', payload), 'invalid-input');
    const nested = JSON.parse('{"id":"a","constructor":{"prototype":{"polluted":true}}}');
    expectFail(await call('library:get', nested), 'invalid-input');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns a thrown error into "internal" without leaking the stack or message details', async () => {
    const boom = { ...h, 'library:list': async () => { throw new Error('secret /home/clerk/path at foo.ts:1'); } } as Handlers;
    const r = await call('library:list', {}, boom);
    expectFail(r, 'internal');
    expect(!r.ok && r.error.message).not.toContain('secret');
  });

  it('catches handlers that return something that is not a Result, or an output that breaks the contract', async () => {
    expectFail(await call('library:list', {}, { ...h, 'library:list': async () => 'oops' } as unknown as Handlers), 'internal');
    expectFail(await call('library:list', {}, { ...h, 'library:list': async () => ({ ok: true, value: [{ id: 1 }] }) } as unknown as Handlers), 'internal');
  });
});

describe('app and library channels', () => {
  it('app:info', async () => {
    expect(await okValue('app:info', {})).toEqual({ version: '9.9.9', mode: 'electron', dataDir });
    expect(await okValue('app:info', undefined, web)).toMatchObject({ mode: 'web' });
  });

  it('library:create → get → list → save → rename → duplicate', async () => {
    const r = await newReport();
    expect(r.unit.name).toBe('某某县人民政府办公室');
    expect(existsSync(path.join(dataDir, 'reports', `${r.id}.json`))).toBe(true);
    expect((await okValue<Report>('library:get', { id: r.id })).id).toBe(r.id);
    const list = await okValue<Array<{ id: string }>>('library:list', {});
    expect(list.map((s) => s.id)).toContain(r.id);
    const edited = { ...r, values: { ...r.values, 't3.r1_new.natural': 5 } };
    const saved = await okValue<{ savedAt: string; summary: { id: string } }>('library:save', { report: edited });
    expect(saved.summary.id).toBe(r.id);
    expect((await okValue<Report>('library:get', { id: r.id })).values['t3.r1_new.natural']).toBe(5);
    expect(await okValue('library:rename', { id: r.id, title: '新的标题' })).toMatchObject({ title: '新的标题' });
    const dup = await okValue<{ id: string }>('library:duplicate', { id: r.id });
    expect(dup.id).not.toBe(r.id);
  });

  it('library:save refuses a report that is not valid (extra field, bad cell path, wrong value type)', async () => {
    const r = await newReport('保存测试单位');
    expectFail(await call('library:save', { report: { ...r, admin: true } }), 'invalid-input');
    expectFail(await call('library:save', { report: { ...r, values: { '../../etc/passwd': 1 } } }), 'invalid-input');
    expectFail(await call('library:save', { report: { ...r, values: { 't3.r1_new.natural': '5' } } }), 'invalid-input');
    expectFail(await call('library:save', { report: { ...r, title: 'x'.repeat(100_000) } }), 'invalid-input');
  });

  it.each(['../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'C:\\Windows', 'con', 'nul', '%2e%2e', 'r'.padEnd(64, 'z'), 'no-such-report'])(
    'library:get with the path-like or unknown id %j reads nothing outside the library',
    async (id) => {
      const r = await call('library:get', { id });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['not-found', 'invalid-input']).toContain(r.error.code);
    },
  );

  it('library:delete → trash → restore', async () => {
    const r = await newReport('删除测试单位');
    expect(await okValue('library:delete', { id: r.id })).toBeNull();
    expectFail(await call('library:get', { id: r.id }), 'not-found');
    const trash = await okValue<Array<{ id: string }>>('library:trash', {});
    expect(trash.map((t) => t.id)).toContain(r.id);
    expect(await okValue('library:restore', { id: r.id })).toMatchObject({ id: r.id });
    expectFail(await call('library:restore', { id: 'never-deleted' }), 'not-found');
  });

  it('library:history → restoreSnapshot; hostile snapshot ids fail cleanly', async () => {
    const r = await newReport('历史测试单位');
    await okValue('library:save', { report: { ...r, title: '第一版' } });
    await okValue('library:save', { report: { ...r, title: '第二版' } });
    const history = await okValue<Array<{ snapshotId: string }>>('library:history', { id: r.id });
    expect(history.length).toBeGreaterThanOrEqual(1);
    const restored = await okValue<Report>('library:restoreSnapshot', { id: r.id, snapshotId: history[history.length - 1].snapshotId });
    expect(restored.id).toBe(r.id);
    for (const snapshotId of ['../../reports/x', '../../../../etc/passwd', 'nope']) {
      const bad = await call('library:restoreSnapshot', { id: r.id, snapshotId });
      expect(bad.ok).toBe(false);
    }
  });

  it('library:notices', async () => {
    expect(Array.isArray(await okValue('library:notices', {}))).toBe(true);
  });

  it('library:rollForward makes next year’s report from last year’s', async () => {
    const last = completeReport({ id: 'roll-source' });
    const ins = await library.insert(last);
    if (!ins.ok) throw new Error(ins.error.message);
    const out = await okValue<{ summary: { id: string; year: number }; log: unknown[] }>('library:rollForward', { fromId: ins.value.id, year: last.year + 1 });
    expect(out.summary.year).toBe(last.year + 1);
    expect(out.log.length).toBeGreaterThan(0);
    const next = await okValue<Report>('library:get', { id: out.summary.id });
    expect(next.baseline?.year).toBe(last.year);
    expectFail(await call('library:rollForward', { fromId: ins.value.id, year: last.year }), 'invalid-input');
    expectFail(await call('library:rollForward', { fromId: 'missing', year: 2030 }), 'not-found');
  });
});

describe('import channels', () => {
  it('import:pickFile imports the file the clerk picks, null when cancelled, refused on the web', async () => {
    nextOpen = null;
    expect(await okValue('import:pickFile', {})).toBeNull();
    const file = path.join(tmp('pick'), '年报.json');
    writeFileSync(file, JSON.stringify(completeReport({ id: 'picked' })));
    nextOpen = file;
    const out = await okValue<{ summary: { unitName: string }; log: unknown[] }>('import:pickFile', {});
    expect(out.summary.unitName).toBe('某市某区某街道办事处');
    expectFail(await call('import:pickFile', {}, web), 'forbidden');
  });

  it('import:pickFile with a file that is not a report fails with a message', async () => {
    const dir = tmp('pick-bad');
    for (const [name, content] of [['notes.txt', ''], ['bad.docx', 'not a zip'], ['x.json', '{"hello":1}']] as const) {
      writeFileSync(path.join(dir, name), content);
      nextOpen = path.join(dir, name);
      const r = await call('import:pickFile', {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    nextOpen = path.join(dir, 'does-not-exist.docx');
    expect((await call('import:pickFile', {})).ok).toBe(false);
  });

  it('export:docxBytes → import:bytes round trip through the worker', async () => {
    const ins = await library.insert(completeReport({ id: 'round-trip' }));
    if (!ins.ok) throw new Error(ins.error.message);
    const exported = await okValue<{ fileName: string; base64: string; missingFonts: string[]; issues: unknown[] }>('export:docxBytes', { id: ins.value.id, fontSet: 'standard' });
    expect(exported.fileName).toMatch(/\.docx$/);
    expect(Buffer.from(exported.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const imported = await okValue<{ summary: { unitName: string; year: number }; log: unknown[] }>('import:bytes', { fileName: exported.fileName, base64: exported.base64 });
    expect(imported.summary).toMatchObject({ unitName: '某市某区某街道办事处', year: 2025 });
    expect(imported.log.length).toBeGreaterThan(0);
  }, 60_000);

  it('import:bytes refuses bad base64 and unreadable files; a path-like file name is only a name', async () => {
    expectFail(await call('import:bytes', { fileName: 'a.docx', base64: '!!!not base64!!!' }), 'invalid-input');
    expectFail(await call('import:bytes', { fileName: 'a.docx', base64: '' }), 'bad-file');
    const garbage = Buffer.from('PK\u0003\u0004 this is not really a zip').toString('base64');
    expectFail(await call('import:bytes', { fileName: '../../../etc/passwd.docx', base64: garbage }), 'bad-file');
    expect(existsSync('/etc/passwd.docx')).toBe(false);
  }, 60_000);

  it('import:text imports pasted text or HTML', async () => {
    const html = readFileSync(path.resolve(__dirname, '../../fixtures/html/portal-report.utf8.html'), 'utf8');
    const out = await okValue<{ summary: { year: number } }>('import:text', { text: html });
    expect(out.summary.year).toBe(2023);
    expectFail(await call('import:text', { text: '   \n  ' }), 'bad-file');
  });
});

describe('export channels', () => {
  it('export:docxToFile writes where the clerk chose; null when cancelled; refused on the web', async () => {
    const r = await newReport('导出测试单位');
    const target = path.join(tmp('export'), '导出.docx');
    nextSave = target;
    const out = await okValue<{ path: string; missingFonts: string[]; issues: unknown[] }>('export:docxToFile', { id: r.id, fontSet: 'gbk' });
    expect(out.path).toBe(target);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(opened[opened.length - 1]).toBe(docxFileName(r));
    nextSave = null;
    expect(await okValue('export:docxToFile', { id: r.id, fontSet: 'standard' })).toBeNull();
    expectFail(await call('export:docxToFile', { id: r.id, fontSet: 'standard' }, web), 'forbidden');
    expectFail(await call('export:docxToFile', { id: 'missing', fontSet: 'standard' }), 'not-found');
  });

  it('export:docxToFile reports a target it cannot write as an io error', async () => {
    const r = await newReport('导出失败单位');
    nextSave = path.join(tmp('export-bad'), 'no-such-folder', 'x.docx');
    expectFail(await call('export:docxToFile', { id: r.id, fontSet: 'standard' }), 'io');
  });

  it('export:docxBytes of an unknown report is not-found', async () => {
    expectFail(await call('export:docxBytes', { id: 'missing', fontSet: 'standard' }, web), 'not-found');
  });

  it('docxFileName strips characters Windows forbids', () => {
    const r = completeReport({ title: 'a/b\\c:d*e?f"g<h>i|j\u0001' });
    expect(docxFileName(r)).toBe('a_b_c_d_e_f_g_h_i_j_.docx');
  });
});

describe('backup channels', () => {
  it('backup:exportBytes → backup:importBytes into another library', async () => {
    await newReport('备份测试单位');
    const b = await okValue<{ fileName: string; base64: string }>('backup:exportBytes', {});
    expect(b.fileName).toMatch(/\S/);
    const otherDir = tmp('backup-target');
    const other = await openLibrary({ dataDir: otherDir });
    if (!other.ok) throw new Error(other.error.message);
    try {
      const oh = createHandlers({ library: other.value, mode: 'web', version: '1', dataDir: otherDir });
      const r = await okValue<{ added: number; skipped: number }>('backup:importBytes', { base64: b.base64 }, oh);
      expect(r.added).toBeGreaterThan(0);
      expectFail(await call('backup:importBytes', { base64: '%%%' }, oh), 'invalid-input');
      const junk = await call('backup:importBytes', { base64: Buffer.from('not a backup').toString('base64') }, oh);
      expect(junk.ok).toBe(false);
    } finally {
      await other.value.close();
    }
  });
});

describe('shell:openExternal', () => {
  it('opens http(s) in the system browser (Electron)', async () => {
    expect(await okValue('shell:openExternal', { url: 'https://www.gov.cn/' })).toBeNull();
    expect(openedUrls).toEqual(['https://www.gov.cn/']);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'app://nianbao/index.html', 'smb://server/share', 'ms-msdt:/id', 'https://user:pw@evil.example/'])('refuses %s', async (url) => {
    const before = openedUrls.length;
    const r = await call('shell:openExternal', { url });
    expect(r.ok).toBe(false);
    expect(openedUrls.length).toBe(before);
  });

  it('does nothing in the web mode (the page opens links itself)', async () => {
    const before = openedUrls.length;
    expect(await okValue('shell:openExternal', { url: 'https://www.gov.cn/' }, web)).toBeNull();
    expect(openedUrls.length).toBe(before);
  });
});

describe('base64', () => {
  it('decodes strictly', () => {
    expect(decodeBase64('UEsDBA==')).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    expect(decodeBase64('UEsD BA==')).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    for (const s of ['UEsDB', 'UE$D', 'UEsDBA===', '====']) expect(decodeBase64(s), s).toBeNull();
  });
});

describe('contract coverage', () => {
  it('every channel has input and output schemas', () => {
    for (const c of CHANNELS) {
      expect(contract[c].input).toBeDefined();
      expect(contract[c].output).toBeDefined();
    }
  });
});
