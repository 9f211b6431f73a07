// TAXII benchmarks: paging through a large collection, a 10,000-object envelope POST, ATT&CK for ICS imported — each with a same-run baseline.
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../src/test-support/app.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/types.js';
import { addCollection } from '../src/modules/taxii/collections.js';
import { ingest } from '../src/modules/taxii/ingest.js';
import { microString } from '../src/modules/taxii/objects.js';
import { report, scaled, timeBatch, type Row } from './harness.js';

const TAXII = 'application/taxii+json;version=2.1';
const ICS = '/work/shared/data/stix/ics-attack-18.1.json';
const by = { actor: SYSTEM_ACTOR };
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const indicator = (n: number) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${uuid(n)}`,
  created: '2025-01-01T00:00:00.000Z',
  modified: '2025-01-01T00:00:00.000Z',
  name: `Bench indicator ${n}`,
  pattern: `[ipv4-addr:value = '10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}']`,
  pattern_type: 'stix',
  valid_from: '2025-01-01T00:00:00Z',
});

/** Writes n indicators straight into the table (the fixture, not what is measured). */
async function fill(t: TestApp, collectionId: string, n: number): Promise<void> {
  const db = t.ctx.db.sqlite;
  if (!db) throw new Error('the paging bench fills SQLite directly');
  const insert = db.prepare(
    `insert into taxii_objects (collection_id, id, type, version, version_key, spec_version, media_type, date_added, tlp_rank, body) values (?, ?, 'indicator', ?, ?, '2.1', 'application/stix+json;version=2.1', ?, 0, ?)`,
  );
  const start = Date.parse('2025-01-01T00:00:00.000Z') * 1000;
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const o = indicator(i);
      insert.run(collectionId, o.id, o.modified, '2025-01-01T00:00:00.000000000Z', microString(start + i), JSON.stringify(o));
    }
  })();
}

async function paging(t: TestApp, auth: string): Promise<Row[]> {
  const n = scaled(1_000_000, 2000);
  const c = await addCollection(t.ctx.db, t.ctx.audit, { title: 'Paging bench' }, by, t.clock.now().toISOString());
  await fill(t, c.id, n);
  const plain = await timeBatch(`plain SELECT body by seq, pages of 1000 (baseline)`, n, async () => {
    let after = 0;
    for (;;) {
      const rows = await sql<{ seq: number; body: string }>`select seq, body from taxii_objects where seq > ${after} order by seq limit 1000`.execute(
        t.ctx.db.kysely,
      );
      if (!rows.rows.length) break;
      after = rows.rows[rows.rows.length - 1]!.seq;
    }
  });
  let seen = 0;
  const http = await timeBatch(`GET objects over TAXII, limit=1000 with next (${n} objects)`, n, async () => {
    let next = '';
    do {
      const r = await t.app.inject({
        url: `/taxii2/default/collections/${c.id}/objects/?limit=1000${next ? `&next=${next}` : ''}`,
        headers: { accept: TAXII, authorization: auth },
      });
      const body = JSON.parse(r.body) as { objects?: unknown[]; more?: boolean; next?: string };
      seen += body.objects?.length ?? 0;
      next = body.more ? body.next! : '';
    } while (next);
  });
  if (seen !== n) throw new Error(`paging returned ${seen} objects, expected ${n}`);
  return [plain, { ...http, baseline: plain.name }];
}

async function envelope(t: TestApp, auth: string): Promise<Row[]> {
  const n = 10_000;
  const c = await addCollection(t.ctx.db, t.ctx.audit, { title: 'POST bench' }, by, t.clock.now().toISOString());
  const body = JSON.stringify({ objects: Array.from({ length: n }, (_, i) => indicator(5_000_000 + i)) });
  const parse = await timeBatch('JSON.parse of the same envelope (baseline)', n, () => JSON.parse(body));
  let status = 0;
  let successes = 0;
  const post = await timeBatch(`POST envelope of ${n} indicators (${(body.length / 1e6).toFixed(1)} MB) → 202`, n, async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/taxii2/default/collections/${c.id}/objects/`,
      headers: { accept: TAXII, 'content-type': TAXII, authorization: auth },
      payload: body,
    });
    status = r.statusCode;
    successes = (JSON.parse(r.body) as { success_count: number }).success_count;
  });
  if (status !== 202 || successes !== n) throw new Error(`POST answered ${status} with ${successes} successes`);
  console.log(`\nPOST of ${n} objects: ${post.seconds.toFixed(2)} s (target < 2 s)`);
  return [parse, { ...post, baseline: parse.name }];
}

async function ics(t: TestApp): Promise<Row[]> {
  if (!existsSync(ICS)) {
    console.log(`\n[skipped] ATT&CK for ICS import: ${ICS} is absent`);
    return [];
  }
  const text = readFileSync(ICS, 'utf8');
  const c = await addCollection(t.ctx.db, t.ctx.audit, { title: 'ICS bench' }, by, t.clock.now().toISOString());
  const count = (JSON.parse(text) as { objects: unknown[] }).objects.length;
  const parse = await timeBatch('JSON.parse of ics-attack-18.1.json (baseline)', count, () => JSON.parse(text));
  let added = 0;
  const imported = await timeBatch(`ATT&CK for ICS parsed, validated and stored (${count} objects)`, count, async () => {
    added = (await ingest(t.ctx, c.id, JSON.parse(text), by)).added;
  });
  if (added !== count) throw new Error(`ICS import stored ${added} of ${count}`);
  console.log(`\nATT&CK for ICS: ${imported.seconds.toFixed(2)} s (target < 2 s)`);
  return [parse, { ...imported, baseline: parse.name }];
}

export async function taxiiBench(): Promise<void> {
  const t = await createTestApp();
  try {
    const auth = (await t.token('analyst')).authorization;
    const page = await paging(t, auth);
    report('TAXII paging (SQLite, one client)', page);
    const p = page[1]!;
    console.log(`paging: ${Math.round(p.ops / p.seconds)} objects/s (target ≥ 20,000)`);
    report('TAXII envelope POST', await envelope(t, auth));
    const i = await ics(t);
    if (i.length) report('STIX import: ATT&CK for ICS', i);
  } finally {
    await t.close();
  }
}
