// The workbench's view of the STIX store: latest versions searched by type, text, TLP and collection; one object with versions and relationships.
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { TLP_LEVELS, tlpRank, type TlpLevel } from '../../core/stix/index.js';
import { tx } from './tables.js';

export interface ObjectSearch {
  type?: string | undefined;
  /** Text in the name, description, pattern or value (case-insensitive), or an exact STIX id. */
  q?: string | undefined;
  tlp?: TlpLevel | undefined;
  collectionId?: string | undefined;
  limit: number;
  offset: number;
}

export interface ObjectSummary {
  id: string;
  type: string;
  name: string | null;
  collectionId: string;
  version: string | null;
  dateAdded: string;
  tlp: TlpLevel;
  specVersion: string;
}

const MAX_RELATIONSHIPS = 500;

/** A JSON property of `alias.body` (stored as text) on either backend. */
function prop(db: Database, alias: string, name: string): RawBuilder<string | null> {
  return db.dialect === 'sqlite'
    ? sql<string | null>`json_extract(${sql.ref(`${alias}.body`)}, ${`$.${name}`})`
    : sql<string | null>`(${sql.ref(`${alias}.body`)}::json ->> ${name})`;
}

const escapeLike = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What people call an object: its name, an SCO's value, a relationship's type; null when it has none of these. */
export function labelOf(o: Record<string, unknown>): string | null {
  for (const k of ['name', 'value', 'address', 'relationship_type', 'path', 'pattern'])
    if (typeof o[k] === 'string' && o[k]) return (o[k] as string).slice(0, 300);
  return null;
}

/** Latest versions (per collection and id), newest first, with the total and the types present. */
export async function searchObjects(db: Database, f: ObjectSearch): Promise<{ items: ObjectSummary[]; total: number; types: string[] }> {
  const k = tx(db.kysely);
  const base = () => {
    let q = k
      .selectFrom('taxii_objects as o')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('taxii_objects as v')
              .select(sql.lit(1).as('one'))
              .whereRef('v.collection_id', '=', 'o.collection_id')
              .whereRef('v.id', '=', 'o.id')
              .whereRef('v.version_key', '>', 'o.version_key'),
          ),
        ),
      );
    if (f.collectionId) q = q.where('o.collection_id', '=', f.collectionId);
    if (f.type) q = q.where('o.type', '=', f.type);
    if (f.tlp) q = q.where('o.tlp_rank', '=', tlpRank(f.tlp));
    const text = f.q?.trim();
    if (text) {
      const pattern = escapeLike(text);
      const hay = sql<string>`lower(coalesce(${prop(db, 'o', 'name')}, '') || ' ' || coalesce(${prop(db, 'o', 'description')}, '') || ' ' || coalesce(${prop(db, 'o', 'pattern')}, '') || ' ' || coalesce(${prop(db, 'o', 'value')}, ''))`;
      q = q.where((eb) => eb.or([eb('o.id', '=', text), sql<boolean>`${hay} like ${pattern} escape '\\'`]));
    }
    return q;
  };
  const [rows, count, types] = await Promise.all([
    base()
      .select(['o.id', 'o.type', 'o.collection_id', 'o.version', 'o.date_added', 'o.tlp_rank', 'o.spec_version', 'o.body'])
      .orderBy('o.date_added', 'desc')
      .orderBy('o.seq', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    k
      .selectFrom('taxii_objects')
      .select('type')
      .distinct()
      .$if(!!f.collectionId, (q) => q.where('collection_id', '=', f.collectionId!))
      .orderBy('type')
      .execute(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      type: r.type,
      name: labelOf(JSON.parse(r.body) as Record<string, unknown>),
      collectionId: r.collection_id,
      version: r.version,
      dateAdded: r.date_added,
      tlp: TLP_LEVELS[r.tlp_rank]!,
      specVersion: r.spec_version,
    })),
    total: Number(count?.n ?? 0),
    types: types.map((t) => t.type),
  };
}

export interface ObjectVersion {
  collectionId: string;
  version: string | null;
  dateAdded: string;
  tlp: TlpLevel;
  specVersion: string;
}

export interface RelationshipView {
  id: string;
  relationshipType: string;
  direction: 'out' | 'in';
  description: string | null;
  collectionId: string;
  tlp: TlpLevel;
  other: { id: string; type: string; name: string | null; known: boolean };
}

export interface ObjectDetail extends ObjectSummary {
  object: Record<string, unknown>;
  versions: ObjectVersion[];
  relationships: RelationshipView[];
}

/** Names of objects by id (their latest stored version in any collection). */
async function namesOf(db: Database, ids: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx(db.kysely)
      .selectFrom('taxii_objects')
      .select(['id', 'body', 'version_key'])
      .where('id', 'in', ids.slice(i, i + 500))
      .orderBy('version_key', 'asc')
      .execute();
    for (const r of rows) out.set(r.id, labelOf(JSON.parse(r.body) as Record<string, unknown>));
  }
  return out;
}

/** One object: the latest version (in the given collection, else where it was added last), every version, its relationships both ways. */
export async function getObjectDetail(db: Database, id: string, collectionId?: string): Promise<ObjectDetail> {
  const k = tx(db.kysely);
  const versions = await k
    .selectFrom('taxii_objects')
    .select(['collection_id', 'version', 'version_key', 'date_added', 'tlp_rank', 'spec_version', 'seq'])
    .where('id', '=', id)
    .orderBy('version_key', 'desc')
    .orderBy('date_added', 'desc')
    .execute();
  const inScope = collectionId ? versions.filter((v) => v.collection_id === collectionId) : versions;
  const head = inScope[0];
  if (!head) throw notFound('STIX object', collectionId ? `${id} in collection ${collectionId}` : id);
  const row = await k.selectFrom('taxii_objects').select(['body', 'type']).where('seq', '=', head.seq).executeTakeFirstOrThrow();
  const object = JSON.parse(row.body) as Record<string, unknown>;

  const rels = await k
    .selectFrom('taxii_objects as o')
    .select(['o.id', 'o.collection_id', 'o.tlp_rank', 'o.body', 'o.version_key'])
    .where('o.type', '=', 'relationship')
    .where((eb) => eb.or([eb(prop(db, 'o', 'source_ref'), '=', id), eb(prop(db, 'o', 'target_ref'), '=', id)]))
    .orderBy('o.id')
    .orderBy('o.version_key', 'desc')
    .limit(MAX_RELATIONSHIPS * 4)
    .execute();
  const latest = new Map<string, (typeof rels)[number]>();
  for (const r of rels) if (!latest.has(r.id)) latest.set(r.id, r);
  const parsed = [...latest.values()].slice(0, MAX_RELATIONSHIPS).map((r) => ({ r, body: JSON.parse(r.body) as Record<string, unknown> }));
  const otherIds = parsed.map(({ body }) => String(body.source_ref === id ? body.target_ref : body.source_ref));
  const names = await namesOf(db, [...new Set(otherIds)]);
  const relationships: RelationshipView[] = parsed.map(({ r, body }, i) => {
    const other = otherIds[i]!;
    return {
      id: r.id,
      relationshipType: String(body.relationship_type ?? ''),
      direction: body.source_ref === id ? 'out' : 'in',
      description: typeof body.description === 'string' ? body.description : null,
      collectionId: r.collection_id,
      tlp: TLP_LEVELS[r.tlp_rank]!,
      other: { id: other, type: other.split('--')[0]!, name: names.get(other) ?? null, known: names.has(other) },
    };
  });
  relationships.sort(
    (a, b) => a.direction.localeCompare(b.direction) || a.relationshipType.localeCompare(b.relationshipType) || a.other.id.localeCompare(b.other.id),
  );

  return {
    id,
    type: row.type,
    name: labelOf(object),
    collectionId: head.collection_id,
    version: head.version,
    dateAdded: head.date_added,
    tlp: TLP_LEVELS[head.tlp_rank]!,
    specVersion: head.spec_version,
    object,
    versions: versions.map((v) => ({
      collectionId: v.collection_id,
      version: v.version,
      dateAdded: v.date_added,
      tlp: TLP_LEVELS[v.tlp_rank]!,
      specVersion: v.spec_version,
    })),
    relationships,
  };
}
