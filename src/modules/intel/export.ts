// Exports of a case's resolved graph: GraphML and GEXF (Gephi), i2 ANB-importable CSV, FtM JSON lines (merged ids as referents).
import { anbCsv, gexf, graphml, type Attribute } from '../../core/graph/index.js';
import type { AppContext } from '../../platform/context.js';
import { auditView, type Caller } from './access.js';
import { caseGraph, type CaseGraph } from './graph.js';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'ftm', 'anb-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPES: Readonly<Record<ExportFormat, string>> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  ftm: 'application/x-ndjson; charset=utf-8',
  'anb-csv': 'text/csv; charset=utf-8',
};

function* ftmLines(cg: CaseGraph): Generator<string> {
  for (const e of [...cg.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const referents = e.records.filter((r) => r !== e.id);
    yield JSON.stringify({ id: e.id, schema: e.schema, properties: e.properties, ...(referents.length ? { referents } : {}) }) + '\n';
  }
}

/** The export as chunks of text (joined or streamed by the caller); audited. */
export async function exportCase(ctx: AppContext, caseRef: string, format: ExportFormat, caller: Caller): Promise<Iterable<string>> {
  const cg = await caseGraph(ctx, caseRef, caller);
  await ctx.audit.record(ctx.db.kysely, {
    action: 'intel.export',
    actor: caller.actor,
    target: { type: 'intel-case', id: cg.caseId },
    ...(caller.requestId ? { requestId: caller.requestId } : {}),
    details: { format, entities: cg.entities.size },
  });
  await auditView(ctx, ctx.db.kysely, caller, cg.caseId, 'export', { format });
  if (format === 'ftm') return ftmLines(cg);
  if (format === 'anb-csv') return anbCsv(cg.g);
  const records: Attribute = { key: 'records', type: 'string', value: (n) => cg.entities.get(cg.g.id(n))?.records.join(' ') };
  const opts = { nodeAttributes: [records] };
  return format === 'graphml' ? graphml(cg.g, opts) : gexf(cg.g, opts);
}
