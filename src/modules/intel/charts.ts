// Link charts saved inside a case (node ids, positions, pinned, hidden, groups, styling), and what a chart needs to draw: sub-graphs, dates and grades.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { epochDay } from '../../core/graph/index.js';
import type { AppContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/index.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { auditChange, auditView, openCase, type Caller } from './access.js';
import { caseRows, resolve } from './entities.js';
import { caseGraph, linkView, nodeView, type CaseGraph, type GraphLink, type GraphNode } from './graph.js';
import { it, type ChartRow } from './tables.js';

export const MAX_CHART_NODES = 20000;
export const MAX_CHART_LINKS = 100000;
const id = z.string().min(1).max(200);
const coord = z.number().finite().min(-1e7).max(1e7);

/** What a saved chart holds: ids and layout only; captions and types are read from the case when it is opened. */
export const ChartState = z.object({
  version: z.literal(1),
  nodes: z
    .array(
      z.object({
        id,
        x: coord,
        y: coord,
        pinned: z.boolean().optional(),
        hidden: z.boolean().optional(),
        colour: z
          .string()
          .regex(/^#[0-9a-f]{6}$/i)
          .optional(),
      }),
    )
    .max(MAX_CHART_NODES),
  links: z.array(id).max(MAX_CHART_LINKS),
  groups: z
    .array(z.object({ id: z.string().min(1).max(100), label: z.string().max(200), members: z.array(id).min(1).max(MAX_CHART_NODES), collapsed: z.boolean() }))
    .max(1000),
  style: z.object({
    colourBy: z.enum(['type', 'community']),
    sizeBy: z.enum(['none', 'degree', 'betweenness']),
    since: z.string().max(30).optional(),
    until: z.string().max(30).optional(),
    undated: z.boolean().optional(),
    grades: z.array(z.string().max(20)).max(100).optional(),
  }),
});
export type ChartState = z.infer<typeof ChartState>;

export interface ChartSummary {
  id: string;
  caseId: string;
  name: string;
  nodes: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

const summary = (r: ChartRow, state: ChartState): ChartSummary => ({
  id: r.id,
  caseId: r.case_id,
  name: r.name,
  nodes: state.nodes.length,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

const CHART_NAME = /^[^\p{Cc}]{1,100}$/u;
function checkName(name: string): string {
  const n = name.trim();
  if (!CHART_NAME.test(n)) throw invalid('name', '1 to 100 characters, no control characters');
  return n;
}

/** Checks a state beyond its shape: no id twice, group members on the chart, dates readable. */
function checkState(s: ChartState): void {
  const seen = new Set<string>();
  s.nodes.forEach((n, i) => {
    if (seen.has(n.id)) throw invalid(`state.nodes[${i}].id`, `${n.id.slice(0, 100)} is on the chart twice`);
    seen.add(n.id);
  });
  const grouped = new Set<string>();
  s.groups.forEach((g, i) =>
    g.members.forEach((m, j) => {
      if (!seen.has(m)) throw invalid(`state.groups[${i}].members[${j}]`, `${m.slice(0, 100)} is not a node of the chart`);
      if (grouped.has(m)) throw invalid(`state.groups[${i}].members[${j}]`, `${m.slice(0, 100)} is in two groups`);
      grouped.add(m);
    }),
  );
  for (const f of ['since', 'until'] as const) {
    const v = s.style[f];
    if (v && !Number.isFinite(epochDay(v, 'start'))) throw invalid(`state.style.${f}`, 'a date such as 2024, 2024-05 or 2024-05-17');
  }
}

async function chartRow(exec: Executor, caseId: string, chartId: string): Promise<ChartRow> {
  const row = await it(exec).selectFrom('intel_charts').selectAll().where('case_id', '=', caseId).where('id', '=', chartId).executeTakeFirst();
  if (!row) throw notFound('chart', chartId.slice(0, 100));
  return row;
}

export async function listCharts(ctx: AppContext, caseRef: string, caller: Caller): Promise<ChartSummary[]> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  const rows = await it(ctx.db.kysely).selectFrom('intel_charts').selectAll().where('case_id', '=', row.id).orderBy('updated_at', 'desc').execute();
  await auditView(ctx, ctx.db.kysely, caller, row.id, 'charts', { count: rows.length });
  return rows.map((r) => summary(r, JSON.parse(r.state) as ChartState));
}

export async function createChart(ctx: AppContext, caseRef: string, input: { name: string; state: ChartState }, caller: Caller): Promise<ChartSummary> {
  const name = checkName(input.name);
  checkState(input.state);
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  return ctx.db.transaction(async (trx) => {
    const t = it(trx);
    await ctx.db.lockInTransaction(trx, `intel:charts:${row.id}`);
    if (await t.selectFrom('intel_charts').select('id').where('case_id', '=', row.id).where('name', '=', name).executeTakeFirst())
      throw conflict(`this case has a chart named ${name} already`, 'name');
    const now = ctx.clock.now().toISOString();
    const chart: ChartRow = {
      id: randomUUID(),
      case_id: row.id,
      name,
      state: JSON.stringify(input.state),
      created_at: now,
      created_by: caller.actor.id,
      updated_at: now,
    };
    await t.insertInto('intel_charts').values(chart).execute();
    await auditChange(ctx, trx, caller, row.id, 'chart.create', { chartId: chart.id, nodes: input.state.nodes.length });
    return summary(chart, input.state);
  });
}

export async function updateChart(
  ctx: AppContext,
  caseRef: string,
  chartId: string,
  input: { name?: string | undefined; state?: ChartState | undefined },
  caller: Caller,
): Promise<ChartSummary> {
  const name = input.name === undefined ? undefined : checkName(input.name);
  if (input.state) checkState(input.state);
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  return ctx.db.transaction(async (trx) => {
    const t = it(trx);
    await ctx.db.lockInTransaction(trx, `intel:charts:${row.id}`);
    const old = await chartRow(trx, row.id, chartId);
    if (
      name &&
      name !== old.name &&
      (await t.selectFrom('intel_charts').select('id').where('case_id', '=', row.id).where('name', '=', name).executeTakeFirst())
    )
      throw conflict(`this case has a chart named ${name} already`, 'name');
    const next: ChartRow = {
      ...old,
      ...(name ? { name } : {}),
      ...(input.state ? { state: JSON.stringify(input.state) } : {}),
      updated_at: ctx.clock.now().toISOString(),
    };
    await t
      .updateTable('intel_charts')
      .set({ name: next.name, state: next.state, updated_at: next.updated_at })
      .where('case_id', '=', row.id)
      .where('id', '=', chartId)
      .execute();
    const state = JSON.parse(next.state) as ChartState;
    await auditChange(ctx, trx, caller, row.id, 'chart.update', { chartId, nodes: state.nodes.length });
    return summary(next, state);
  });
}

export async function deleteChart(ctx: AppContext, caseRef: string, chartId: string, caller: Caller): Promise<void> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  await ctx.db.transaction(async (trx) => {
    await chartRow(trx, row.id, chartId);
    await it(trx).deleteFrom('intel_charts').where('case_id', '=', row.id).where('id', '=', chartId).execute();
    await auditChange(ctx, trx, caller, row.id, 'chart.delete', { chartId });
  });
}

export interface SubGraph {
  nodes: GraphNode[];
  links: GraphLink[];
  /** Ids asked for that are no longer in the case (a record removed) — said, never dropped silently. */
  missing: string[];
}

/**
 * The entities of `ids` (any record id; merged records come back as their resolved entity) and the links among them:
 * `links` limits them to those ids (a saved chart), otherwise every link joining two of the entities is given.
 */
export function subGraph(cg: CaseGraph, ids: readonly string[], links?: readonly string[]): SubGraph {
  const nodes = new Map<number, GraphNode>();
  const missing: string[] = [];
  const wanted = new Set<string>();
  for (const i of ids) {
    const c = cg.canon.get(i);
    const n = c === undefined ? -1 : cg.g.node(c);
    if (n >= 0) nodes.set(n, nodeView(cg, n));
    else if (c !== undefined && cg.entities.get(c)?.edge) wanted.add(c);
    else missing.push(i);
  }
  if (links) for (const l of links) wanted.add(cg.canon.get(l) ?? l);
  const out: GraphLink[] = [];
  const found = new Set<string>();
  for (let l = 0; l < cg.g.linkCount; l++) {
    if (!nodes.has(cg.g.source(l)) || !nodes.has(cg.g.target(l))) continue;
    const v = linkView(cg, l);
    if (links && !wanted.has(v.id)) continue;
    found.add(v.id);
    out.push(v);
  }
  if (links) for (const l of links) if (!found.has(cg.canon.get(l) ?? l)) missing.push(l);
  return { nodes: [...nodes.values()], links: out, missing };
}

export async function getChart(ctx: AppContext, caseRef: string, chartId: string, caller: Caller) {
  const cg = await caseGraph(ctx, caseRef, caller);
  const row = await chartRow(ctx.db.kysely, cg.caseId, chartId);
  const state = JSON.parse(row.state) as ChartState;
  const graph = subGraph(
    cg,
    state.nodes.map((n) => n.id),
    state.links,
  );
  await auditView(ctx, ctx.db.kysely, caller, cg.caseId, 'chart', { chartId, nodes: graph.nodes.length });
  return { ...summary(row, state), state, graph };
}

/** Entities (and links among them) for a chart started from a selection: a list, a search, a path. */
export async function chartSeed(ctx: AppContext, caseRef: string, ids: readonly string[], caller: Caller): Promise<SubGraph> {
  const cg = await caseGraph(ctx, caseRef, caller);
  const r = subGraph(cg, ids);
  await auditView(ctx, ctx.db.kysely, caller, cg.caseId, 'chart-seed', { ids: ids.length, nodes: r.nodes.length });
  return r;
}

export interface ChartFact {
  /** A resolved entity or link id. */
  id: string;
  /** FtM dates as written (date, or startDate / endDate). */
  start?: string;
  end?: string;
  /** Grades (`B2`) of the reports that support any of its records. */
  grades: string[];
}

const first = (p: Record<string, readonly string[]>, ...names: string[]) => {
  for (const n of names) if (p[n]?.[0]) return p[n][0];
  return undefined;
};

/** Dates and report grades of a case's entities and links, for the chart's timeline and its date and grade filters. */
export async function chartFacts(ctx: AppContext, caseRef: string, caller: Caller): Promise<{ items: ChartFact[]; grades: string[] }> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  const t = it(ctx.db.kysely);
  const resolved = resolve(await caseRows(ctx.db.kysely, row.id));
  const reports = new Map(
    (await t.selectFrom('intel_reports').select(['id', 'source_grade', 'info_grade']).where('case_id', '=', row.id).execute()).map((r) => [
      r.id,
      `${r.source_grade}${r.info_grade}`,
    ]),
  );
  const support = await t.selectFrom('intel_support').select(['entity_id', 'ref_id']).where('case_id', '=', row.id).where('kind', '=', 'report').execute();
  const byRecord = new Map<string, Set<string>>();
  for (const s of support) {
    const g = reports.get(s.ref_id);
    if (!g) continue;
    const set = byRecord.get(s.entity_id) ?? new Set<string>();
    set.add(g);
    byRecord.set(s.entity_id, set);
  }
  const items: ChartFact[] = [];
  const all = new Set<string>();
  for (const e of resolved.values()) {
    const grades = new Set<string>();
    for (const r of e.records) for (const g of byRecord.get(r) ?? []) grades.add(g);
    const start = first(e.properties, 'date', 'startDate');
    const end = first(e.properties, 'date', 'endDate');
    if (!grades.size && !start && !end) continue;
    for (const g of grades) all.add(g);
    items.push({ id: e.id, ...(start ? { start } : {}), ...(end ? { end } : {}), grades: [...grades].sort() });
  }
  await auditView(ctx, ctx.db.kysely, caller, row.id, 'chart-facts', { count: items.length });
  return { items, grades: [...all].sort() };
}
