// Browsing the registry: reports of a version by number (exact and OCR-tolerant, through the skeleton index), country and status.
import { invalid } from '../../../platform/errors.js';
import { issuingCountry } from './countries.js';
import { cleanNumber, describeDifferences, differences, skeleton } from './numbers.js';
import { STATUSES } from './parse.js';
import { activeVersion, resolveVersion, toRegistered, validIn, type LostHit, type RegisteredDocument } from './store.js';
import type { LostExecutor } from './tables.js';

export interface ReportsQuery {
  number?: string | undefined;
  country?: string | undefined;
  status?: string | undefined;
  version?: string | undefined;
  limit: number;
  offset: number;
}

export interface ReportsPage {
  version: number | null;
  total: number;
  items: Array<RegisteredDocument & Partial<Pick<LostHit, 'match' | 'differences' | 'detail'>>>;
}

export async function searchReports(exec: LostExecutor, q: ReportsQuery): Promise<ReportsPage> {
  const version = q.version === undefined && (await activeVersion(exec)) === null ? null : await resolveVersion(exec, q.version);
  if (version === null) return { version: null, total: 0, items: [] };
  const country = q.country ? issuingCountry(q.country) : undefined;
  if (q.country && !country) throw invalid('country', `"${q.country.slice(0, 40)}" is not a known country or ICAO 9303 code`);
  const number = q.number?.trim() ? cleanNumber(q.number) : undefined;
  if (number === null) throw invalid('number', `"${q.number!.slice(0, 40)}" is not a document number (letters A-Z and digits)`);
  if (q.status && !(STATUSES as readonly string[]).includes(q.status)) throw invalid('status', `must be one of ${STATUSES.join(', ')}`);
  let base = exec.selectFrom('lost_documents').where(validIn(version));
  if (number) base = base.where('skeleton', '=', skeleton(number));
  if (country) base = base.where('country', '=', country.key);
  if (q.status) base = base.where('status', '=', q.status);
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await base.selectAll().orderBy('country').orderBy('document_number').limit(q.limit).offset(q.offset).execute();
  return {
    version,
    total: Number(counted?.n ?? 0),
    items: rows.map((r) => {
      if (!number) return toRegistered(r);
      const exact = r.document_number === number;
      const diffs = exact ? [] : differences(r.document_number, number);
      return { ...toRegistered(r), match: exact ? ('exact' as const) : ('fuzzy' as const), differences: diffs, detail: describeDifferences(diffs) };
    }),
  };
}
