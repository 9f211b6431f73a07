// The audit module through HTTP (inject) and its CLI commands, on every store backend: permissions, paging, export, verify.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { storeBackends } from '../../platform/test-support/services.js';
import { ManualClock } from '../../platform/clock.js';
import { createOutput } from '../../platform/cli/output.js';
import { CliError, EXIT, type CliContext } from '../../platform/cli/context.js';
import type { AuditRecord, VerifyResult } from '../../platform/audit/index.js';
import { auditModule } from './index.js';
import { auditCommands } from './commands.js';

type Headers = Record<string, string>;
const headersOf = (h: object): Headers => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'userId' && k !== 'tokenId')) as Headers;

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe('audit module descriptor', () => {
  it('declares its permissions, nav item and messages', () => {
    expect(auditModule).toMatchObject({ name: 'audit', area: 'platform' });
    expect(auditModule.permissions).toEqual([
      expect.objectContaining({ name: 'audit.read', roles: ['auditor', 'dpo', 'admin'] }),
      expect.objectContaining({ name: 'audit.export', roles: ['auditor', 'dpo'] }),
    ]);
    expect(auditModule.nav).toEqual([
      { id: 'audit', path: '/audit', titleKey: 'audit.nav.title', descriptionKey: 'audit.nav.description', permission: 'audit.read' },
    ]);
    for (const key of ['audit.nav.title', 'audit.nav.description']) expect(auditModule.messages?.[key]).toBeTruthy();
  });
});

for (const backend of storeBackends('audit module')) {
  describe(`audit module on ${backend.name}`, () => {
    let t: TestApp;
    let auditor: Headers & { userId?: string };
    let auditorId: string;
    const clock = new ManualClock('2026-03-01T08:00:00.000Z');

    const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });
    const records = async (filter: Record<string, string> = {}) =>
      (await get(`/api/audit?${new URLSearchParams({ limit: '1000', ...filter }).toString()}`, auditor)).json<{ items: AuditRecord[] }>().items;

    beforeAll(async () => {
      t = await createTestApp({ backend, clock });
      const a = await t.as('auditor');
      auditorId = a.userId;
      auditor = headersOf(a);
      for (let i = 1; i <= 30; i++) {
        clock.advance(60_000);
        await t.ctx.audit.record(t.ctx.db.kysely, {
          action: i % 10 === 0 ? 'entity.merge' : 'entity.view',
          actor: { type: 'user', id: 'usr_analyst', orgId: 'org_1' },
          target: { type: 'entity', id: `ent_${i}` },
          details: { listVersion: 2, comment: i === 5 ? '=HYPERLINK("x"),"quoted"' : 'none' },
        });
      }
    });
    afterAll(async () => {
      await t.close();
    });

    it('lets auditor, dpo and admin search; refuses others and records the refusal', async () => {
      for (const role of ['dpo', 'admin']) {
        expect((await get('/api/audit?limit=1', headersOf(await t.as(role)))).statusCode, role).toBe(200);
      }
      const analyst = await t.as('analyst');
      const res = await get('/api/audit', headersOf(analyst));
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const denied = await records({ action: 'access.denied', actorId: analyst.userId });
      expect(denied[0]?.details).toMatchObject({ permission: 'audit.read' });
    });

    it('searches newest first with filters and pages with nextBeforeSeq, recording each search', async () => {
      const first = await get('/api/audit?action=entity.view&limit=10', auditor);
      expect(first.statusCode).toBe(200);
      const page1 = first.json<{ items: AuditRecord[]; nextBeforeSeq: number | null }>();
      expect(page1.items).toHaveLength(10);
      expect(page1.items.every((r) => r.action === 'entity.view')).toBe(true);
      const seqs = page1.items.map((r) => r.seq);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
      expect(page1.nextBeforeSeq).toBe(seqs[9]);
      const page2 = (await get(`/api/audit?action=entity.view&limit=10&beforeSeq=${page1.nextBeforeSeq}`, auditor)).json<{
        items: AuditRecord[];
        nextBeforeSeq: number | null;
      }>();
      expect(page2.items[0]!.seq).toBeLessThan(seqs[9]!);
      const page3 = (await get(`/api/audit?action=entity.view&limit=10&beforeSeq=${page2.nextBeforeSeq}`, auditor)).json<{
        items: AuditRecord[];
        nextBeforeSeq: number | null;
      }>();
      expect(page3.items).toHaveLength(7);
      expect(page3.nextBeforeSeq).toBeNull();

      const timed = (await get('/api/audit?from=2026-03-01T08:10:00Z&to=2026-03-01T10:12:00%2B02:00&targetType=entity', auditor)).json<{
        items: AuditRecord[];
      }>();
      expect(timed.items.map((r) => r.targetId)).toEqual(['ent_11', 'ent_10']);

      const searches = await records({ action: 'audit.search', actorId: auditorId });
      const mine = searches.find((r) => r.details.beforeSeq === page1.nextBeforeSeq);
      expect(mine).toMatchObject({ actorType: 'user', actorId: auditorId, outcome: 'success', details: { action: 'entity.view', limit: 10, results: 10 } });
      expect(mine!.requestId).toBeTruthy();
    });

    it('rejects bad queries as problems', async () => {
      for (const q of ['limit=5000', 'limit=0', 'beforeSeq=x', 'from=yesterday', 'outcome=maybe', `actorId=${'x'.repeat(201)}`, 'targetId=a%0Ab']) {
        const res = await get(`/api/audit?${q}`, auditor);
        expect(res.statusCode, q).toBe(400);
        expect(res.json().code, q).toBe('validation-failed');
      }
    });

    it('exports NDJSON and CSV as downloads in seq order, for auditor and dpo only', async () => {
      const res = await get('/api/audit/export?from=2026-03-01T08:05:00Z&to=2026-03-01T08:08:00Z', auditor);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="vigil-audit-\d{8}T\d{6}Z\.ndjson"$/);
      const lines = res.body
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as AuditRecord);
      expect(lines.map((r) => r.targetId)).toEqual(['ent_5', 'ent_6', 'ent_7']);
      expect(lines[0]!.details.comment).toBe('=HYPERLINK("x"),"quoted"');

      const csv = await get('/api/audit/export?format=csv', headersOf(await t.as('dpo')));
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/\.csv"$/);
      const [header, ...rows] = csv.body.trimEnd().split('\n');
      expect(header).toBe('seq,at,actorType,actorId,orgId,action,targetType,targetId,outcome,requestId,details,prevHash,hash');
      expect(rows.find((r) => r.includes(',ent_5,'))).toContain('"{""comment"":""=HYPERLINK(\\""x\\""),\\""quoted\\"""",""listVersion"":2}"');
      const seqs = rows.map((r) => Number(r.split(',')[0]));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

      expect((await get('/api/audit/export', headersOf(await t.as('admin')))).statusCode).toBe(403);
      const exports = await records({ action: 'audit.export' });
      expect(exports.map((r) => r.details.format)).toEqual(['csv', 'ndjson']);
      expect(exports[1]!.details).toMatchObject({ from: '2026-03-01T08:05:00Z', to: '2026-03-01T08:08:00Z' });
    });

    it('describes its routes in the OpenAPI document', async () => {
      const doc = (await get('/api/openapi.json', auditor)).json<{ paths: Record<string, { get: { parameters?: { name: string }[] } }> }>();
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/audit', '/api/audit/export', '/api/audit/verify']));
      expect(doc.paths['/api/audit']!.get.parameters?.map((p) => p.name)).toEqual(
        expect.arrayContaining(['from', 'to', 'actorId', 'action', 'targetType', 'targetId', 'outcome', 'beforeSeq', 'limit']),
      );
    });

    describe('CLI', () => {
      const run = async (...args: string[]) => {
        const stdout = new Capture();
        const stderr = new Capture();
        const cli: CliContext = { app: async () => t.ctx, actor: { type: 'system', id: 'cli:test', orgId: null }, out: createOutput(stdout, stderr) };
        const program = new Command('vigil').exitOverride();
        auditCommands(program, cli);
        let error: unknown;
        try {
          await program.parseAsync(['node', 'vigil', ...args]);
        } catch (err) {
          error = err;
        }
        return { stdout: stdout.text, stderr: stderr.text, error };
      };

      it('exports to standard output or to an owner-only file, and records it', async () => {
        const csv = await run('audit', 'export', '--format', 'csv', '--from', '2026-03-01T08:28:00Z', '--to', '2026-03-01T08:30:00Z');
        expect(csv.error).toBeUndefined();
        expect(csv.stdout.trimEnd().split('\n')).toHaveLength(3);
        expect(csv.stderr).toMatch(/Exported 2 audit records as csv/);
        const file = join(t.dataDir, 'export.ndjson');
        const toFile = await run('audit', 'export', '--output', file);
        expect(toFile.stdout).toBe('');
        expect(statSync(file).mode & 0o777).toBe(0o600);
        const lines = readFileSync(file, 'utf8')
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l) as AuditRecord);
        expect(lines[0]!.seq).toBe(1);
        expect(lines.at(-1)!.action).toBe('audit.export');
        expect(lines.at(-1)!.actorId).toBe('cli:test');
        const bad = await run('audit', 'export', '--from', 'last week');
        expect(bad.error).toBeInstanceOf(CliError);
        expect((bad.error as CliError).exitCode).toBe(EXIT.usage);
      });

      it('verifies: --json prints only the result; exit 0 when intact', async () => {
        const { stdout, error } = await run('audit', 'verify', '--json');
        expect(error).toBeUndefined();
        const result = JSON.parse(stdout) as VerifyResult;
        expect(result).toMatchObject({ ok: true, firstProblem: null });
        expect(result.rows).toBeGreaterThan(30);
        const human = await run('audit', 'verify');
        expect(human.stdout).toMatch(/^Audit trail intact: \d+ rows/);
      });

      it('after tampering, HTTP and CLI name the first bad seq and the CLI exits 1', async () => {
        await t.ctx.audit.checkpoint();
        await dropTriggers(t);
        await sql`update audit_log set target_id = 'ent_999' where seq = 12`.execute(t.ctx.db.kysely);

        const res = await get('/api/audit/verify', auditor);
        expect(res.statusCode).toBe(200);
        expect(res.json<VerifyResult>()).toMatchObject({ ok: false, firstProblem: { seq: 12, code: 'hash-mismatch' } });

        const { stdout, error } = await run('audit', 'verify', '--json');
        expect(JSON.parse(stdout)).toMatchObject({ ok: false, firstProblem: { seq: 12, code: 'hash-mismatch' } });
        expect(error).toBeInstanceOf(CliError);
        expect((error as CliError).exitCode).toBe(EXIT.rejected);
        expect((error as CliError).message).toMatch(/seq 12 \(hash-mismatch\)/);

        const verifications = await records({ action: 'audit.verify' });
        expect(verifications[0]).toMatchObject({
          outcome: 'failure',
          actorId: 'cli:test',
          details: { ok: false, problemSeq: 12, problemCode: 'hash-mismatch' },
        });
      });
    });
  });
}

async function dropTriggers(t: TestApp): Promise<void> {
  const db = t.ctx.db;
  for (const table of ['audit_log', 'audit_checkpoints']) {
    const statements =
      db.dialect === 'sqlite' ? [`drop trigger ${table}_no_update`, `drop trigger ${table}_no_delete`] : [`drop trigger ${table}_no_change on ${table}`];
    for (const s of statements) await sql.raw(s).execute(db.kysely);
  }
}
