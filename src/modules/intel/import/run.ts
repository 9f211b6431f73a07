// Imports a file into a case: FtM JSON lines, or CSV/XLSX through an FtM mapping; per-row errors, one transaction, a report.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EntityData } from '../../../core/model/index.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { entityFromLine, ImportError, mapRow, parseMapping, type Mapping } from '../../watchlists/index.js';
import { auditChange, openCase, type Caller } from '../access.js';
import { upsertEntities } from '../entities.js';
import { it } from '../tables.js';
import { sheetRows, type SheetFormat } from './rows.js';

export const IMPORT_FORMATS = ['ftm', 'csv', 'xlsx'] as const;
export type CaseImportFormat = (typeof IMPORT_FORMATS)[number];
/** Most row errors listed in a report (all are counted). */
export const MAX_LISTED_ERRORS = 1000;
/** Most distinct entities one import may hold in memory before writing. */
export const MAX_IMPORT_ENTITIES = 2_000_000;
const MAX_LINE = 1 << 20;

export interface ImportInput {
  /** The file on disk. */
  path: string;
  /** The name shown in reports and errors (the uploaded file's name). */
  name: string;
  format: CaseImportFormat;
  /** For CSV and XLSX: the mapping's YAML and its name; `mappingId` when it is a saved one. */
  mapping?: { yaml: string; name: string; id?: string | undefined } | undefined;
  encoding?: 'utf8' | 'latin1' | undefined;
  sheet?: string | undefined;
  /** Prefix of ids made from mapping keys (`<prefix>-<value>`); the mapping's name by default. */
  prefix?: string | undefined;
  /** Refuse the whole file when any row is wrong (by default the good rows are imported and the others reported). */
  strict?: boolean | undefined;
}

export interface RowError {
  line: number;
  column?: number;
  detail: string;
}

export interface ImportReport {
  importId: string | null;
  caseId: string;
  file: string;
  format: CaseImportFormat;
  /** Rows (or lines) read, empty ones excluded. */
  rows: number;
  emptyRows: number;
  /** Distinct entities the file holds (links included). */
  entities: number;
  added: number;
  updated: number;
  errorCount: number;
  errors: RowError[];
  /** False when nothing was written (strict mode with errors, or no entity). */
  written: boolean;
}

function prefixOf(name: string): string {
  return (
    name
      .replace(/^.*[\\/]/, '')
      .replace(/\.(ya?ml)$/i, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .slice(0, 40) || 'import'
  );
}

/** The dataset name a mapping starts with (`people:` holding `queries:`), if it names one. */
function datasetName(yaml: string): string | undefined {
  const m = /^([A-Za-z0-9_-]{1,40}):\s*(#.*)?$/m.exec(yaml);
  return m && m[1] !== 'query' && m[1] !== 'queries' ? m[1] : undefined;
}

/** Reads the whole file into entities (merged by id) and row errors; writes nothing. */
export async function readForImport(
  input: ImportInput,
): Promise<{ entities: Map<string, EntityData>; rows: number; emptyRows: number; errors: RowError[]; errorCount: number }> {
  const entities = new Map<string, EntityData>();
  const errors: RowError[] = [];
  let errorCount = 0;
  let rows = 0;
  let emptyRows = 0;
  const problem = (line: number, detail: string, column?: number) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ line, detail, ...(column !== undefined ? { column } : {}) });
  };
  const add = (e: EntityData) => {
    const had = entities.get(e.id);
    if (!had) {
      if (entities.size >= MAX_IMPORT_ENTITIES) throw new ImportError(`the file holds more than ${MAX_IMPORT_ENTITIES} entities`, { file: input.name });
      entities.set(e.id, { id: e.id, schema: e.schema, properties: Object.fromEntries(Object.entries(e.properties).map(([k, v]) => [k, [...v]])) });
      return;
    }
    for (const [k, vs] of Object.entries(e.properties)) {
      const list = (had.properties[k] ??= []) as string[];
      for (const v of vs) if (!list.includes(v)) list.push(v);
    }
  };
  if (input.format === 'ftm') {
    const lines = createInterface({ input: createReadStream(input.path, { encoding: 'utf8' }), crlfDelay: Infinity });
    let n = 0;
    for await (const text of lines) {
      n++;
      if (!text.trim()) {
        emptyRows++;
        continue;
      }
      rows++;
      if (text.length > MAX_LINE) {
        problem(n, `the line is longer than ${MAX_LINE} characters`);
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        problem(n, `invalid JSON: ${(e as Error).message.slice(0, 120)}`);
        continue;
      }
      try {
        const { listed: _l, ownerId: _o, sourceId: _s, ...e } = entityFromLine({ file: input.name, line: n, offset: 0, value });
        add(e);
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        problem(n, e.message);
      }
    }
    return { entities, rows, emptyRows, errors, errorCount };
  }
  if (!input.mapping) throw new ImportError('a CSV or XLSX import needs a mapping (the FollowTheMoney mapping format)', { file: input.name });
  const mapping: Mapping = parseMapping(input.mapping.yaml, input.mapping.name);
  const prefix = input.prefix ?? datasetName(input.mapping.yaml) ?? prefixOf(input.mapping.name);
  const src = sheetRows(input.path, input.format as SheetFormat, { encoding: input.encoding, sheet: input.sheet, name: input.name });
  let first = true;
  for await (const row of src.rows) {
    if (first) {
      first = false;
      for (const q of mapping.queries)
        for (const [col, line] of q.columns)
          if (!Object.hasOwn(row.values, col))
            throw new ImportError(`column ${JSON.stringify(col)} (mapping line ${line}) is not in the header of ${input.name}`, {
              file: input.mapping.name,
              line,
            });
    }
    rows++;
    if (row.problem) {
      problem(row.line, row.problem);
      continue;
    }
    try {
      const made: EntityData[] = [];
      for (const q of mapping.queries)
        for (const e of mapRow(q, prefix, row, { file: input.name })) made.push({ id: e.id, schema: e.schema, properties: e.properties });
      made.forEach(add);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      problem(row.line, e.message);
    }
  }
  emptyRows = src.emptyRows();
  return { entities, rows, emptyRows, errors, errorCount };
}

/** Imports a file into a case in one transaction; the report lists every row that was not imported and why. */
export async function importIntoCase(ctx: AppContext, caseRef: string, input: ImportInput, caller: Caller): Promise<ImportReport> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'analyst');
  let read: Awaited<ReturnType<typeof readForImport>>;
  try {
    read = await readForImport(input);
  } catch (e) {
    if (e instanceof ImportError) {
      const w = e.where;
      throw new AppError('validation-failed', e.describe(), {
        field: w.file === input.mapping?.name ? 'mapping' : 'file',
        ...(w.line !== undefined ? { line: w.line } : {}),
        ...(w.column !== undefined ? { column: w.column } : {}),
        ...(w.offset !== undefined ? { offset: w.offset } : {}),
      });
    }
    throw e;
  }
  const report: ImportReport = {
    importId: null,
    caseId: row.id,
    file: input.name,
    format: input.format,
    rows: read.rows,
    emptyRows: read.emptyRows,
    entities: read.entities.size,
    added: 0,
    updated: 0,
    errorCount: read.errorCount,
    errors: read.errors,
    written: false,
  };
  if ((input.strict && read.errorCount) || !read.entities.size) return report;
  const importId = randomUUID();
  await ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, `intel:case:${row.id}`);
    const now = ctx.clock.now().toISOString();
    const r = await upsertEntities(trx, row.id, [...read.entities.values()], { kind: 'import', refId: importId }, now);
    report.added = r.added;
    report.updated = r.updated;
    await it(trx)
      .insertInto('intel_imports')
      .values({
        id: importId,
        case_id: row.id,
        file: input.name.slice(0, 300),
        format: input.format,
        mapping_id: input.mapping?.id ?? null,
        rows: read.rows,
        entities: read.entities.size,
        errors: JSON.stringify({ count: read.errorCount, listed: read.errors }),
        created_at: now,
        created_by: caller.actor.id,
      })
      .execute();
    await auditChange(ctx, trx, caller, row.id, 'import', {
      importId,
      format: input.format,
      rows: read.rows,
      entities: read.entities.size,
      errors: read.errorCount,
    });
  });
  report.importId = importId;
  report.written = true;
  return report;
}
