// STIX object versions in a collection: adding (idempotent per id and version), querying with TAXII filters, deleting.
import { sql, type ExpressionBuilder, type SqlBool, type Expression } from 'kysely';
import type { Database, Executor } from '../../platform/db/index.js';
import { objectTlp, timestampKey, tlpOfMarkingDefinition, tlpRank, type ObjectVerdict, type TlpLevel } from '../../core/stix/index.js';
import { tx, type Tables, type ObjectRow } from './tables.js';
import type { Position } from './paging.js';

export const mediaTypeOf = (specVersion: string) => `application/stix+json;version=${specVersion}`;

/** Microseconds since the epoch ⇄ `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
export const microsOf = (s: string): number => Date.parse(s.slice(0, 23) + 'Z') * 1000 + Number(s.slice(23, 26).padEnd(3, '0'));
export const microString = (us: number): string => new Date(Math.floor(us / 1000)).toISOString().slice(0, 23) + String(us % 1000).padStart(3, '0') + 'Z';

export interface AddItem {
  object: Record<string, unknown>;
  verdict: ObjectVerdict;
  /** Given by an import of existing data (medallion's); otherwise assigned, increasing within the collection. */
  dateAdded?: string;
}
export interface AddOutcome {
  id: string;
  version: string;
  added: boolean;
}

/** Marking definitions stored in a collection, with the TLP level each declares (if any). */
export async function storedMarkings(exec: Executor, collectionId: string): Promise<Map<string, TlpLevel | undefined>> {
  const rows = await tx(exec)
    .selectFrom('taxii_objects')
    .select(['id', 'body'])
    .where('collection_id', '=', collectionId)
    .where('type', '=', 'marking-definition')
    .execute();
  return new Map(rows.map((r) => [r.id, tlpOfMarkingDefinition(JSON.parse(r.body) as Record<string, unknown>)]));
}

/** Adds valid objects; a version already present is a success that changes nothing. Runs in the caller's transaction. */
export async function addObjects(
  db: Database,
  trx: Executor,
  collectionId: string,
  items: readonly AddItem[],
  now: Date,
  markings?: Map<string, TlpLevel | undefined>,
): Promise<AddOutcome[]> {
  const t = tx(trx);
  await db.lockInTransaction(trx as never, `taxii:${collectionId}`);
  const known = markings ?? (await storedMarkings(trx, collectionId));
  for (const it of items) if (it.object.type === 'marking-definition') known.set(String(it.object.id), tlpOfMarkingDefinition(it.object));
  const present = new Set<string>();
  const ids = [...new Set(items.map((i) => String(i.object.id)))];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await t
      .selectFrom('taxii_objects')
      .select(['id', 'version_key'])
      .where('collection_id', '=', collectionId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) present.add(`${r.id} ${r.version_key}`);
  }
  const last = await t
    .selectFrom('taxii_objects')
    .select((eb) => eb.fn.max('date_added').as('d'))
    .where('collection_id', '=', collectionId)
    .executeTakeFirst();
  let clock = Math.max(microsOf(now.toISOString().replace('Z', '000Z')), last?.d ? microsOf(String(last.d)) + 1 : 0);
  const out: AddOutcome[] = [];
  const rows: Omit<ObjectRow, 'seq'>[] = [];
  for (const it of items) {
    const o = it.object;
    const id = String(o.id);
    const version = it.verdict.version ?? null;
    const versionKey = version ? timestampKey(version)! : '';
    const key = `${id} ${versionKey}`;
    if (present.has(key)) {
      out.push({ id, version: version ?? '', added: false });
      continue;
    }
    present.add(key);
    const dateAdded = it.dateAdded ?? microString(clock++);
    const spec = it.verdict.specVersion;
    rows.push({
      collection_id: collectionId,
      id,
      type: String(o.type),
      version,
      version_key: versionKey,
      spec_version: spec,
      media_type: mediaTypeOf(spec),
      date_added: dateAdded,
      tlp_rank: tlpRank(objectTlp(o, (ref) => known.get(ref))),
      body: JSON.stringify(o),
    });
    out.push({ id, version: version ?? dateAdded, added: true });
  }
  if (db.sqlite) {
    // The SQLite connection is the transaction's own: one prepared statement is much cheaper than 4,000-parameter inserts.
    const insert = db.sqlite.prepare(
      'insert into taxii_objects (collection_id, id, type, version, version_key, spec_version, media_type, date_added, tlp_rank, body) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of rows) insert.run(r.collection_id, r.id, r.type, r.version, r.version_key, r.spec_version, r.media_type, r.date_added, r.tlp_rank, r.body);
  } else
    for (let i = 0; i < rows.length; i += 400)
      await t
        .insertInto('taxii_objects')
        .values(rows.slice(i, i + 400))
        .execute();
  return out;
}

export type VersionMatch = 'first' | 'last' | 'all' | { key: string };

export interface ObjectFilter {
  collectionId: string;
  /** Only this object (object, versions endpoints). */
  objectId?: string | undefined;
  addedAfter?: string | undefined;
  ids?: string[] | undefined;
  types?: string[] | undefined;
  versions: VersionMatch[];
  specVersions: string[];
  maxRank: number;
}

type EB = ExpressionBuilder<Tables & { o: Tables['taxii_objects'] }, 'o'>;

function where(eb: EB, f: ObjectFilter): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [eb('o.collection_id', '=', f.collectionId), eb('o.tlp_rank', '<=', f.maxRank), eb('o.spec_version', 'in', f.specVersions)];
  if (f.objectId) c.push(eb('o.id', '=', f.objectId));
  if (f.ids?.length) c.push(eb('o.id', 'in', f.ids));
  if (f.types?.length) c.push(eb('o.type', 'in', f.types));
  if (f.addedAfter) c.push(eb('o.date_added', '>', f.addedAfter));
  if (!f.versions.includes('all')) {
    const other = (cmp: '>' | '<') =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('taxii_objects as v')
            .select(sql.lit(1).as('one'))
            .whereRef('v.collection_id', '=', 'o.collection_id')
            .whereRef('v.id', '=', 'o.id')
            .where('v.tlp_rank', '<=', f.maxRank)
            .where('v.spec_version', 'in', f.specVersions)
            .whereRef('v.version_key', cmp, 'o.version_key'),
        ),
      );
    const alts = f.versions.map((v) => (v === 'last' ? other('>') : v === 'first' ? other('<') : eb('o.version_key', '=', (v as { key: string }).key)));
    c.push(eb.or(alts));
  }
  return eb.and(c);
}

export interface PageRow {
  seq: number;
  id: string;
  version: string | null;
  media_type: string;
  date_added: string;
  body: string;
}

/** One page of matching object versions in date_added order, after `after`; fetches one more row to tell whether more follow. */
export async function queryObjects(
  exec: Executor,
  f: ObjectFilter,
  limit: number,
  after?: Position,
  withBody = true,
): Promise<{ rows: PageRow[]; more: boolean }> {
  let q = tx(exec)
    .selectFrom('taxii_objects as o')
    .select(['o.seq', 'o.id', 'o.version', 'o.media_type', 'o.date_added'])
    .select(withBody ? 'o.body' : sql<string>`''`.as('body'))
    .where((eb) => where(eb as unknown as EB, f));
  // A row-value comparison, so both SQLite and PostgreSQL seek the (collection_id, date_added, seq) index instead of rescanning it.
  if (after) q = q.where((eb) => eb(eb.refTuple('o.date_added', 'o.seq'), '>', eb.tuple(after.dateAdded, after.seq)));
  const rows = (await q
    .orderBy('o.date_added')
    .orderBy('o.seq')
    .limit(limit + 1)
    .execute()) as PageRow[];
  const more = rows.length > limit;
  return { rows: more ? rows.slice(0, limit) : rows, more };
}

/** Whether an object has any version in the collection at all (visible to this reader). */
export async function objectExists(exec: Executor, collectionId: string, id: string, maxRank: number): Promise<boolean> {
  return !!(await tx(exec)
    .selectFrom('taxii_objects')
    .select('seq')
    .where('collection_id', '=', collectionId)
    .where('id', '=', id)
    .where('tlp_rank', '<=', maxRank)
    .limit(1)
    .executeTakeFirst());
}

/** Deletes the versions of one object that match the filter; returns how many. */
export async function deleteObject(exec: Executor, f: ObjectFilter): Promise<number> {
  const rows = await tx(exec)
    .selectFrom('taxii_objects as o')
    .select('o.seq')
    .where((eb) => where(eb as unknown as EB, f))
    .execute();
  const seqs = rows.map((r) => r.seq);
  for (let i = 0; i < seqs.length; i += 500)
    await tx(exec)
      .deleteFrom('taxii_objects')
      .where('seq', 'in', seqs.slice(i, i + 500))
      .execute();
  return seqs.length;
}
