// TAXII 2.1 over HTTP: media types, content negotiation, error bodies and the query parameters of object requests.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { toAppError } from '../../platform/http/problem.js';
import { STIX_ID, timestampKey } from '../../core/stix/index.js';
import type { VersionMatch } from './objects.js';

export const TAXII_21 = 'application/taxii+json;version=2.1';
export const STIX_21 = 'application/stix+json;version=2.1';
export const MAX_LIMIT = 10_000;
export const DEFAULT_LIMIT = 1_000;

/** An error answered with the TAXII 2.1 error body. */
export class TaxiiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly description: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(description);
    this.name = 'TaxiiError';
  }
}

export const badRequest = (d: string, details?: Record<string, unknown>) => new TaxiiError(400, 'ProcessingError', d, details);

export function errorBody(e: TaxiiError, requestId: string) {
  return {
    title: e.title,
    description: e.description,
    error_id: requestId,
    error_code: e.title,
    http_status: String(e.status),
    ...(e.details ? { details: e.details } : {}),
  };
}

export function toTaxiiError(err: unknown): TaxiiError {
  if (err instanceof TaxiiError) return err;
  const a = err instanceof AppError ? err : toAppError(err);
  const where =
    a.extra.field || a.extra.line
      ? { ...(a.extra.field ? { field: a.extra.field } : {}), ...(a.extra.line ? { line: a.extra.line, column: a.extra.column } : {}) }
      : undefined;
  const title =
    a.code === 'validation-failed' || a.code === 'bad-request' ? 'ProcessingError' : a.code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
  return new TaxiiError(a.status, title, a.detail, where);
}

export function sendTaxiiError(reply: FastifyReply, err: unknown): FastifyReply {
  const e = toTaxiiError(err);
  if (e.status >= 500) reply.request.log.error({ err }, 'taxii error');
  if (err instanceof AppError && err.extra.retryAfterSeconds) void reply.header('retry-after', String(err.extra.retryAfterSeconds));
  return reply
    .code(e.status)
    .header('content-type', TAXII_21)
    .send(Buffer.from(JSON.stringify(errorBody(e, reply.request.id))));
}

interface MediaRange {
  type: string;
  version: string | undefined;
}
function parseMediaRanges(header: string): MediaRange[] {
  return header
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const version = params.find((p) => p.startsWith('version='))?.slice(8);
      const q = params.find((p) => p.startsWith('q='));
      return q === 'q=0' ? { type: '', version } : { type, version };
    });
}

/** The response media type for this Accept header among `allowed`, or a 406. No Accept header means the first allowed. */
export function negotiate(req: FastifyRequest, allowed: readonly string[]): string {
  const header = req.headers.accept;
  if (!header) return allowed[0]!;
  for (const range of parseMediaRanges(header)) {
    for (const a of allowed) {
      const [essence] = a.split(';');
      const [major] = essence!.split('/');
      const typeOk = range.type === essence || range.type === '*/*' || range.type === `${major}/*`;
      if (typeOk && (range.version === undefined || range.version === '2.1')) return a;
    }
  }
  throw new TaxiiError(406, 'NotAcceptable', `This resource is available as ${allowed.join(' or ')}; the Accept header asks for ${header.slice(0, 200)}`);
}

/** POST bodies must be TAXII 2.1 envelopes: `application/taxii+json;version=2.1`. */
export function checkContentType(req: FastifyRequest): void {
  const ct = req.headers['content-type'] ?? '';
  const [range] = parseMediaRanges(ct);
  if (range?.type !== 'application/taxii+json' || (range.version !== undefined && range.version !== '2.1'))
    throw new TaxiiError(415, 'UnsupportedMediaType', `Send the envelope as ${TAXII_21} (got ${ct.slice(0, 100) || 'no Content-Type'})`);
}

type Query = Record<string, string | string[] | undefined>;
const list = (q: Query, key: string): string[] | undefined => {
  const v = q[key];
  if (v === undefined) return undefined;
  const all = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(','));
  if (all.length > 100) throw badRequest(`${key} has more than 100 values`);
  return all.map((s) => s.trim()).filter(Boolean);
};

export interface ObjectParams {
  addedAfter?: string;
  limit: number;
  next?: string;
  ids?: string[];
  types?: string[];
  versions: VersionMatch[];
  specVersions: string[];
}

/** Reads the TAXII filter parameters; anything malformed is a 400 naming the parameter. */
export function objectParams(query: unknown, defaults: { versions: VersionMatch[]; specVersions: string[] }): ObjectParams {
  const q = (query ?? {}) as Query;
  const out: ObjectParams = { limit: DEFAULT_LIMIT, versions: defaults.versions, specVersions: defaults.specVersions };
  const one = (key: string) => {
    const v = q[key];
    if (Array.isArray(v)) throw badRequest(`${key} is given more than once`);
    return v;
  };
  const limit = one('limit');
  if (limit !== undefined) {
    if (!/^\d{1,9}$/.test(limit) || Number(limit) < 1) throw badRequest(`limit must be a positive integer (got ${limit.slice(0, 20)})`, { field: 'limit' });
    out.limit = Math.min(MAX_LIMIT, Number(limit));
  }
  const after = one('added_after');
  if (after !== undefined) {
    const key = timestampKey(after);
    if (!key) throw badRequest('added_after must be a UTC timestamp such as 2024-01-31T12:00:00.000Z', { field: 'added_after' });
    out.addedAfter = key.slice(0, 26) + 'Z';
  }
  const next = one('next');
  if (next !== undefined) out.next = next;
  const ids = list(q, 'match[id]');
  if (ids) {
    const bad = ids.find((i) => !STIX_ID.test(i));
    if (bad) throw badRequest(`match[id] ${bad.slice(0, 80)} is not a STIX id`, { field: 'match[id]' });
    out.ids = ids;
  }
  const types = list(q, 'match[type]');
  if (types) {
    const bad = types.find((t) => !/^[a-z][a-z0-9-]{0,249}$/.test(t));
    if (bad) throw badRequest(`match[type] ${bad.slice(0, 80)} is not a STIX type`, { field: 'match[type]' });
    out.types = types;
  }
  const versions = list(q, 'match[version]');
  if (versions) {
    out.versions = versions.map((v) => {
      if (v === 'first' || v === 'last' || v === 'all') return v;
      const key = timestampKey(v);
      if (!key) throw badRequest(`match[version] ${v.slice(0, 40)} is neither first, last, all nor a timestamp`, { field: 'match[version]' });
      return { key };
    });
  }
  const specs = list(q, 'match[spec_version]');
  if (specs) {
    const bad = specs.find((s) => s !== '2.0' && s !== '2.1');
    if (bad) throw badRequest(`match[spec_version] ${bad.slice(0, 20)} is not 2.0 or 2.1`, { field: 'match[spec_version]' });
    out.specVersions = specs;
  }
  return out;
}
