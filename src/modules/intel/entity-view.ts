// Entities of a case as a member sees them: resolved, with every source record and what supports each (graded reports, imports, references).
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { auditView, openCase, type Caller } from './access.js';
import { caseRows, resolve, supportOf, type Resolved } from './entities.js';
import { schemes } from './reports.js';
import { it } from './tables.js';

export interface SupportView {
  kind: 'report' | 'import' | 'reference';
  refId: string;
  /** A report's reference and grade, an import's file name, a reference's origin. */
  label: string;
  grade?: string;
  handling?: string;
  addedAt: string;
}

export interface EntitySummary {
  id: string;
  schema: string;
  caption: string;
  records: number;
  supports: number;
  /** For links: the entities it joins. */
  edge?: Resolved['edge'];
}

export async function listEntities(
  ctx: AppContext,
  caseRef: string,
  q: { q?: string | undefined; schema?: string | undefined; links?: boolean | undefined; limit: number; offset: number },
  caller: Caller,
): Promise<{ items: EntitySummary[]; total: number }> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  const resolved = resolve(await caseRows(ctx.db.kysely, row.id));
  const needle = q.q?.toLowerCase().trim();
  const all = [...resolved.values()].filter(
    (e) =>
      (q.links === undefined || !!e.edge === q.links) &&
      (!q.schema || e.schema === q.schema) &&
      (!needle || e.caption.toLowerCase().includes(needle) || e.records.some((r) => r.toLowerCase() === needle)),
  );
  all.sort((a, b) => a.caption.localeCompare(b.caption) || (a.id < b.id ? -1 : 1));
  const page = all.slice(q.offset, q.offset + q.limit);
  const support = await supportOf(
    ctx.db.kysely,
    row.id,
    page.flatMap((e) => e.records),
  );
  await auditView(ctx, ctx.db.kysely, caller, row.id, 'entities', { count: page.length });
  return {
    items: page.map((e) => ({
      id: e.id,
      schema: e.schema,
      caption: e.caption,
      records: e.records.length,
      supports: e.records.reduce((n, r) => n + (support.get(r)?.length ?? 0), 0),
      ...(e.edge ? { edge: e.edge } : {}),
    })),
    total: all.length,
  };
}

/** One entity by any of its record ids: resolved values, each record with its own values and support, links touching it. */
export async function getEntity(ctx: AppContext, caseRef: string, id: string, caller: Caller) {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  const rows = await caseRows(ctx.db.kysely, row.id);
  const rec = rows.find((r) => r.id === id);
  if (!rec) throw notFound('entity', id.slice(0, 100));
  const resolved = resolve(rows);
  const e = resolved.get(rec.canonical_id)!;
  const touching = [...resolved.values()].filter((l) => l.edge && (l.edge.source === e.id || l.edge.target === e.id));
  const support = await supportOf(ctx.db.kysely, row.id, [...e.records, ...touching.flatMap((l) => l.records)]);
  const own = new Map(e.records.map((r) => [r, support.get(r) ?? []]));
  const reportIds = [...own.values()]
    .flat()
    .filter((s) => s.kind === 'report')
    .map((s) => s.refId);
  const importIds = [...own.values()]
    .flat()
    .filter((s) => s.kind === 'import')
    .map((s) => s.refId);
  const t = it(ctx.db.kysely);
  const reports = reportIds.length ? await t.selectFrom('intel_reports').selectAll().where('id', 'in', reportIds).execute() : [];
  const imports = importIds.length ? await t.selectFrom('intel_imports').select(['id', 'file']).where('id', 'in', importIds).execute() : [];
  const all = await schemes(ctx.db.kysely);
  const view = (s: { kind: SupportView['kind']; refId: string; addedAt: string }): SupportView => {
    if (s.kind === 'report') {
      const r = reports.find((x) => x.id === s.refId);
      const scheme = all.find((x) => x.id === r?.scheme);
      return {
        ...s,
        label: r?.reference ?? s.refId,
        ...(r ? { grade: `${r.source_grade}${r.info_grade}${scheme ? ` (${scheme.name})` : ''}`, handling: r.handling } : {}),
      };
    }
    if (s.kind === 'import') return { ...s, label: imports.find((x) => x.id === s.refId)?.file ?? s.refId };
    return { ...s, label: s.refId };
  };
  const links = touching.map((l) => ({
    id: l.id,
    type: l.schema,
    caption: l.caption,
    direction: l.edge!.source === e.id ? ('out' as const) : ('in' as const),
    other: {
      id: l.edge!.source === e.id ? l.edge!.target : l.edge!.source,
      caption: resolved.get(l.edge!.source === e.id ? l.edge!.target : l.edge!.source)?.caption ?? '',
    },
    supports: l.records.flatMap((r) => support.get(r) ?? []).length,
  }));
  await auditView(ctx, ctx.db.kysely, caller, row.id, 'entity', { entityId: e.id });
  return {
    id: e.id,
    schema: e.schema,
    caption: e.caption,
    properties: e.properties,
    ...(e.edge ? { edge: e.edge } : {}),
    records: rows
      .filter((r) => r.canonical_id === e.id)
      .map((r) => ({
        id: r.id,
        schema: r.schema,
        properties: JSON.parse(r.properties) as Record<string, string[]>,
        support: (support.get(r.id) ?? []).map(view),
      })),
    links,
  };
}
