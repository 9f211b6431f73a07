// Reads of the lost and stolen registry: versions, the active one, and the one-index-lookup check by country and number.
import { createHash } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import { AppError, invalid, notFound } from '../../../platform/errors.js';
import { issuingCountry, type IssuingCountry } from './countries.js';
import { cleanNumber, describeDifferences, differences, skeleton, type Difference } from './numbers.js';
import { STATE_ID, type LostDocumentRow, type LostExecutor, type Tables } from './tables.js';

export interface LostVersion {
  version: number;
  active: boolean;
  importedAt: string;
  sha256: string;
  file: string;
  format: string;
  mode: 'replace' | 'add';
  total: number;
  counts: Record<string, number>;
  changes: { added: number; changed: number; removed: number; unchanged: number; duplicates: number };
  importedBy: string | null;
}

export interface RegistrySummary {
  activeVersion: number | null;
  versions: LostVersion[];
}

export interface RegisteredDocument {
  /** Stable id derived from country, type and number (a hash: the number itself never appears in ids or audit rows). */
  id: string;
  issuingCountry: { icao: string; alpha2: string | null };
  documentType: string | null;
  documentNumber: string;
  status: string;
  reportedOn: string | null;
}

export interface LostHit extends RegisteredDocument {
  match: 'exact' | 'fuzzy';
  differences: Difference[];
  /** What differed, for people; empty for an exact hit. */
  detail: string;
}

export interface LostCheck {
  /** `exact` when a report holds the number as read, `fuzzy` when only its OCR-tolerant skeleton matches, else `none`. */
  match: 'exact' | 'fuzzy' | 'none';
  version: number | null;
  country: { icao: string; alpha2: string | null } | null;
  hits: LostHit[];
}

/** The stable id of a report: the same document keeps it across versions. */
export function reportId(countryKey: string, type: string | null, number: string): string {
  return `lost-${createHash('sha256')
    .update(`${countryKey}|${type ?? ''}|${number}`)
    .digest('hex')
    .slice(0, 20)}`;
}

/** Rows valid in version `v`. */
export const validIn = (v: number) => (eb: ExpressionBuilder<Tables, 'lost_documents'>) =>
  eb.and([eb('first_version', '<=', v), eb.or([eb('last_version', 'is', null), eb('last_version', '>=', v)])]);

export const toRegistered = (r: LostDocumentRow): RegisteredDocument => ({
  id: r.id,
  issuingCountry: { icao: r.icao, alpha2: r.alpha2 },
  documentType: r.document_type,
  documentNumber: r.document_number,
  status: r.status,
  reportedOn: r.reported_on,
});

export async function activeVersion(exec: LostExecutor): Promise<number | null> {
  const row = await exec.selectFrom('lost_state').select('active_version').where('id', '=', STATE_ID).executeTakeFirst();
  return row?.active_version ?? null;
}

export async function registrySummary(exec: LostExecutor): Promise<RegistrySummary> {
  const active = await activeVersion(exec);
  const rows = await exec.selectFrom('lost_versions').selectAll().orderBy('version', 'desc').execute();
  return {
    activeVersion: active,
    versions: rows.map((v) => ({
      version: v.version,
      active: v.version === active,
      importedAt: v.imported_at,
      sha256: v.sha256,
      file: v.file,
      format: v.format,
      mode: v.mode === 'add' ? 'add' : 'replace',
      total: v.total,
      counts: JSON.parse(v.counts) as Record<string, number>,
      changes: JSON.parse(v.changes) as LostVersion['changes'],
      importedBy: v.imported_by,
    })),
  };
}

/** A version given as a number or `active` (default). */
export async function resolveVersion(exec: LostExecutor, given?: string | number): Promise<number> {
  if (given === undefined || given === 'active') {
    const v = await activeVersion(exec);
    if (v === null) throw new AppError('not-found', 'the lost and stolen registry has no version yet: import reports first');
    return v;
  }
  const n = typeof given === 'number' ? given : /^\d{1,9}$/.test(given) ? Number(given) : NaN;
  if (!Number.isInteger(n)) throw invalid('version', `"${String(given).slice(0, 40)}" is not a version number or "active"`);
  const found = await exec.selectFrom('lost_versions').select('version').where('version', '=', n).executeTakeFirst();
  if (!found) throw notFound('version', `${n} of the lost and stolen registry`);
  return n;
}

/** Validates what a check is given; throws validation-failed naming the field. */
export function checkInput(country: string, number: string): { country: IssuingCountry; number: string } {
  const c = issuingCountry(country);
  if (!c) throw invalid('country', `"${String(country).slice(0, 40)}" is not a known country or ICAO 9303 code`);
  const n = cleanNumber(number);
  if (!n) throw invalid('number', `"${String(number).slice(0, 40)}" is not a document number (letters A-Z and digits)`);
  return { country: c, number: n };
}

/** A document's registry key, `country|skeleton`; null when its country or number cannot be read. */
export function lostKey(country: string, number: string): string | null {
  try {
    const input = checkInput(country, number);
    return `${input.country.key}|${skeleton(input.number)}`;
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/** Of the given registry keys (see `lostKey`), those the version holds reports under: one indexed read per 500 skeletons. */
export async function registeredKeys(exec: LostExecutor, keys: Iterable<string>, version: number): Promise<Set<string>> {
  const skeletons = [...new Set([...keys].map((k) => k.slice(k.indexOf('|') + 1)))];
  const found = new Set<string>();
  for (let i = 0; i < skeletons.length; i += 500) {
    const rows = await exec
      .selectFrom('lost_documents')
      .select(['country', 'skeleton'])
      .where('skeleton', 'in', skeletons.slice(i, i + 500))
      .where(validIn(version))
      .execute();
    for (const r of rows) found.add(`${r.country}|${r.skeleton}`);
  }
  return found;
}

/**
 * Checks a document against a registry version (default: the active one): one lookup of the skeleton index.
 * With no version imported yet the answer is `none` with version null.
 */
export async function checkLost(exec: LostExecutor, country: string, number: string, version?: number): Promise<LostCheck> {
  const input = checkInput(country, number);
  const v = version ?? (await activeVersion(exec));
  const countryOut = { icao: input.country.icao, alpha2: input.country.alpha2 };
  if (v === null) return { match: 'none', version: null, country: countryOut, hits: [] };
  const rows = await exec
    .selectFrom('lost_documents')
    .selectAll()
    .where('skeleton', '=', skeleton(input.number))
    .where('country', '=', input.country.key)
    .where(validIn(v))
    .limit(50)
    .execute();
  const hits: LostHit[] = rows
    .map((r): LostHit => {
      const exact = r.document_number === input.number;
      const diffs = exact ? [] : differences(r.document_number, input.number, number);
      return { ...toRegistered(r), match: exact ? 'exact' : 'fuzzy', differences: diffs, detail: describeDifferences(diffs) };
    })
    .sort((a, b) => (a.match === b.match ? a.differences.length - b.differences.length : a.match === 'exact' ? -1 : 1));
  return { match: hits[0]?.match ?? 'none', version: v, country: countryOut, hits };
}
