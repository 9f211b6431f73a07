// Contract tests of the audit log on every store backend: chaining, serialised appends, checkpoints, tamper detection.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ManualClock } from '../clock.js';
import type { Database } from '../db/index.js';
import { migrate } from '../db/migrate.js';
import { storeBackends } from '../test-support/services.js';
import {
  AuditIntegrityError,
  InvalidAuditEntryError,
  auditCheckpointJob,
  auditMigrations,
  checkpointMessage,
  createAuditLog,
  generatedKeyPath,
  loadAuditKey,
  rowHash,
  type AuditEntry,
  type AuditLog,
} from './index.js';

const user = (id: string): AuditEntry['actor'] => ({ type: 'user', id, orgId: 'org_1' });
const entry = (i: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  action: 'entity.view',
  actor: user(`usr_${i % 3}`),
  target: { type: 'entity', id: `ent_${i}` },
  details: { n: i, listVersion: 3, flagged: i % 2 === 0 },
  ...extra,
});

const pemKey = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

/** What an attacker with database access does first. */
async function dropTriggers(db: Database): Promise<void> {
  const statements =
    db.dialect === 'sqlite'
      ? ['audit_log', 'audit_checkpoints'].flatMap((t) => [`drop trigger ${t}_no_update`, `drop trigger ${t}_no_delete`])
      : ['audit_log', 'audit_checkpoints'].flatMap((t) => [`drop trigger ${t}_no_change on ${t}`, `drop trigger ${t}_no_truncate on ${t}`]);
  for (const s of statements) await sql.raw(s).execute(db.kysely);
}

/** An attacker who knows the algorithm but not the key: rewrites hashes from `fromSeq` on so the chain holds again. */
async function rechain(db: Database, fromSeq: number): Promise<void> {
  const rows = await db.kysely.selectFrom('audit_log').selectAll().where('seq', '>=', fromSeq).orderBy('seq').execute();
  let prev = (
    await db.kysely
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', fromSeq - 1)
      .executeTakeFirstOrThrow()
  ).hash;
  for (const row of rows) {
    const hash = rowHash(prev, { ...row, details: JSON.parse(row.details) as Record<string, unknown> });
    await db.kysely.updateTable('audit_log').set({ prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
    prev = hash;
  }
}

async function appendMany(audit: AuditLog, db: Database, count: number, start = 1): Promise<void> {
  await db.transaction(async (trx) => {
    for (let i = start; i < start + count; i++) await audit.record(trx, entry(i));
  });
}

describe('audit signing key', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'vigil-audit-key-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is generated once under dataDir with owner-only permissions, then reused', () => {
    const dataDir = dir();
    const first = loadAuditKey({ auditKey: undefined, dataDir });
    const file = generatedKeyPath(dataDir);
    expect(first.source).toBe('generated');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'keys')).mode & 0o777).toBe(0o700);
    const pem = readFileSync(file, 'utf8');
    const second = loadAuditKey({ auditKey: undefined, dataDir });
    expect(second.source).toBe('file');
    expect(second.keyId).toBe(first.keyId);
    expect(readFileSync(file, 'utf8')).toBe(pem);
    expect(first.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('uses configured PEM text or a PEM file, and generates nothing', () => {
    const pem = pemKey();
    const dataDir = dir();
    const fromText = loadAuditKey({ auditKey: pem, dataDir });
    expect(fromText.source).toBe('config');
    const file = join(dataDir, 'mine.pem');
    writeFileSync(file, pem, { mode: 0o600 });
    const fromFile = loadAuditKey({ auditKey: file, dataDir });
    expect(fromFile.source).toBe('file');
    expect(fromFile.keyId).toBe(fromText.keyId);
    expect(existsSync(generatedKeyPath(dataDir))).toBe(false);
    const signature = fromText.sign('hello');
    expect(fromFile.verify('hello', signature)).toBe(true);
    expect(fromFile.verify('hellO', signature)).toBe(false);
  });

  it('refuses keys that are not Ed25519 private keys, without echoing them', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => loadAuditKey({ auditKey: rsa, dataDir: dir() })).toThrow(/Ed25519/);
    const bad = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----';
    expect(() => loadAuditKey({ auditKey: bad, dataDir: dir() })).toThrow(/not a PEM private key/);
    try {
      loadAuditKey({ auditKey: bad, dataDir: dir() });
    } catch (err) {
      expect((err as Error).message).not.toContain('c2VjcmV0');
    }
    expect(() => loadAuditKey({ auditKey: join(dir(), 'absent.pem'), dataDir: dir() })).toThrow(/ENOENT/);
  });
});

for (const backend of storeBackends('audit log')) {
  describe(`audit log on ${backend.name}`, () => {
    let db: Database;
    let dataDir: string;
    let cleanup: () => Promise<void>;
    let clock: ManualClock;
    let audit: AuditLog;

    beforeEach(async () => {
      ({ db, dataDir, cleanup } = await backend.open());
      clock = new ManualClock('2026-03-01T10:00:00.000Z');
      await migrate(db, [auditMigrations], clock);
      audit = createAuditLog({ db, clock, config: { auditKey: undefined, dataDir } });
    });
    afterEach(async () => {
      await cleanup();
    });

    it('chains many appends, sequential and concurrent, without a fork', async () => {
      for (let i = 1; i <= 10; i++) {
        const r = await audit.record(db.kysely, entry(i));
        expect(r.seq).toBe(i);
      }
      const concurrent = await Promise.all([
        ...Array.from({ length: 25 }, (_, i) => audit.record(db.kysely, entry(100 + i))),
        ...Array.from({ length: 15 }, (_, i) => db.transaction((trx) => audit.record(trx, entry(200 + i)))),
      ]);
      expect(new Set(concurrent.map((r) => r.seq)).size).toBe(40);
      const rows = await db.kysely.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
      expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(50);
      const result = await audit.verify();
      expect(result).toEqual({ ok: true, rows: 50, lastSeq: 50, checkpoints: 0, lastCheckpointSeq: null, firstProblem: null });
    });

    it('records in the caller’s transaction: rolled back, nothing remains; committed, it is there', async () => {
      await expect(
        db.transaction(async (trx) => {
          await audit.record(trx, entry(1));
          throw new Error('caller failed');
        }),
      ).rejects.toThrow('caller failed');
      expect(await audit.search({})).toEqual([]);
      await db.transaction((trx) => audit.record(trx, entry(2)));
      const [only] = await audit.search({});
      expect(only).toMatchObject({ seq: 1, action: 'entity.view', targetId: 'ent_2', outcome: 'success', details: { n: 2, listVersion: 3, flagged: true } });
      expect((await audit.verify()).ok).toBe(true);
    });

    it('keeps time in seq order when the clock steps back', async () => {
      await audit.record(db.kysely, entry(1));
      clock.advance(-60_000);
      await audit.record(db.kysely, entry(2));
      const [second, first] = await audit.search({});
      expect(second!.at).toBe(first!.at);
      expect((await audit.verify()).ok).toBe(true);
    });

    it('refuses details that could carry personal values, and writes nothing', async () => {
      const bad: AuditEntry['details'][] = [
        { note: 'x'.repeat(201) },
        { person: { name: 'Jane Doe' } as never },
        { names: ['ok', { birthDate: '1965-04-29' }] as never },
        { text: 'line one\nline two' },
        { when: new Date() as never },
        { 'bad key': 1 },
        Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])),
      ];
      for (const details of bad) {
        await expect(audit.record(db.kysely, entry(1, { details }))).rejects.toThrow(InvalidAuditEntryError);
      }
      await expect(audit.record(db.kysely, entry(1, { action: 'Entity View' }))).rejects.toThrow(InvalidAuditEntryError);
      await expect(audit.record(db.kysely, entry(1, { target: { type: 'entity', id: 'i'.repeat(201) } }))).rejects.toThrow(InvalidAuditEntryError);
      expect(await audit.search({})).toEqual([]);
      const ok = await audit.record(db.kysely, entry(1, { details: { ids: ['ent_1', 'ent_2'], count: 2, exact: true, reason: null, code: 'x'.repeat(200) } }));
      expect(ok.seq).toBe(1);
    });

    it('refuses UPDATE and DELETE in the database itself', async () => {
      await appendMany(audit, db, 3);
      await audit.checkpoint();
      await expect(sql`update audit_log set action = 'x.y' where seq = 2`.execute(db.kysely)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log where seq = 3`.execute(db.kysely)).rejects.toThrow(/append-only/);
      await expect(sql`update audit_checkpoints set seq = 1`.execute(db.kysely)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_checkpoints`.execute(db.kysely)).rejects.toThrow(/append-only/);
      if (db.dialect === 'postgres') await expect(sql`truncate audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
      expect(await audit.verify()).toMatchObject({ ok: true, rows: 3, checkpoints: 1 });
    });

    it('searches newest first with filters and beforeSeq paging', async () => {
      for (let i = 1; i <= 12; i++) {
        await audit.record(db.kysely, entry(i, i === 7 ? { action: 'user.create', outcome: 'denied' } : {}));
        clock.advance(60_000);
      }
      const page1 = await audit.search({ limit: 5 });
      expect(page1.map((r) => r.seq)).toEqual([12, 11, 10, 9, 8]);
      const page2 = await audit.search({ limit: 5, beforeSeq: 8 });
      expect(page2.map((r) => r.seq)).toEqual([7, 6, 5, 4, 3]);
      expect((await audit.search({ actorId: 'usr_1' })).map((r) => r.seq)).toEqual([10, 7, 4, 1]);
      expect((await audit.search({ action: 'user.create' })).map((r) => r.seq)).toEqual([7]);
      expect((await audit.search({ outcome: 'denied' })).map((r) => r.seq)).toEqual([7]);
      expect((await audit.search({ targetType: 'entity', targetId: 'ent_3' })).map((r) => r.seq)).toEqual([3]);
      // 10:00 is seq 1, 10:01 seq 2 ...; from inclusive, to exclusive, offsets and dates accepted
      expect((await audit.search({ from: '2026-03-01T10:02:00Z', to: '2026-03-01T12:05:00+02:00' })).map((r) => r.seq)).toEqual([5, 4, 3]);
      expect(await audit.search({ from: '2026-03-02' })).toEqual([]);
      expect(await audit.search({ limit: 5000 })).toHaveLength(12);
      await expect(audit.search({ limit: 0 })).rejects.toThrow(/limit/);
      await expect(audit.search({ from: 'yesterday' })).rejects.toThrow(/from/);
    });

    it('streams in seq order across batches, within a time range', async () => {
      await appendMany(audit, db, 1200);
      clock.advance(1000);
      await appendMany(audit, db, 1100, 1201);
      let expected = 1;
      for await (const r of audit.stream({})) expect(r.seq).toBe(expected++);
      expect(expected).toBe(2301);
      const later: number[] = [];
      for await (const r of audit.stream({ from: '2026-03-01T10:00:00.500Z' })) later.push(r.seq);
      expect(later[0]).toBe(1201);
      expect(later).toHaveLength(1100);
      const result = await audit.verify();
      expect(result).toMatchObject({ ok: true, rows: 2300, lastSeq: 2300 });
    });

    it('checkpoints only when the head moved, signed by the key under dataDir', async () => {
      expect(await audit.checkpoint()).toBeNull();
      await appendMany(audit, db, 4);
      const cp = await audit.checkpoint();
      expect(cp?.seq).toBe(4);
      expect(await audit.checkpoint()).toBeNull();
      await audit.record(db.kysely, entry(5));
      expect((await audit.checkpoint())?.seq).toBe(5);
      const rows = await db.kysely.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
      expect(rows.map((r) => r.seq)).toEqual([4, 5]);
      const key = loadAuditKey({ auditKey: undefined, dataDir });
      expect(rows[0]!.key_id).toBe(key.keyId);
      expect(key.verify(checkpointMessage({ seq: 4, hash: rows[0]!.hash, at: rows[0]!.at, keyId: key.keyId }), rows[0]!.signature)).toBe(true);
      expect(statSync(generatedKeyPath(dataDir)).mode & 0o777).toBe(0o600);
      // Another process reuses the same key file: its checkpoints and verification agree.
      const other = createAuditLog({ db, clock, config: { auditKey: undefined, dataDir } });
      expect(await other.verify()).toMatchObject({ ok: true, checkpoints: 2, lastCheckpointSeq: 5 });
    });

    it('signs with a configured PEM key; a verifier without it reports an unknown key', async () => {
      const pem = pemKey();
      const signer = createAuditLog({ db, clock, config: { auditKey: pem, dataDir } });
      await appendMany(signer, db, 3);
      await signer.checkpoint();
      const row = await db.kysely.selectFrom('audit_checkpoints').selectAll().executeTakeFirstOrThrow();
      expect(row.key_id).toBe(loadAuditKey({ auditKey: pem, dataDir }).keyId);
      expect(existsSync(generatedKeyPath(dataDir))).toBe(false);
      expect((await signer.verify()).ok).toBe(true);
      const stranger = await audit.verify();
      expect(stranger.firstProblem).toMatchObject({ seq: 3, code: 'unknown-key' });
      const publicPem = loadAuditKey({ auditKey: pem, dataDir }).publicKeyPem;
      const rotated = createAuditLog({ db, clock, config: { auditKey: undefined, dataDir }, trustedPublicKeys: [publicPem] });
      expect((await rotated.verify()).ok).toBe(true);
    });

    it('runs as a job named audit.checkpoint', async () => {
      const job = auditCheckpointJob(audit, 60);
      expect(job).toMatchObject({ name: 'audit.checkpoint', everySeconds: 60 });
      await audit.record(db.kysely, entry(1));
      await job.run(new AbortController().signal);
      expect(await audit.verify()).toMatchObject({ ok: true, checkpoints: 1, lastCheckpointSeq: 1 });
    });

    describe('detects tampering by someone with database access', () => {
      beforeEach(async () => {
        await appendMany(audit, db, 10);
        await audit.checkpoint(); // signs seq 10
        await appendMany(audit, db, 5, 11);
        await audit.checkpoint(); // signs seq 15
        await appendMany(audit, db, 3, 16); // 16..18 not yet signed
        await dropTriggers(db);
      });

      it('an edited row', async () => {
        expect((await audit.verify()).ok).toBe(true);
        await sql`update audit_log set target_id = 'ent_999' where seq = 4`.execute(db.kysely);
        await sql`update audit_log set action = 'x.y' where seq = 9`.execute(db.kysely);
        expect((await audit.verify()).firstProblem).toMatchObject({ seq: 4, code: 'hash-mismatch' });
      });

      it('an edited row after the last checkpoint, and refuses to sign over it', async () => {
        await sql`update audit_log set details = '{"n":1}' where seq = 17`.execute(db.kysely);
        expect((await audit.verify()).firstProblem).toMatchObject({ seq: 17, code: 'hash-mismatch' });
        await expect(audit.checkpoint()).rejects.toThrow(AuditIntegrityError);
        expect(await db.kysely.selectFrom('audit_checkpoints').select('seq').execute()).toHaveLength(2);
      });

      it('a deleted row in the middle', async () => {
        await sql`delete from audit_log where seq in (6, 7)`.execute(db.kysely);
        const result = await audit.verify();
        expect(result.firstProblem).toMatchObject({ seq: 6, code: 'missing-row' });
        expect(result).toMatchObject({ ok: false, rows: 16, lastSeq: 18 });
      });

      it('a deleted first row', async () => {
        await sql`delete from audit_log where seq = 1`.execute(db.kysely);
        expect((await audit.verify()).firstProblem).toMatchObject({ seq: 1, code: 'missing-row' });
      });

      it('a truncated tail, up to before the last checkpoint', async () => {
        await sql`delete from audit_log where seq >= 13`.execute(db.kysely);
        const result = await audit.verify();
        expect(result.firstProblem).toMatchObject({ seq: 13, code: 'truncated' });
        expect(result).toMatchObject({ ok: false, lastSeq: 12, lastCheckpointSeq: 15 });
      });

      it('a truncated tail with the checkpoints after it deleted too, where the backend remembers the highest seq', async () => {
        await sql`delete from audit_checkpoints where seq = 15`.execute(db.kysely);
        await sql`delete from audit_log where seq >= 13`.execute(db.kysely);
        const result = await audit.verify();
        if (db.dialect === 'sqlite') expect(result.firstProblem).toMatchObject({ seq: 13, code: 'truncated' });
        else expect(result.ok).toBe(true); // PostgreSQL keeps no transactional high-water mark: only checkpoints tell
      });

      it('a re-chained tail: the chain holds but a signed checkpoint disagrees', async () => {
        await sql`update audit_log set actor_id = 'usr_innocent' where seq = 12`.execute(db.kysely);
        await rechain(db, 12);
        const result = await audit.verify();
        expect(result.firstProblem).toMatchObject({ seq: 15, code: 'checkpoint-mismatch' });
        expect(result.firstProblem!.detail).toContain('after seq 10');
      });

      it('a re-chained tail reaching before the first checkpoint', async () => {
        await sql`update audit_log set outcome = 'denied' where seq = 2`.execute(db.kysely);
        await rechain(db, 2);
        expect((await audit.verify()).firstProblem).toMatchObject({ seq: 10, code: 'checkpoint-mismatch' });
      });

      it('a checkpoint edited to match a re-chained tail', async () => {
        await sql`update audit_log set actor_id = 'usr_innocent' where seq = 12`.execute(db.kysely);
        await rechain(db, 12);
        const newHash = (await db.kysely.selectFrom('audit_log').select('hash').where('seq', '=', 15).executeTakeFirstOrThrow()).hash;
        await db.kysely.updateTable('audit_checkpoints').set({ hash: newHash }).where('seq', '=', 15).execute();
        expect((await audit.verify()).firstProblem).toMatchObject({ seq: 15, code: 'bad-signature' });
      });

      it('a forged checkpoint: a wrong signature under the real key id, or another key', async () => {
        const real = await db.kysely.selectFrom('audit_checkpoints').selectAll().where('seq', '=', 10).executeTakeFirstOrThrow();
        const row5 = await db.kysely.selectFrom('audit_log').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
        await db.kysely
          .insertInto('audit_checkpoints')
          .values({ seq: 5, hash: row5.hash, at: real.at, key_id: real.key_id, signature: real.signature })
          .execute();
        expect((await audit.verify()).firstProblem).toMatchObject({ seq: 5, code: 'bad-signature' });

        const attacker = loadAuditKey({ auditKey: pemKey(), dataDir });
        const row3 = await db.kysely.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
        const statement = { seq: 3, hash: row3.hash, at: real.at, keyId: attacker.keyId };
        await db.kysely
          .insertInto('audit_checkpoints')
          .values({ seq: 3, hash: row3.hash, at: real.at, key_id: attacker.keyId, signature: attacker.sign(checkpointMessage(statement)) })
          .execute();
        expect((await audit.verify()).firstProblem).toMatchObject({ seq: 3, code: 'unknown-key' });
      });

      it('a forged checkpoint beyond the head is a bad signature, not a truncation', async () => {
        const real = await db.kysely.selectFrom('audit_checkpoints').selectAll().where('seq', '=', 15).executeTakeFirstOrThrow();
        await db.kysely
          .insertInto('audit_checkpoints')
          .values({ ...real, id: undefined, seq: 40 })
          .execute();
        expect((await audit.verify()).firstProblem).toMatchObject({ seq: 40, code: 'bad-signature' });
      });

      it('names the first problem when there are several', async () => {
        await sql`delete from audit_log where seq = 14`.execute(db.kysely);
        await sql`update audit_log set action = 'x.y' where seq = 8`.execute(db.kysely);
        await sql`delete from audit_log where seq >= 17`.execute(db.kysely);
        expect((await audit.verify()).firstProblem).toMatchObject({ seq: 8, code: 'hash-mismatch' });
      });
    });
  });
}
