// Evidence beyond the name: birth date, nationality, gender and documents, each for or against, never counted when missing.
import { FEATURE_INDEX as F } from './feature-list.js';

/** An identity or registration document: type (passport, id, tax, registration, imo …), number, issuing country. */
export interface DocumentRef {
  type?: string;
  number: string;
  country?: string;
}

/** Evidence normalised for comparison. */
export interface Evidence {
  /** ISO 8601 dates with their precision (`1965`, `1965-04`, `1965-04-29`). */
  birthDates: readonly string[];
  /** FtM country codes of nationality and citizenship. */
  countries: readonly string[];
  gender: 'male' | 'female' | null;
  documents: readonly { type: string | null; number: string; country: string | null }[];
}

export type DateRelation = 'exact' | 'partial' | 'swapped' | 'near' | 'conflict';
const DATE_RANK: Record<DateRelation, number> = { exact: 5, partial: 4, swapped: 3, near: 2, conflict: 1 };

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function ymd(s: string): Ymd | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  return m ? { y: Number(m[1]), m: Number(m[2] ?? 0), d: Number(m[3] ?? 0) } : null;
}

function relate(a: Ymd, b: Ymd): DateRelation {
  if (a.y === b.y) {
    if (a.m && b.m && a.d && b.d) {
      if (a.m === b.m && a.d === b.d) return 'exact';
      if (a.m === b.d && a.d === b.m) return 'swapped';
      return Math.abs(a.m - b.m) <= 1 ? 'near' : 'conflict';
    }
    if (a.m && b.m && a.m !== b.m) return a.m === b.d || a.d === b.m ? 'swapped' : 'near';
    return 'partial';
  }
  return Math.abs(a.y - b.y) <= 1 ? 'near' : 'conflict';
}

/** The closest relation between any birth date of one side and any of the other; null when either side has none. */
export function compareBirthDates(qs: readonly string[], cs: readonly string[]): { relation: DateRelation; q: string; c: string } | null {
  // FtM holds a range of years (between 1960 and 1965) as one value per year, so a year inside it is found equal.
  let best: { relation: DateRelation; q: string; c: string } | null = null;
  for (const q of qs) {
    const a = ymd(q);
    if (!a) continue;
    for (const c of cs) {
      const b = ymd(c);
      if (!b) continue;
      const rel = relate(a, b);
      if (!best || DATE_RANK[rel] > DATE_RANK[best.relation]) best = { relation: rel, q, c };
    }
  }
  return best;
}

/** Fills the evidence features of `v` and returns one line per evidence for the explanation. */
export function compareEvidence(q: Evidence, c: Evidence, v: Float64Array): Array<{ feature: string; detail: string }> {
  const notes: Array<{ feature: string; detail: string }> = [];
  weighEvidence(q, c, v, notes);
  return notes;
}

/** Fills the evidence features of `v` only (what compareEvidence does without the lines of the explanation). */
export function evidenceValues(q: Evidence, c: Evidence, v: Float64Array): void {
  // Nothing to compare costs nothing: most screening queries carry a name only.
  if (
    (!q.birthDates.length || !c.birthDates.length) &&
    (!q.countries.length || !c.countries.length) &&
    (!q.gender || !c.gender) &&
    (!q.documents.length || !c.documents.length)
  )
    return;
  weighEvidence(q, c, v, undefined);
}

const DATE_FEATURE = {
  exact: 'birthDateExact',
  partial: 'birthDatePartial',
  swapped: 'birthDateSwapped',
  near: 'birthDateNear',
  conflict: 'birthDateConflict',
} as const;
const DATE_WORDS = { exact: 'equals', partial: 'agrees with', swapped: 'has day and month swapped against', near: 'is close to', conflict: 'differs from' };

function weighEvidence(q: Evidence, c: Evidence, v: Float64Array, notes: Array<{ feature: string; detail: string }> | undefined): void {
  const dates = q.birthDates.length && c.birthDates.length ? compareBirthDates(q.birthDates, c.birthDates) : null;
  if (dates) {
    const feature = DATE_FEATURE[dates.relation];
    v[F[feature]] = 1;
    notes?.push({ feature, detail: `birth date ${dates.q} ${DATE_WORDS[dates.relation]} ${dates.c}` });
  } else notes?.push({ feature: 'birthDate', detail: cannot('birth date', q.birthDates.length, c.birthDates.length) });

  if (q.countries.length && c.countries.length) {
    const shared = q.countries.find((x) => c.countries.includes(x));
    const feature = shared ? 'nationalityMatch' : 'nationalityConflict';
    v[F[feature]] = 1;
    notes?.push({ feature, detail: shared ? `nationality ${shared} on both` : `nationality ${q.countries.join(', ')} differs from ${c.countries.join(', ')}` });
  } else notes?.push({ feature: 'nationality', detail: cannot('nationality', q.countries.length, c.countries.length) });

  if (q.gender && c.gender) {
    const feature = q.gender === c.gender ? 'genderMatch' : 'genderConflict';
    v[F[feature]] = 1;
    notes?.push({ feature, detail: q.gender === c.gender ? `gender ${q.gender} on both` : `gender ${q.gender} differs from ${c.gender}` });
  } else notes?.push({ feature: 'gender', detail: cannot('gender', q.gender ? 1 : 0, c.gender ? 1 : 0) });

  if (q.documents.length && c.documents.length) {
    const same = q.documents.find((a) => c.documents.some((b) => b.number === a.number));
    const clash = q.documents.find((a) =>
      c.documents.some((b) => a.type && a.type === b.type && a.country && a.country === b.country && a.number !== b.number),
    );
    if (same) {
      v[F.documentMatch] = 1;
      notes?.push({ feature: 'documentMatch', detail: `document number ${same.number} on both` });
    } else if (clash) {
      v[F.documentConflict] = 1;
      notes?.push({ feature: 'documentConflict', detail: `${clash.type} of ${clash.country} ${clash.number} differs from the candidate's` });
    } else notes?.push({ feature: 'document', detail: 'documents: no number in common and none of the same type and country to compare' });
  } else notes?.push({ feature: 'document', detail: cannot('documents', q.documents.length, c.documents.length) });
}

function cannot(what: string, q: number, c: number): string {
  const side = !q && !c ? 'either side' : !q ? 'the query' : 'the candidate';
  return `${what}: cannot compare (missing on ${side}), counted neither for nor against`;
}
