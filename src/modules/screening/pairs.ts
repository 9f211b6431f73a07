// Pair matching (`vigil match`): two FtM entities or two names scored with the explanation; input lines checked field by field.
import { match, type MatchEntity, type MatchResult } from '../../core/match/index.js';
import { model } from '../../core/model/index.js';
import { AppError, invalid } from '../../platform/errors.js';
import { errorOf, MAX_NAME } from './query.js';

const MAX_VALUES = 200;

export interface PairResult {
  id: string | null;
  score: number;
  match: boolean;
  explanation: MatchResult['explanation'];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Checks one side of a pair: an FtM entity with a known schema and properties of string arrays. */
export function entityOf(value: unknown, field: string): MatchEntity {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid(field, 'must be an FtM entity object with "schema" and "properties"');
  const o = value as Record<string, unknown>;
  if (typeof o.schema !== 'string' || !model.getSchema(o.schema))
    throw invalid(`${field}.schema`, `unknown FtM schema ${JSON.stringify(String(o.schema ?? '')).slice(0, 60)}`);
  if (!o.properties || typeof o.properties !== 'object' || Array.isArray(o.properties))
    throw invalid(`${field}.properties`, 'must be an object of property → array of strings');
  const properties: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(o.properties as Record<string, unknown>)) {
    if (!Array.isArray(v) || v.length > MAX_VALUES || v.some((x) => typeof x !== 'string' || x.length > MAX_NAME))
      throw invalid(`${field}.properties.${k.slice(0, 40)}`, `must be an array of at most ${MAX_VALUES} strings of at most ${MAX_NAME} characters`);
    properties[k] = v as string[];
  }
  const names = ['name', 'alias', 'firstName', 'lastName'].some((p) => properties[p]?.some((n) => n.trim()));
  if (!names) throw invalid(`${field}.properties.name`, 'the entity has no name');
  return { id: typeof o.id === 'string' ? o.id : field, schema: o.schema, properties };
}

export function matchPair(left: MatchEntity, right: MatchEntity, id: string | null): PairResult {
  const r = match(left, right);
  return {
    id,
    score: round(r.score),
    match: r.match,
    explanation: r.explanation.map((e) => ({ feature: e.feature, score: round(e.score), detail: e.detail })),
  };
}

/** One NDJSON line `{"id","left","right"}` → its result, or an error line naming the field. */
export function matchLine(
  line: string,
  lineNo: number,
): PairResult | { id: string | null; line: number; error: { code: string; detail: string; field?: string } } {
  let parsed: unknown;
  try {
    if (line.length > 256 * 1024) throw new AppError('validation-failed', `line ${lineNo}: longer than 256 KB`, { field: 'line' });
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      throw new AppError('validation-failed', `line ${lineNo}: not JSON (${(e as Error).message.slice(0, 120)})`, { field: 'line' });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid('line', 'must be an object {"id","left","right"}');
    const o = parsed as Record<string, unknown>;
    const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : null;
    return matchPair(entityOf(o.left, 'left'), entityOf(o.right, 'right'), id);
  } catch (e) {
    const err = errorOf(e);
    const id = (parsed as { id?: unknown } | undefined)?.id;
    return {
      id: typeof id === 'string' ? id : null,
      line: lineNo,
      error: { ...err, detail: err.detail.startsWith('line ') ? err.detail : `line ${lineNo}: ${err.detail}` },
    };
  }
}
