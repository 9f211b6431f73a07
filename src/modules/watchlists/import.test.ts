// The import pipeline on every store backend: versions, no-op re-imports, diffs, duplicates, failed imports, activation.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { ImportError } from './importers/types.js';
import { importList } from './import.js';
import { activate } from './versions.js';
import { diffVersions } from './diff.js';
import { getList } from './store.js';
import { wl } from './tables.js';
import { ftmFixture, tinyImporter, writeFtm } from './test-support/fixtures.js';

for (const backend of storeBackends('watchlists import')) {
  describe(`watchlists import on ${backend.name}`, () => {
    let t: TestApp;
    let dir: string;
    const k = () => wl(t.ctx.db.kysely);
    const file = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const run = (list: string, paths: string[], extra: Partial<Parameters<typeof importList>[1]> = {}) =>
      importList(t.ctx, { list, format: 'ftm', paths, actor: SYSTEM_ACTOR, ...extra });
    const rowCount = async (list: string) =>
      Number(
        (
          await k()
            .selectFrom('watchlist_entities')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('list', '=', list)
            .executeTakeFirst()
        )?.n,
      );
    const events = async () =>
      (await t.ctx.db.kysely.selectFrom('outbox').selectAll().where('topic', '=', 'watchlists.version-activated').orderBy('id').execute()).map((r) =>
        JSON.parse(r.payload),
      );

    beforeAll(async () => {
      t = await createTestApp({ backend });
      dir = mkdtempSync(join(tmpdir(), 'vigil-wl-'));
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports a version, counts listed entities by schema, and the same file again is a no-op', async () => {
      const f = join(dir, 'v1.ftm.json');
      writeFtm(f, ftmFixture(50));
      const first = await run('fx', [f]);
      expect(first).toMatchObject({
        status: 'imported',
        version: 1,
        activated: true,
        activeVersion: 1,
        counts: { Person: 40, Company: 10 },
        total: 50,
        auxiliaries: 50,
      });
      const again = await run('fx', [f]);
      expect(again).toMatchObject({ status: 'unchanged', version: 1, activeVersion: 1 });
      const list = await getList(k(), 'fx');
      expect(list.versions).toHaveLength(1);
      expect(list.versions[0]).toMatchObject({ version: 1, active: true, total: 50, files: ['v1.ftm.json'], counts: { Company: 10, Person: 40 } });
      const audit = await t.ctx.audit.search({ action: 'watchlist.import' });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ list: 'fx', version: 1, total: 50, counts: ['Company:10', 'Person:40'], activated: true });
      expect(await events()).toEqual([{ list: 'fx', version: 1, previousVersion: null }]);
    });

    it('a copy with three changed entries gives a second version whose diff names exactly those three', async () => {
      const entities = ftmFixture(50);
      entities[2 * 3]!.properties.name = ['Renamed Testperson Quuxley'];
      entities[2 * 10]!.properties.birthDate = ['1961-02-03'];
      entities[2 * 20 + 1]!.properties.program = ['Other Fixture Programme'];
      const f = join(dir, 'v2.ftm.json');
      writeFtm(f, entities);
      const r = await run('fx', [f]);
      expect(r).toMatchObject({ status: 'imported', version: 2, activeVersion: 2, rows: { added: 0, changed: 3, removed: 0, unchanged: 97 } });
      const d = await diffVersions(k(), await getList(k(), 'fx'));
      expect(d).toMatchObject({ from: 1, to: 2, added: [], removed: [] });
      expect(d.changed.map((c) => [c.id, c.properties])).toEqual([
        ['fx-00003', ['name']],
        ['fx-00010', ['birthDate']],
        ['fx-00020', ['sanction.program']],
      ]);
      expect(d.changed[0]).toMatchObject({ schema: 'Person', caption: 'Renamed Testperson Quuxley' });
      expect(await rowCount('fx')).toBe(103);
    });

    it('a truncated file is rejected with its position and changes nothing', async () => {
      const whole = readFileSync(join(dir, 'v1.ftm.json'), 'utf8');
      const cut = file('cut.ftm.json', whole.slice(0, Math.floor(whole.length * 0.6)));
      const before = await rowCount('fx');
      const err = await run('fx', [cut]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      const where = (err as ImportError).where;
      expect(where.file).toBe(cut);
      expect(where.line).toBe(whole.slice(0, Math.floor(whole.length * 0.6)).split('\n').length);
      expect((err as ImportError).describe()).toMatch(/cut\.ftm\.json:\d+:\d+: invalid JSON/);
      const list = await getList(k(), 'fx');
      expect(list.activeVersion).toBe(2);
      expect(list.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(await rowCount('fx')).toBe(before);
    });

    it('removes entities missing from a new version, and diffs in both directions', async () => {
      const f = join(dir, 'v3.ftm.json');
      writeFtm(f, [...ftmFixture(48), { id: 'fx-new', schema: 'Person', properties: { name: ['Newcomer Fooberg'] } }]);
      const r = await run('fx', [f]);
      expect(r).toMatchObject({ version: 3, total: 49, rows: { added: 1, removed: 4 } });
      const list = await getList(k(), 'fx');
      const forward = await diffVersions(k(), list, 2, 3);
      expect(forward.added.map((e) => e.id)).toEqual(['fx-new']);
      expect(forward.removed.map((e) => e.id)).toEqual(['fx-00048', 'fx-00049']);
      expect(forward.changed.map((e) => e.id)).toEqual(['fx-00003', 'fx-00010', 'fx-00020']);
      const backward = await diffVersions(k(), list, 3, 1);
      expect(backward.added.map((e) => e.id)).toEqual(['fx-00048', 'fx-00049']);
      expect(backward.removed.map((e) => e.id)).toEqual(['fx-new']);
      expect((await diffVersions(k(), list, 1, 3)).changed).toEqual([]);
      expect((await diffVersions(k(), list, 0, 1)).added).toHaveLength(50);
    });

    it('merges records with the same id (FtM practice), within and across batches', async () => {
      const lines = (extra: string[]) => [...Array.from({ length: 1200 }, (_, i) => `p${i}\tPerson\tlisted\tname=Fixture Person ${i}`), ...extra].join('\n');
      const v1 = file('dup1.txt', ['x\tPerson\tlisted\tname=Quux Fooberg|Q. Fooberg', lines([])].join('\n'));
      await run('dup', [v1], { importer: tinyImporter });
      // The same names split over two records, far apart: equal to version 1, so nothing changes.
      const v2 = file('dup2.txt', ['x\tPerson\tlisted\tname=Quux Fooberg', lines(['x\tPerson\tlisted\tname=Q. Fooberg'])].join('\n'));
      expect(await run('dup', [v2], { importer: tinyImporter })).toMatchObject({ version: 2 });
      const list = await getList(k(), 'dup');
      expect(await diffVersions(k(), list, 1, 2)).toMatchObject({ added: [], removed: [], changed: [] });
      // A second record adding a value, and a LegalEntity record merging into the Person.
      const v3 = file(
        'dup3.txt',
        [
          'x\tPerson\tlisted\tname=Quux Fooberg|Q. Fooberg',
          lines(['x\tLegalEntity\tlisted\tname=Quuxy\temail=quux@example.invalid', 'p1\tPerson\tlisted\tname=Fixture Person 1\tnotes=twice']),
        ].join('\n'),
      );
      await run('dup', [v3], { importer: tinyImporter });
      const d = await diffVersions(k(), await getList(k(), 'dup'), 2, 3);
      expect(d.changed.map((c) => [c.id, c.properties])).toEqual([
        ['p1', ['notes']],
        ['x', ['email', 'name']],
      ]);
      const row = await k()
        .selectFrom('watchlist_entities')
        .selectAll()
        .where('list', '=', 'dup')
        .where('id', '=', 'x')
        .where('last_version', 'is', null)
        .executeTakeFirstOrThrow();
      expect(row.schema).toBe('Person');
      expect(JSON.parse(row.properties)).toEqual({ name: ['Quux Fooberg', 'Q. Fooberg', 'Quuxy'], email: ['quux@example.invalid'] });
      const bad = file('dup4.txt', 'x\tPerson\tlisted\tname=A\nx\tVessel\tlisted\tname=B\n');
      await expect(run('dup', [bad], { importer: tinyImporter })).rejects.toThrow(/entity x appears twice with unrelated schemata Person and Vessel/);
    });

    it('rejects an unknown property naming the record, and a failing importer leaves everything as it was', async () => {
      const before = await rowCount('dup');
      const unknown = file('unknown.txt', 'a\tPerson\tlisted\tname=A\nb\tPerson\tlisted\tcolour=blue\n');
      const err = (await run('dup', [unknown], { importer: tinyImporter }).catch((e: unknown) => e)) as ImportError;
      expect(err).toBeInstanceOf(ImportError);
      expect(err.message).toMatch(/entity b: property colour: Person has no property colour/);
      expect(err.where.record).toBe('b');
      const failing = file('fail.txt', Array.from({ length: 2500 }, (_, i) => `q${i}\tPerson\tlisted\tname=Quux ${i}`).join('\n') + '\n!fail\n');
      await expect(run('dup', [failing], { importer: tinyImporter })).rejects.toThrow(/told to fail/);
      expect(await rowCount('dup')).toBe(before);
      expect((await getList(k(), 'dup')).versions).toHaveLength(3);
    });

    it('keeps a version inactive with activate: false; activation and rollback are audited and evented', async () => {
      const f = join(dir, 'v4.ftm.json');
      writeFtm(f, ftmFixture(47));
      const r = await run('fx', [f], { activate: false });
      expect(r).toMatchObject({ version: 4, activated: false, activeVersion: 3 });
      const before = (await events()).length;
      const on = await activate(t.ctx, 'fx', 4, { actor: SYSTEM_ACTOR, requestId: 'req-test-1' });
      expect(on).toMatchObject({ changed: true, previousVersion: 3, list: { activeVersion: 4 } });
      const back = await activate(t.ctx, 'fx', 1, { actor: SYSTEM_ACTOR });
      expect(back).toMatchObject({ changed: true, previousVersion: 4 });
      expect((await activate(t.ctx, 'fx', 1, { actor: SYSTEM_ACTOR })).changed).toBe(false);
      expect((await events()).slice(before)).toEqual([
        { list: 'fx', version: 4, previousVersion: 3 },
        { list: 'fx', version: 1, previousVersion: 4 },
      ]);
      const audit = await t.ctx.audit.search({ action: 'watchlist.activate' });
      expect(audit.map((a) => a.details)).toEqual([
        { list: 'fx', version: 1, previousVersion: 4, rollback: true },
        { list: 'fx', version: 4, previousVersion: 3, rollback: false },
      ]);
      await expect(activate(t.ctx, 'fx', 9, { actor: SYSTEM_ACTOR })).rejects.toMatchObject({ code: 'not-found' });
      await expect(activate(t.ctx, 'nope', 1, { actor: SYSTEM_ACTOR })).rejects.toMatchObject({ code: 'not-found' });
    });

    it('refuses bad list names and missing files', async () => {
      await expect(run('Bad Name', [join(dir, 'v1.ftm.json')])).rejects.toMatchObject({ code: 'validation-failed' });
      await expect(run('fx', [join(dir, 'missing.json')])).rejects.toThrow(/no such file/);
    });
  });
}
