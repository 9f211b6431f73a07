// The document check: MRZ validity and expiry, lost and stolen registry, holder screening and the chip, combined into one verdict.
import { randomBytes } from 'node:crypto';
import { parseMrz, type MrzResult } from '../../../core/mrz/index.js';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/audit/types.js';
import { AppError } from '../../../platform/errors.js';
import { screenQuery, validateQuery, type ContractMatch } from '../../screening/index.js';
import type { ChipData, PaResult } from '../pa/types.js';
import { checkLost, type LostCheck } from '../lost/store.js';
import { lost } from '../lost/tables.js';
import { verifyChip } from './chip.js';
import { holderQuery, type HolderQuery } from './holder.js';
import { decide, reason, type Reason, type Verdict } from './verdict.js';

export interface CheckInput {
  /** The MRZ as typed, pasted or scanned: one text with line breaks, or its lines. */
  mrz: string | readonly string[];
  chip?: ChipData | null;
}

export interface HolderMatch extends ContractMatch {
  threshold: number;
}

export interface DocumentCheck {
  /** Id of this check, as recorded in the audit log. */
  id: string;
  verdict: Verdict;
  reasons: Reason[];
  checkedAt: string;
  mrz: MrzResult;
  lost: LostCheck | null;
  holder: { query: HolderQuery | null; matches: HolderMatch[]; listVersions: Record<string, number> } | null;
  chip: PaResult | null;
}

export interface CheckOptions {
  requestId?: string | undefined;
}

const field = (m: MrzResult, name: string) => {
  const f = m.fields[name];
  return f ? { field: name, line: f.line, column: f.column } : {};
};

function mrzReasons(m: MrzResult): Reason[] {
  const out: Reason[] = [];
  if (!m.format || !Object.keys(m.fields).length) {
    const e = m.errors[0];
    out.push(
      reason('mrz-unreadable', `The MRZ could not be read: ${e?.detail ?? 'unknown layout'}. Read it again.`, e ? { line: e.line, column: e.column } : {}),
    );
    return out;
  }
  if (m.valid) out.push(reason('mrz-valid', `A well-formed ${m.format} MRZ: every check digit, date and code is right.`));
  else
    for (const e of m.errors)
      out.push(reason('mrz-invalid', `${e.detail} (line ${e.line}, column ${e.column})`, { field: e.field, line: e.line, column: e.column }));
  for (const s of m.suggestions) out.push(reason('mrz-suggestion', `A corrected reading passes the check digits: ${s.detail}`));
  if (m.specimen)
    out.push(reason('specimen', 'A specimen document (issued by the ICAO specimen state): it is not issued to travellers.', field(m, 'issuingState')));
  if (m.expiry === 'expired')
    out.push(reason('expired', `The document expired on ${m.fields.expiryDate?.value ?? 'an earlier date'}.`, field(m, 'expiryDate')));
  return out;
}

async function lostReasons(ctx: AppContext, m: MrzResult): Promise<{ check: LostCheck | null; reasons: Reason[] }> {
  const number = m.fields.documentNumber?.value;
  const country = m.issuingCountry?.icao;
  if (!number || !country) return { check: null, reasons: [] };
  let check: LostCheck;
  try {
    check = await checkLost(lost(ctx.db.kysely), country, number);
  } catch (e) {
    // An issuing state or number the registry cannot key (unknown code, stray characters) is simply not registered.
    if (e instanceof AppError && e.code === 'validation-failed') return { check: null, reasons: [] };
    throw e;
  }
  if (check.version === null)
    return { check, reasons: [reason('registry-empty', 'The lost and stolen registry holds no version yet: the document was not checked against it.')] };
  const top = check.hits[0];
  if (!top) return { check, reasons: [reason('lost-none', `Not reported lost or stolen (registry version ${check.version}).`)] };
  const ids = check.hits.map((h) => h.id);
  const when = top.reportedOn ? ` on ${top.reportedOn}` : '';
  if (top.match === 'exact') return { check, reasons: [reason('lost-exact', `Reported ${top.status}${when}.`, { ...field(m, 'documentNumber'), ids })] };
  return {
    check,
    reasons: [
      reason('lost-fuzzy', `A document reported ${top.status}${when} has nearly this number (${top.detail}): compare the number on the document.`, {
        ...field(m, 'documentNumber'),
        ids,
      }),
    ],
  };
}

async function holderReasons(ctx: AppContext, m: MrzResult, actor: Actor) {
  const query = holderQuery(m);
  if (!query) return { holder: null, reasons: [reason('holder-not-screened', 'No name could be read from the MRZ: the holder was not screened.')] };
  let valid;
  try {
    valid = validateQuery(query);
  } catch {
    // A field the screening engine rejects (an unknown nationality) is left out rather than leaving the holder unscreened.
    valid = validateQuery({ name: query.name, ...(query.birthDate ? { birthDate: query.birthDate } : {}) });
  }
  const run = await screenQuery(ctx, valid, { actor, audit: false, use: 'border' });
  const matches: HolderMatch[] = run.result.matches.map((c, i) => ({ ...c, threshold: run.matches[i]!.threshold }));
  const holder = { query, matches, listVersions: run.versions };
  if (!Object.keys(run.versions).length)
    return { holder, reasons: [reason('holder-not-screened', 'No watchlist is active: the holder was screened against nothing.')] };
  if (!matches.length)
    return { holder, reasons: [reason('holder-clear', `The holder matches no one on the active lists (${Object.keys(run.versions).join(', ')}).`)] };
  const top = matches[0]!;
  return {
    holder,
    reasons: [
      reason(
        'holder-listed',
        `The holder matches ${top.caption} on ${top.lists.join(', ')} (score ${top.score.toFixed(2)})${matches.length > 1 ? ` and ${matches.length - 1} more` : ''}.`,
        {
          ids: matches.map((x) => x.entityId),
        },
      ),
    ],
  };
}

function chipReasons(pa: PaResult): Reason[] {
  if (pa.status === 'passed') return [reason('chip-passed', `Chip passive authentication passed: ${pa.reason}`)];
  if (pa.status === 'failed') return [reason('chip-failed', `Chip passive authentication failed: ${pa.reason}`)];
  return [reason('chip-inconclusive', `Chip passive authentication could not decide: ${pa.reason}`)];
}

/** Runs every check and records the access in the audit log (ids, codes and counts; no names or numbers). */
export async function checkDocument(ctx: AppContext, input: CheckInput, actor: Actor, opts: CheckOptions = {}): Promise<DocumentCheck> {
  const now = ctx.clock.now();
  const mrz = parseMrz(input.mrz, { today: now });
  const reasons = mrzReasons(mrz);
  const readable = reasons[0]?.code !== 'mrz-unreadable';
  const [lostPart, holderPart, chip] = await Promise.all([
    readable ? lostReasons(ctx, mrz) : Promise.resolve({ check: null, reasons: [] }),
    readable ? holderReasons(ctx, mrz, actor) : Promise.resolve({ holder: null, reasons: [] }),
    input.chip ? verifyChip(ctx, input.chip, readable ? mrz.lines : null, now) : Promise.resolve(null),
  ]);
  reasons.push(...lostPart.reasons, ...holderPart.reasons, ...(chip ? chipReasons(chip) : []));
  const decided = decide(reasons);
  const id = `chk_${randomBytes(9).toString('base64url')}`;
  await ctx.audit.record(ctx.db.kysely, {
    action: 'documents.check',
    actor,
    target: { type: 'document-check', id },
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    details: {
      verdict: decided.verdict,
      reasons: [...new Set(decided.reasons.map((r) => r.code))],
      format: mrz.format,
      mrzValid: mrz.valid,
      registryVersion: lostPart.check?.version ?? null,
      lostMatch: lostPart.check?.match ?? null,
      lostReports: lostPart.check?.hits.map((h) => h.id) ?? [],
      holderMatches: holderPart.holder?.matches.map((h) => h.entityId) ?? [],
      lists: Object.entries(holderPart.holder?.listVersions ?? {}).map(([l, v]) => `${l}:${v}`),
      chip: chip?.status ?? null,
    },
  });
  return { id, verdict: decided.verdict, reasons: decided.reasons, checkedAt: now.toISOString(), mrz, lost: lostPart.check, holder: holderPart.holder, chip };
}
