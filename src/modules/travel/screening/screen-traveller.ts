// Screening one traveller of one flight: watchlists, the lost and stolen registry, document validity; alerts with flight context.
import type { AppContext } from '../../../platform/context.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { AppError } from '../../../platform/errors.js';
import type { Executor } from '../../../platform/db/index.js';
import { currentIndex, screenQuery, validateQuery, type ContractMatch } from '../../screening/index.js';
import { raiseAlert } from '../../alerts/index.js';
import { checkLost, lostTables, type LostHit } from '../../documents/index.js';
import type { Traveller } from '../types.js';
import { evaluateRules, recordRuleHits, type RuleHit, type RuleSet, type TravellerView } from '../rules/index.js';
import { tr, type FlightRow, type TravellerRow } from '../intake/tables.js';
import { documentProblems, type DocumentProblem } from './documents.js';

export interface TravellerScreening {
  travellerId: string;
  flightId: string;
  watchlist: ContractMatch[];
  /** Why the traveller could not be screened against the lists, when not. */
  watchlistSkipped: string | null;
  lostDocuments: LostHit[];
  documents: DocumentProblem[];
  /** Targeting rules this traveller meets. */
  rules: RuleHit[];
  alerts: string[];
  /** `hit` when anything alerted, `attention` for document problems only, else `clear`. */
  outcome: 'hit' | 'attention' | 'clear';
}

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

/** Screens one traveller in the caller's transaction (a flight's travellers are committed, and audited, together). */
export async function screenTraveller(
  ctx: AppContext,
  trx: Executor,
  row: TravellerRow,
  flight: FlightRow,
  opts: ScreenOptions = {},
): Promise<TravellerScreening> {
  const t = JSON.parse(row.data) as Traveller;
  const context = { flightId: flight.id, travellerId: row.id, departureUtc: flight.departure_utc, arrivalUtc: flight.arrival_utc };
  const subject = { source: 'travel', type: 'traveller', id: row.id };
  const alerts: string[] = [];

  let watchlist: ContractMatch[] = [];
  let watchlistSkipped: string | null = null;
  if (!opts.rulesOnly)
    try {
      const held = opts.held ?? (await currentIndex(ctx));
      const q = validateQuery(travellerQuery(t), held.index);
      const run = await screenQuery(ctx, q, {
        actor: SYSTEM_ACTOR,
        use: 'border',
        subject: { ...subject, provenance: context },
        onlyEntities: opts.onlyEntities,
        trx,
        held,
        audit: false,
      });
      watchlist = run.result.matches;
      alerts.push(...run.alerts.created);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      watchlistSkipped = err.detail;
    }

  const lostDocuments: LostHit[] = [];
  if (!opts.watchlistsOnly && !opts.rulesOnly) {
    for (const d of t.documents) {
      if (!d.number || !d.issuingCountry || d.kind === 'visa') continue;
      const check = await checkLost(lostTables(trx), d.issuingCountry, d.number).catch((err: unknown) => {
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
  await store(ctx, trx, result, opts);
  return result;
}

async function store(ctx: AppContext, trx: Executor, r: TravellerScreening, opts: ScreenOptions) {
  const t = tr(trx);
  const now = ctx.clock.now().toISOString();
  const prior = await t.selectFrom('travel_screenings').select(['result', 'alerts']).where('traveller_id', '=', r.travellerId).executeTakeFirst();
  // A re-screening against changed list entities adds to what the full screening found.
  const merged: TravellerScreening =
    prior && (opts.watchlistsOnly || opts.rulesOnly) ? mergeResults(JSON.parse(prior.result) as TravellerScreening, r, opts) : r;
  const values = { flight_id: r.flightId, screened_at: now, outcome: merged.outcome, alerts: merged.alerts.length, result: JSON.stringify(merged) };
  if (prior) await t.updateTable('travel_screenings').set(values).where('traveller_id', '=', r.travellerId).execute();
  else
    await t
      .insertInto('travel_screenings')
      .values({ traveller_id: r.travellerId, ...values })
      .execute();
}

function mergeResults(old: TravellerScreening, next: TravellerScreening, opts: ScreenOptions): TravellerScreening {
  const watchlist = [...old.watchlist.filter((m) => !next.watchlist.some((n) => n.entityId === m.entityId)), ...next.watchlist];
  const rules = opts.rulesOnly ? next.rules : (old.rules ?? []);
  const merged = { ...old, watchlist, rules, alerts: [...new Set([...old.alerts, ...next.alerts])] };
  return { ...merged, outcome: watchlist.length || merged.lostDocuments.length || rules.length ? 'hit' : merged.documents.length ? 'attention' : 'clear' };
}
