// Screening one traveller of one flight: watchlists, the lost and stolen registry, document validity; alerts with flight context.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { AppError } from '../../../platform/errors.js';
import type { Executor } from '../../../platform/db/index.js';
import { Kind, type Subject } from '../../../core/match/index.js';
import { currentIndex, screenQuery, validateQuery, type ContractMatch, type ValidQuery } from '../../screening/index.js';
import { raiseAlert } from '../../alerts/index.js';
import { activeLostVersion, checkLost, lostKey, LostHitSchema, lostTables, registeredKeys, type LostHit } from '../../documents/index.js';
import type { Traveller } from '../types.js';
import { evaluateRules, recordRuleHits, type RuleHit, type RuleSet, type TravellerView } from '../rules/index.js';
import { tr, type FlightRow, type TravellerRow } from '../intake/tables.js';
import { DocumentProblem, documentProblems } from './documents.js';
import { same } from '../schemas.js';

const WatchlistMatch = z.object({
  entityId: z.string(),
  caption: z.string(),
  schema: z.string(),
  lists: z.array(z.string()),
  score: z.number(),
  explanation: z.array(z.object({ feature: z.string(), score: z.number(), detail: z.string() })),
});
const RuleMatch = z.object({ ruleId: z.string(), version: z.number(), name: z.string(), detail: z.string(), lists: z.record(z.string(), z.number()) });
same<z.infer<typeof WatchlistMatch>, ContractMatch>(true);
same<z.infer<typeof RuleMatch>, RuleHit>(true);
same<z.infer<typeof LostHitSchema>, LostHit>(true);

/** The latest screening of one traveller, as stored (JSON) and as GET /api/travel/travellers/:id/screening answers it. */
export const TravellerScreening = z.object({
  travellerId: z.string(),
  flightId: z.string(),
  watchlist: z.array(WatchlistMatch),
  /** Why the traveller could not be screened against the lists, when not. */
  watchlistSkipped: z.string().nullable(),
  lostDocuments: z.array(LostHitSchema),
  documents: z.array(DocumentProblem),
  /** Targeting rules this traveller meets. */
  rules: z.array(RuleMatch),
  alerts: z.array(z.string()),
  /** `hit` when anything alerted, `attention` for document problems only, else `clear`. */
  outcome: z.enum(['hit', 'attention', 'clear']),
});
export type TravellerScreening = z.infer<typeof TravellerScreening>;

const GENDER: Record<string, string> = { M: 'male', F: 'female', X: 'other' };

/** The traveller as a screening query (contract of POST /api/screen). */
export function travellerQuery(t: Traveller): Record<string, unknown> {
  const docs = t.documents.filter((d) => d.number && d.kind !== 'visa');
  return {
    name: [t.givenNames, t.surname].filter(Boolean).join(' '),
    ...(t.birthDate ? { birthDate: t.birthDate } : {}),
    ...(t.nationality ? { nationality: t.nationality } : {}),
    ...(t.sex && GENDER[t.sex] ? { gender: GENDER[t.sex] } : {}),
    ...(docs.length
      ? {
          documents: docs.map((d) => ({
            type: d.kind === 'passport' ? 'passport' : 'idCard',
            number: d.number!,
            ...(d.issuingCountry ? { country: d.issuingCountry } : {}),
          })),
        }
      : {}),
  };
}

/**
 * The traveller's query, validated and prepared once against the index `screen()` will use (validating against the index
 * would prepare it a second time). A name with no words to match throws validation's own error.
 */
export function preparedQuery(input: Record<string, unknown>, index: Awaited<ReturnType<typeof currentIndex>>['index']): { q: ValidQuery; prepared: Subject } {
  const q = validateQuery(input);
  const prepared = index.prepare(q);
  if (!prepared.names.length || prepared.names.every((f) => f.tokens.every((tk) => tk.kind === Kind.Particle))) validateQuery(input, index);
  return { q, prepared };
}

const subjectFacts = (t: Traveller): Record<string, string[]> => ({
  name: [[t.givenNames, t.surname].filter(Boolean).join(' ')],
  ...(t.birthDate ? { birthDate: [t.birthDate] } : {}),
  ...(t.nationality ? { nationality: [t.nationality] } : {}),
  documents: t.documents.filter((d) => d.number).map((d) => [d.kind, d.number, d.issuingCountry].filter(Boolean).join(' ')),
});

export interface ScreenOptions {
  /** Only these watchlist entities count (re-screening after a list version changed them). */
  onlyEntities?: ReadonlySet<string>;
  /** Skip the registry (re-screening after a list change). */
  watchlistsOnly?: boolean;
  /** The screening index, taken before the transaction opened. */
  held?: Awaited<ReturnType<typeof currentIndex>>;
  /** The enabled rules and this traveller's view, loaded before the transaction opened; no rules without them. */
  rules?: { set: RuleSet; view: TravellerView | undefined };
  /** Only the rules (re-screening after a rule changed). */
  rulesOnly?: boolean;
}

/** What one traveller's screening needs from its flight, looked up once per flight. */
interface FlightLookups {
  held: Awaited<ReturnType<typeof currentIndex>>;
  /** Active version of the lost and stolen registry (null: none imported, or not checked on this run). */
  lostVersion: number | null;
  /** `country|skeleton` of the flight's documents the registry holds something under: only these are looked up one by one. */
  lostKeys: ReadonlySet<string>;
}

const screenedDocuments = (t: Traveller) => t.documents.filter((d) => d.number && d.issuingCountry && d.kind !== 'visa');

/** One read of the registry for all the flight's documents: which `country|skeleton` keys it has rows for in the version. */
async function lostKeysOf(trx: Executor, travellers: readonly Traveller[], version: number): Promise<Set<string>> {
  const wanted = new Set<string>();
  for (const t of travellers)
    for (const d of screenedDocuments(t)) {
      const k = lostKey(d.issuingCountry!, d.number!);
      if (k) wanted.add(k);
    }
  return registeredKeys(lostTables(trx), wanted, version);
}

/**
 * Screens travellers of one flight in the caller's transaction (a flight's travellers are committed, and audited,
 * together): the index, the registry version and the registry's candidate documents are looked up once for the flight,
 * each traveller's query is prepared once, and the results are stored in a few multi-row statements.
 */
export async function screenTravellers(
  ctx: AppContext,
  trx: Executor,
  rows: readonly TravellerRow[],
  flight: FlightRow,
  opts: ScreenOptions & { rulesFor?: (row: TravellerRow) => ScreenOptions['rules'] } = {},
): Promise<TravellerScreening[]> {
  const travellers = rows.map((r) => JSON.parse(r.data) as Traveller);
  const registry = !opts.watchlistsOnly && !opts.rulesOnly;
  const lostVersion = registry ? await activeLostVersion(lostTables(trx)) : null;
  const lookups: FlightLookups = {
    held: opts.held ?? (await currentIndex(ctx)),
    lostVersion,
    lostKeys: lostVersion === null ? new Set() : await lostKeysOf(trx, travellers, lostVersion),
  };
  const results: TravellerScreening[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const rules = opts.rulesFor ? opts.rulesFor(row) : opts.rules;
    results.push(await screenOne(ctx, trx, row, travellers[i]!, flight, { ...opts, ...(rules ? { rules } : {}) }, lookups));
  }
  await storeAll(ctx, trx, results, opts);
  return results;
}

/** Screens one traveller in the caller's transaction; stored with the flight's others. */
async function screenOne(
  ctx: AppContext,
  trx: Executor,
  row: TravellerRow,
  t: Traveller,
  flight: FlightRow,
  opts: ScreenOptions,
  lookups: FlightLookups,
): Promise<TravellerScreening> {
  const context = { flightId: flight.id, travellerId: row.id, departureUtc: flight.departure_utc, arrivalUtc: flight.arrival_utc };
  const subject = { source: 'travel', type: 'traveller', id: row.id };
  const alerts: string[] = [];

  let watchlist: ContractMatch[] = [];
  let watchlistSkipped: string | null = null;
  if (!opts.rulesOnly)
    try {
      const { held } = lookups;
      const { q, prepared } = preparedQuery(travellerQuery(t), held.index);
      const run = await screenQuery(ctx, q, {
        actor: SYSTEM_ACTOR,
        use: 'border',
        subject: { ...subject, provenance: context },
        onlyEntities: opts.onlyEntities,
        trx,
        held,
        prepared,
        audit: false,
      });
      watchlist = run.result.matches;
      alerts.push(...run.alerts.created);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      watchlistSkipped = err.detail;
    }

  const lostDocuments: LostHit[] = [];
  if (!opts.watchlistsOnly && !opts.rulesOnly && lookups.lostVersion !== null) {
    for (const d of screenedDocuments(t)) {
      const key = lostKey(d.issuingCountry!, d.number!);
      if (key && !lookups.lostKeys.has(key)) continue; // nothing registered under its country and skeleton
      const check = await checkLost(lostTables(trx), d.issuingCountry!, d.number!, lookups.lostVersion).catch((err: unknown) => {
        if (err instanceof AppError) return null; // a number or country the registry cannot read: shown as a document problem
        throw err;
      });
      if (!check || check.match === 'none') continue;
      for (const hit of check.hits) {
        lostDocuments.push(hit);
        {
          const raised = await raiseAlert(ctx, trx, {
            ...{ source: subject.source, subjectType: subject.type, subjectId: subject.id },
            subject: subjectFacts(t),
            entityId: hit.id,
            entity: {
              documentNumber: [hit.documentNumber],
              issuingCountry: [hit.issuingCountry.icao],
              status: [hit.status],
              ...(hit.reportedOn ? { reportedOn: [hit.reportedOn] } : {}),
            },
            entitySchema: 'Passport',
            entityCaption: `${hit.issuingCountry.icao} ${hit.documentType ?? 'document'} ${hit.documentNumber} reported ${hit.status}`,
            lists: ['lost-and-stolen'],
            score: hit.match === 'exact' ? 1 : 0.85,
            explanation: [
              {
                feature: `lost-document-${hit.match}`,
                score: hit.match === 'exact' ? 1 : 0.85,
                detail: hit.match === 'exact' ? 'the number as reported' : hit.detail,
              },
            ],
            provenance: { ...context, registryVersion: check.version, match: hit.match },
          });
          if (raised.status === 'created') alerts.push(raised.id);
        }
      }
    }
  }

  const rules = opts.rules?.view && !opts.watchlistsOnly ? evaluateRules(opts.rules.set, opts.rules.view) : [];
  for (const hit of rules) {
    const raised = await raiseAlert(ctx, trx, {
      ...{ source: subject.source, subjectType: subject.type, subjectId: subject.id },
      subject: subjectFacts(t),
      entityId: `rule-${hit.ruleId}`,
      entity: { rule: [hit.name], version: [String(hit.version)] },
      entitySchema: 'Thing',
      entityCaption: `Targeting rule ${hit.name} (version ${hit.version})`,
      lists: ['rules'],
      score: 1,
      explanation: [{ feature: 'rule', score: 1, detail: hit.detail }],
      provenance: { ...context, rule: { id: hit.ruleId, version: hit.version }, lists: hit.lists },
    });
    if (raised.status === 'created') alerts.push(raised.id);
  }
  await recordRuleHits(trx, rules, { travellerId: row.id, flightId: flight.id, at: ctx.clock.now().toISOString() });

  const documents = opts.watchlistsOnly || opts.rulesOnly ? [] : documentProblems(t.documents, flight.departure_local ?? flight.flight_date);
  const outcome = watchlist.length || lostDocuments.length || rules.length ? 'hit' : documents.length ? 'attention' : 'clear';
  const result: TravellerScreening = {
    travellerId: row.id,
    flightId: flight.id,
    watchlist,
    watchlistSkipped,
    lostDocuments,
    documents,
    rules,
    alerts,
    outcome,
  };
  return result;
}

/** Rows per multi-row statement (6 values each: well under every engine's parameter limit). */
const CHUNK = 200;

/** The latest screening of each traveller, replacing the one before (a re-screening merges into it). */
async function storeAll(ctx: AppContext, trx: Executor, results: readonly TravellerScreening[], opts: ScreenOptions) {
  const t = tr(trx);
  const now = ctx.clock.now().toISOString();
  // A re-screening against changed list entities (or rules) adds to what the full screening found.
  const priors = new Map<string, string>();
  if (opts.watchlistsOnly || opts.rulesOnly)
    for (let i = 0; i < results.length; i += CHUNK) {
      const ids = results.slice(i, i + CHUNK).map((r) => r.travellerId);
      for (const p of await t.selectFrom('travel_screenings').select(['traveller_id', 'result']).where('traveller_id', 'in', ids).execute())
        priors.set(p.traveller_id, p.result);
    }
  const values = results.map((r) => {
    const prior = priors.get(r.travellerId);
    const merged = prior ? mergeResults(JSON.parse(prior) as TravellerScreening, r, opts) : r;
    return {
      traveller_id: r.travellerId,
      flight_id: r.flightId,
      screened_at: now,
      outcome: merged.outcome,
      alerts: merged.alerts.length,
      result: JSON.stringify(merged),
    };
  });
  for (let i = 0; i < values.length; i += CHUNK)
    await t
      .insertInto('travel_screenings')
      .values(values.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.column('traveller_id').doUpdateSet((eb) => ({
          flight_id: eb.ref('excluded.flight_id'),
          screened_at: eb.ref('excluded.screened_at'),
          outcome: eb.ref('excluded.outcome'),
          alerts: eb.ref('excluded.alerts'),
          result: eb.ref('excluded.result'),
        })),
      )
      .execute();
}

function mergeResults(old: TravellerScreening, next: TravellerScreening, opts: ScreenOptions): TravellerScreening {
  const watchlist = [...old.watchlist.filter((m) => !next.watchlist.some((n) => n.entityId === m.entityId)), ...next.watchlist];
  const rules = opts.rulesOnly ? next.rules : (old.rules ?? []);
  const merged = { ...old, watchlist, rules, alerts: [...new Set([...old.alerts, ...next.alerts])] };
  return { ...merged, outcome: watchlist.length || merged.lostDocuments.length || rules.length ? 'hit' : merged.documents.length ? 'attention' : 'clear' };
}
