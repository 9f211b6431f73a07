// Import of lost and stolen reports as a new registry version, in one transaction: a rejected input changes nothing.
import { createHash } from 'node:crypto';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/audit/types.js';
import { AppError } from '../../../platform/errors.js';
import { describeProblem, isProblem, ReportParser, type Format, type Report, type ReportProblem } from './parse.js';
import { reportId } from './store.js';
import { skeleton } from './numbers.js';
import { lost, STATE_ID, type LostDocumentRow, type LostExecutor } from './tables.js';

/** Problems listed in one rejection, at most. */
const MAX_PROBLEMS = 20;
const BATCH = 400;

export type ImportMode = 'replace' | 'add';

export interface LostImportOptions {
  /** The input's lines (a file streamed, or a request body split). */
  lines: AsyncIterable<string> | Iterable<string>;
  /** sha256 of the whole input; the same input imported again in replace mode changes nothing. */
  sha256: string;
  /** Name recorded in the version (a file name, or `upload`). */
  file: string;
  /** `replace` (default): the input is the whole registry; `add`: the input adds to or updates the active version's reports. */
  mode?: ImportMode;
  activate?: boolean;
  actor: Actor;
  requestId?: string | undefined;
}

export interface LostImportResult {
  status: 'imported' | 'unchanged';
  version: number;
  activated: boolean;
  activeVersion: number | null;
  format: Format | null;
  total: number;
  counts: Record<string, number>;
  changes: { added: number; changed: number; removed: number; unchanged: number; duplicates: number };
  records: number;
}

/** The input is rejected: every problem (up to 20) with its line, column and field. */
export class LostImportError extends AppError {
  constructor(readonly problems: ReportProblem[]) {
    const first = problems[0]!;
    super(
      'validation-failed',
      `import rejected: ${problems.length >= MAX_PROBLEMS ? `${MAX_PROBLEMS}+` : problems.length} problem(s); ${describeProblem(first)}`,
      {
        field: first.field,
        line: first.line,
        column: first.column,
        invalidParams: problems.map((p) => ({ field: p.field, line: p.line, column: p.column, reason: p.detail })),
      },
    );
  }
}

export const sha256Text = (text: string): string => createHash('sha256').update(text).digest('hex');

const hashOf = (r: Report) => sha256Text(JSON.stringify([r.country.icao, r.documentType, r.documentNumber, r.status, r.reportedOn])).slice(0, 32);

async function openRows(t: LostExecutor): Promise<Map<string, { hash: string; first: number }>> {
  const out = new Map<string, { hash: string; first: number }>();
  const rows = await t.selectFrom('lost_documents').select(['id', 'hash', 'first_version']).where('last_version', 'is', null).execute();
  for (const r of rows) out.set(r.id, { hash: r.hash, first: r.first_version });
  return out;
}

async function closeRows(t: LostExecutor, ids: string[], lastVersion: number): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH)
    await t
      .updateTable('lost_documents')
      .set({ last_version: lastVersion })
      .where('id', 'in', ids.slice(i, i + BATCH))
      .where('last_version', 'is', null)
      .execute();
}

async function insertRows(t: LostExecutor, rows: LostDocumentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await t
      .insertInto('lost_documents')
      .values(rows.slice(i, i + BATCH))
      .execute();
}

export async function importReports(ctx: AppContext, opts: LostImportOptions): Promise<LostImportResult> {
  const mode = opts.mode ?? 'replace';
  const { db } = ctx;
  const now = ctx.clock.now().toISOString();
  return db.transaction(async (trx) => {
    await db.lockInTransaction(trx, 'documents-lost');
    const t = lost(trx);
    const state = await t.selectFrom('lost_state').selectAll().where('id', '=', STATE_ID).executeTakeFirst();
    const previous = state?.active_version ?? null;
    const latest = await t.selectFrom('lost_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (latest && mode === 'replace' && latest.mode === 'replace' && latest.sha256 === opts.sha256) {
      return {
        status: 'unchanged',
        version: latest.version,
        activated: false,
        activeVersion: previous,
        format: latest.format as Format,
        total: latest.total,
        counts: JSON.parse(latest.counts) as Record<string, number>,
        changes: { added: 0, changed: 0, removed: 0, unchanged: 0, duplicates: 0 },
        records: 0,
      } satisfies LostImportResult;
    }
    const version = (latest?.version ?? 0) + 1;

    // Parse everything first: a single problem rejects the input before anything is written.
    const parser = new ReportParser();
    const reports = new Map<string, Report & { id: string; hash: string }>();
    const problems: ReportProblem[] = [];
    let records = 0;
    let duplicates = 0;
    let n = 0;
    for await (const text of opts.lines) {
      const r = parser.line(text, ++n);
      if (r === null) continue;
      if (isProblem(r)) {
        problems.push(r);
        if (problems.length >= MAX_PROBLEMS) break;
        continue;
      }
      records++;
      const id = reportId(r.country.key, r.documentType, r.documentNumber);
      if (reports.has(id)) duplicates++;
      reports.set(id, { ...r, id, hash: hashOf(r) }); // a later line about the same document wins
    }
    if (problems.length) throw new LostImportError(problems);
    if (parser.format === null) throw new LostImportError([{ line: 1, column: 1, field: 'header', detail: 'the input is empty' }]);

    const open = await openRows(t);
    const changes = { added: 0, changed: 0, removed: 0, unchanged: 0, duplicates };
    const closes: string[] = [];
    const inserts: LostDocumentRow[] = [];
    for (const r of reports.values()) {
      const cur = open.get(r.id);
      if (cur?.hash === r.hash) {
        changes.unchanged++;
        continue;
      }
      if (cur) {
        closes.push(r.id);
        changes.changed++;
      } else changes.added++;
      inserts.push({
        id: r.id,
        first_version: version,
        last_version: null,
        country: r.country.key,
        icao: r.country.icao,
        alpha2: r.country.alpha2,
        document_type: r.documentType,
        document_number: r.documentNumber,
        skeleton: skeleton(r.documentNumber),
        status: r.status,
        reported_on: r.reportedOn,
        hash: r.hash,
      });
    }
    if (mode === 'replace')
      for (const id of open.keys())
        if (!reports.has(id)) {
          closes.push(id);
          changes.removed++;
        }
    await closeRows(t, closes, version - 1);
    await insertRows(t, inserts);

    const counted = await t
      .selectFrom('lost_documents')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('last_version', 'is', null)
      .groupBy('status')
      .orderBy('status')
      .execute();
    const counts = Object.fromEntries(counted.map((c) => [c.status, Number(c.n)]));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const activate = opts.activate !== false || previous === null;
    await t
      .insertInto('lost_versions')
      .values({
        version,
        imported_at: now,
        sha256: opts.sha256,
        file: opts.file.slice(0, 200),
        format: parser.format,
        mode,
        total,
        counts: JSON.stringify(counts),
        changes: JSON.stringify(changes),
        imported_by: opts.actor.id,
      })
      .execute();
    if (activate) {
      if (state) await t.updateTable('lost_state').set({ active_version: version, updated_at: now }).where('id', '=', STATE_ID).execute();
      else await t.insertInto('lost_state').values({ id: STATE_ID, active_version: version, updated_at: now }).execute();
    }
    await ctx.audit.record(trx, {
      action: 'documents.lost.import',
      actor: opts.actor,
      target: { type: 'lost-registry', id: String(version) },
      ...(opts.requestId ? { requestId: opts.requestId } : {}),
      details: {
        version,
        previousVersion: previous,
        activated: activate,
        mode,
        format: parser.format,
        sha256: opts.sha256,
        records,
        total,
        added: changes.added,
        changed: changes.changed,
        removed: changes.removed,
        counts: Object.entries(counts).map(([s, c]) => `${s}:${c}`),
      },
    });
    return {
      status: 'imported',
      version,
      activated: activate,
      activeVersion: activate ? version : previous,
      format: parser.format,
      total,
      counts,
      changes,
      records,
    } satisfies LostImportResult;
  });
}
