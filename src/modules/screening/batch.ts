// Batch screening: NDJSON (or CSV) lines in, one result or error line out per input line; bounded line size and count.
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/audit/types.js';
import { AppError } from '../../platform/errors.js';
import { currentIndex } from './index-state.js';
import { errorOf, validateQuery } from './query.js';
import { screenQuery, type ContractResult } from './service.js';

export const MAX_LINE_BYTES = 16 * 1024;
export const MAX_LINES = 10_000;
/** Most matched entity ids named in the batch's audit record. */
const MAX_AUDITED_IDS = 1000;

export type BatchLine = ContractResult | { id: string | null; line: number; error: { code: string; detail: string; field?: string } };

export interface BatchSummary {
  lines: number;
  screened: number;
  rejected: number;
  withMatches: number;
}

/** A line's own id when it is readable, for error lines. */
function idOf(parsed: unknown): string | null {
  const id = (parsed as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 200) : typeof id === 'number' ? String(id) : null;
}

/**
 * Screens lines (each a JSON query, or an already parsed object from CSV). Blank lines are skipped; a bad line yields an
 * error line and the batch goes on; past MAX_LINES the rest is reported once as rejected. One audit record for the batch.
 */
export async function* screenBatch(
  ctx: AppContext,
  lines: AsyncIterable<string | { line: number; value: unknown }> | Iterable<string | { line: number; value: unknown }>,
  opts: { actor: Actor; requestId?: string | undefined; minScore?: number | undefined; summary?: BatchSummary },
): AsyncGenerator<BatchLine> {
  const s: BatchSummary = opts.summary ?? { lines: 0, screened: 0, rejected: 0, withMatches: 0 };
  const matched = new Set<string>();
  const { index } = await currentIndex(ctx);
  let n = 0;
  for await (const item of lines) {
    n++;
    const lineNo = typeof item === 'string' ? n : item.line;
    if (typeof item === 'string' && !item.trim()) continue;
    s.lines++;
    if (s.lines > MAX_LINES) {
      s.rejected++;
      yield {
        id: null,
        line: lineNo,
        error: {
          code: 'payload-too-large',
          detail: `line ${lineNo}: a batch holds at most ${MAX_LINES.toLocaleString('en')} queries; the rest is not screened`,
        },
      };
      break;
    }
    let parsed: unknown;
    try {
      if (typeof item === 'string') {
        if (Buffer.byteLength(item, 'utf8') > MAX_LINE_BYTES)
          throw new AppError('validation-failed', `line ${lineNo}: longer than ${MAX_LINE_BYTES} bytes`, { field: 'line' });
        try {
          parsed = JSON.parse(item);
        } catch (e) {
          throw new AppError('validation-failed', `line ${lineNo}: not JSON (${(e as Error).message.slice(0, 120)})`, { field: 'line' });
        }
      } else parsed = item.value;
      const q = validateQuery(parsed, index);
      const run = await screenQuery(ctx, q, { actor: opts.actor, requestId: opts.requestId, minScore: opts.minScore, audit: false });
      s.screened++;
      if (run.result.matches.length) s.withMatches++;
      for (const m of run.result.matches) if (matched.size < MAX_AUDITED_IDS) matched.add(m.entityId);
      yield run.result;
    } catch (e) {
      if (!(e instanceof AppError)) ctx.log.error({ err: e, line: lineNo }, 'batch screening line failed');
      s.rejected++;
      const err = errorOf(e);
      yield { id: idOf(parsed), line: lineNo, error: { ...err, detail: err.detail.startsWith('line ') ? err.detail : `line ${lineNo}: ${err.detail}` } };
    }
  }
  await ctx.audit.record(ctx.db.kysely, {
    action: 'screening.run',
    actor: opts.actor,
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    details: { batch: true, lines: s.lines, screened: s.screened, rejected: s.rejected, withMatches: s.withMatches, entityIds: [...matched] },
  });
}

/** Splits text into lines lazily (LF or CRLF). */
export function* splitLines(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
  }
}
