// Where lists are fetched from: configured sources, and the official publishers' files used when no URL is given.
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/audit/types.js';
import { invalid } from '../../platform/errors.js';
import { IMPORT_FORMATS, type ImportFormat } from './importers/types.js';
import { assertListName } from './store.js';
import { wl, type SourceRow, type WlExecutor } from './tables.js';

export interface BuiltinSource {
  title: string;
  format: ImportFormat;
  urls: string[];
}

const OFAC_SLS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

/** The official publishers' current files, for `vigil lists source set un|ofac|eu|uk` without --url. */
export const BUILTIN_SOURCES: Readonly<Record<string, BuiltinSource>> = {
  un: { title: 'UN Security Council Consolidated List', format: 'un', urls: ['https://scsanctions.un.org/resources/xml/en/consolidated.xml'] },
  ofac: {
    title: 'OFAC Specially Designated Nationals (SDN) List',
    format: 'ofac-csv',
    urls: ['SDN.CSV', 'ALT.CSV', 'ADD.CSV', 'SDN_COMMENTS.CSV'].map((f) => `${OFAC_SLS}/${f}`),
  },
  eu: {
    title: 'EU Financial Sanctions Consolidated List',
    format: 'eu',
    urls: ['https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw'],
  },
  uk: { title: 'UK Sanctions List (FCDO)', format: 'uk', urls: ['https://docs.fcdo.gov.uk/docs/UK-Sanctions-List.xml'] },
};

export interface SourceInfo {
  list: string;
  urls: string[];
  format: string;
  everyHours: number | null;
  lastCheckedAt: string | null;
  lastStatus: string | null;
  lastChangedAt: string | null;
  lastError: string | null;
}

export const sourceInfo = (r: SourceRow): SourceInfo => ({
  list: r.list,
  urls: JSON.parse(r.urls) as string[],
  format: r.format,
  everyHours: r.every_hours,
  lastCheckedAt: r.last_checked_at,
  lastStatus: r.last_status,
  lastChangedAt: r.last_changed_at,
  lastError: r.last_error,
});

export async function listSources(exec: WlExecutor, list?: string): Promise<SourceInfo[]> {
  let q = exec.selectFrom('watchlist_sources').selectAll().orderBy('list');
  if (list !== undefined) q = q.where('list', '=', list);
  return (await q.execute()).map(sourceInfo);
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('url', `"${url.slice(0, 100)}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid('url', `${parsed.protocol} URLs are not fetched; use http or https`);
  if (parsed.username || parsed.password) throw invalid('url', 'URLs with credentials are not stored');
  return parsed.toString();
}

export interface SourceInput {
  list: string;
  urls?: readonly string[] | undefined;
  format?: string | undefined;
  everyHours?: number | null | undefined;
}

/** Creates or replaces the source of a list (audited); without URLs, the built-in source of that name. */
export async function setSource(ctx: AppContext, input: SourceInput, by: { actor: Actor; requestId?: string | undefined }): Promise<SourceInfo> {
  assertListName(input.list);
  const builtin = BUILTIN_SOURCES[input.list];
  const urls = input.urls?.length ? input.urls.map(checkUrl) : builtin?.urls;
  if (!urls) throw invalid('url', `give --url: there is no built-in source named ${input.list} (built-in: ${Object.keys(BUILTIN_SOURCES).join(', ')})`);
  if (urls.length > 20) throw invalid('url', 'at most 20 URLs per source');
  const format = input.format ?? builtin?.format;
  if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format)) throw invalid('format', `give one of ${IMPORT_FORMATS.join(', ')}`);
  const everyHours = input.everyHours ?? null;
  if (everyHours !== null && (!Number.isInteger(everyHours) || everyHours < 1 || everyHours > 24 * 366))
    throw invalid('everyHours', 'must be a whole number of hours from 1 to 8784');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (trx) => {
    const t = wl(trx);
    const values = { urls: JSON.stringify(urls), format, every_hours: everyHours, validators: '{}', updated_at: now };
    await t
      .insertInto('watchlist_sources')
      .values({ list: input.list, ...values, last_checked_at: null, last_status: null, last_changed_at: null, last_error: null, created_at: now })
      .onConflict((oc) => oc.column('list').doUpdateSet(values))
      .execute();
    await ctx.audit.record(trx, {
      action: 'watchlist.source-set',
      actor: by.actor,
      target: { type: 'watchlist', id: input.list },
      ...(by.requestId ? { requestId: by.requestId } : {}),
      details: { list: input.list, format, everyHours, urls: urls.map((u) => u.slice(0, 200)), builtin: !input.urls?.length },
    });
  });
  return (await listSources(wl(ctx.db.kysely), input.list))[0]!;
}
