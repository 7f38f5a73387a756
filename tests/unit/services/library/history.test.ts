import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_LAST, parseSnapshotName, snapshotIdOf, snapshotsToKeep } from '../../../../electron/services/library/snapshots';
import { completeReport } from '../../../fixtures/reports';
import { cleanupDirs, fakeClock, openOk, tempDir, unwrap } from './helpers';

afterEach(cleanupDirs);

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('snapshot names and retention (pure)', () => {
  it('names sort by save order and parse back', () => {
    const at = new Date('2026-11-28T10:15:00.123Z');
    expect(snapshotIdOf(42, at)).toBe('00000042-20261128T101500123Z');
    expect(parseSnapshotName('00000042-20261128T101500123Z.json')).toEqual({ snapshotId: '00000042-20261128T101500123Z', seq: 42, savedAt: at.toISOString() });
    expect(parseSnapshotName('../etc')).toBeNull();
  });
  it('keeps the newest 50 even when the clock went backwards', () => {
    const metas = Array.from({ length: 60 }, (_, i) => ({ snapshotId: `s${i}`, seq: i + 1, savedAt: new Date(Date.UTC(2020, 0, 1) - i * 1000).toISOString() }));
    const keep = snapshotsToKeep(metas, new Date(Date.UTC(2026, 0, 1)));
    expect(keep.size).toBe(KEEP_LAST);
    expect(keep.has('s59')).toBe(true);
    expect(keep.has('s9')).toBe(false);
  });
});

describe('snapshotsToKeep (property)', () => {
  it('keeps the newest 50, one per day within 90 days, nothing else', () => {
    const now = Date.parse('2026-06-01T00:00:00.000Z');
    const arb = fc.array(fc.integer({ min: 0, max: 200 * DAY }), { maxLength: 400 });
    fc.assert(
      fc.property(arb, (agesMs) => {
        // seq order = save order: older saves have lower seq
        const times = [...agesMs].sort((a, b) => b - a).map((age) => now - age);
        const metas = times.map((t, i) => ({ snapshotId: `s${i}`, seq: i + 1, savedAt: new Date(t).toISOString() }));
        const keep = snapshotsToKeep(metas, new Date(now));
        const newest = metas.slice(-KEEP_LAST);
        for (const m of newest) expect(keep.has(m.snapshotId)).toBe(true);
        const day = (iso: string) => new Date(iso).toDateString();
        for (const m of metas) {
          if (!keep.has(m.snapshotId) || newest.includes(m)) continue;
          expect(Date.parse(m.savedAt)).toBeGreaterThanOrEqual(now - 90 * DAY);
          const later = metas.filter((o) => o.seq > m.seq && day(o.savedAt) === day(m.savedAt));
          expect(later).toEqual([]);
        }
        expect(keep.size).toBeLessThanOrEqual(KEEP_LAST + 91);
      }),
      { numRuns: 200 },
    );
  });
});

describe('library history', () => {
  it('51 saves in a day → the newest 50 are kept', async () => {
    const { clock, advance } = fakeClock('2026-03-02T01:00:00.000Z');
    const dataDir = tempDir();
    const lib = await openOk({ dataDir, clock });
    const r = completeReport();
    unwrap(await lib.insert({ ...r, title: 'v1' }));
    for (let i = 2; i <= 51; i++) {
      advance(60_000);
      unwrap(await lib.save({ ...r, title: `v${i}` }));
    }
    const history = unwrap(await lib.history(r.id));
    expect(history).toHaveLength(50);
    expect(history[0].savedAt).toBe(clock().toISOString());
    const titles = history.map((h) => JSON.parse(readFileSync(path.join(dataDir, 'history', r.id, `${h.snapshotId}.json`), 'utf8')).title);
    expect(titles[0]).toBe('v51');
    expect(titles.at(-1)).toBe('v2');
    expect(readdirSync(path.join(dataDir, 'history', r.id))).toHaveLength(50);
    await lib.close();
  });

  it('over 100 days keeps the newest 50 plus the last save of each of the last 90 days', async () => {
    const { clock, set } = fakeClock();
    const lib = await openOk({ dataDir: tempDir(), clock });
    const r = completeReport();
    const start = Date.parse('2026-01-01T01:00:00.000Z');
    let first = true;
    for (let day = 0; day < 100; day++) {
      for (let h = 0; h < 3; h++) {
        set(new Date(start + day * DAY + h * HOUR).toISOString());
        const report = { ...r, title: `d${day}h${h}` };
        if (first) unwrap(await lib.insert(report));
        else unwrap(await lib.save(report));
        first = false;
      }
    }
    const history = unwrap(await lib.history(r.id));
    const savedAt = new Set(history.map((h) => h.savedAt));
    // the newest 50 saves: all of days 84–99 and the last two of day 83
    for (let i = 0; i < 50; i++) {
      const n = 299 - i;
      expect(savedAt.has(new Date(start + Math.floor(n / 3) * DAY + (n % 3) * HOUR).toISOString())).toBe(true);
    }
    // the last save of each day within 90 days of the newest save (days 9–99); nothing older
    for (let day = 9; day < 100; day++) expect(savedAt.has(new Date(start + day * DAY + 2 * HOUR).toISOString())).toBe(true);
    for (let day = 0; day < 9; day++) for (let h = 0; h < 3; h++) expect(savedAt.has(new Date(start + day * DAY + h * HOUR).toISOString())).toBe(false);
    expect(history).toHaveLength(50 + (91 - 17));
    expect(history.map((h) => h.savedAt)).toEqual([...history.map((h) => h.savedAt)].sort().reverse());
    await lib.close();
  });

  it('restoring a snapshot is a save: the state before the restore stays in the history', async () => {
    const { clock, advance } = fakeClock();
    const lib = await openOk({ dataDir: tempDir(), clock });
    const r = completeReport();
    unwrap(await lib.insert({ ...r, title: '第一版' }));
    advance(1000);
    unwrap(await lib.save({ ...r, title: '第二版' }));
    advance(1000);
    unwrap(await lib.save({ ...r, title: '第三版' }));
    const before = unwrap(await lib.history(r.id));
    expect(before).toHaveLength(3);
    advance(1000);
    const restored = unwrap(await lib.restoreSnapshot(r.id, before[2].snapshotId));
    expect(restored.title).toBe('第一版');
    expect(unwrap(await lib.get(r.id)).title).toBe('第一版');
    expect(unwrap(await lib.list())[0]).toMatchObject({ title: '第一版', updatedAt: clock().toISOString() });
    const after = unwrap(await lib.history(r.id));
    expect(after).toHaveLength(4);
    expect(after.slice(1)).toEqual(before);
    unwrap(await lib.restoreSnapshot(r.id, before[0].snapshotId));
    expect(unwrap(await lib.get(r.id)).title).toBe('第三版');
    await lib.close();
  });
});
