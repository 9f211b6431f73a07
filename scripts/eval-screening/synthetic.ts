// Generated training pairs for the evidence weights, from the OFAC SDN list (never from the lists the evaluation tests on).
import { CandidateIndex, type ScreeningQuery } from '../../src/core/match/index.js';
import { listedNames, type Listed } from './data.js';
import { rng } from './metrics.js';
import type { Pair } from './model.js';

/**
 * How often a real match's query carries each evidence as the list does, another precision, an error or nothing. These
 * rates are assumptions (recorded with the weights), not measurements.
 */
export const RATES = {
  dobSame: 0.55,
  dobYear: 0.15,
  dobSwapped: 0.05,
  dobNear: 0.05,
  dobWrong: 0.03,
  nationality: 0.7,
  nationalityWrong: 0.05,
  gender: 0.5,
  document: 0.25,
};

const first = (e: Listed, p: string) => e.properties[p]?.[0];

/** A query for a listed entity as a traveller's or customer's record of it would give it. */
function queryFor(e: Listed, name: string, evidenceFrom: Listed, r: () => number, others: Listed[]): ScreeningQuery {
  const q: ScreeningQuery = { name, schema: e.schema };
  const dob = first(evidenceFrom, 'birthDate');
  if (dob) {
    const x = r();
    const y = Number(dob.slice(0, 4));
    const R = RATES;
    if (x < R.dobSame) q.birthDate = dob;
    else if (x < R.dobSame + R.dobYear) q.birthDate = dob.slice(0, 4);
    else if (x < R.dobSame + R.dobYear + R.dobSwapped && /^\d{4}-(\d{2})-(0[1-9]|1[0-2])$/.test(dob))
      q.birthDate = `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}`;
    else if (x < R.dobSame + R.dobYear + R.dobSwapped + R.dobNear) q.birthDate = String(y + (r() < 0.5 ? -1 : 1));
    else if (x < R.dobSame + R.dobYear + R.dobSwapped + R.dobNear + R.dobWrong) q.birthDate = String(y + 3 + Math.floor(r() * 20));
  }
  const nat = first(evidenceFrom, 'nationality') ?? first(evidenceFrom, 'citizenship');
  if (nat && r() < RATES.nationality)
    q.nationality = r() < RATES.nationalityWrong ? (first(others[Math.floor(r() * others.length)]!, 'nationality') ?? nat) : nat;
  const gender = first(evidenceFrom, 'gender');
  if (gender && r() < RATES.gender) q.gender = gender;
  const doc = evidenceFrom.documents?.[0];
  if (doc && r() < RATES.document) q.documents = [doc];
  return q;
}

/**
 * Positives: an entity's own name with its evidence as a query would carry it. Negatives: the same name with another
 * entity's evidence (a namesake), and the query against the other entities the index retrieves for it.
 */
export function syntheticPairs(entities: Listed[], index: CandidateIndex, count: number, seed = 7): Pair[] {
  const r = rng(seed);
  const people = entities.filter((e) => e.schema === 'Person');
  const orgs = entities.filter((e) => e.schema !== 'Person');
  const pairs: Pair[] = [];
  for (let k = 0; k < count; k++) {
    const pool = r() < 0.8 ? people : orgs;
    const e = pool[Math.floor(r() * pool.length)]!;
    const names = listedNames(e);
    if (!names.length) continue;
    const name = names[Math.floor(r() * names.length)]!;
    const own = index.get(e.id);
    if (!own) continue;
    const q = index.prepare(queryFor(e, name, e, r, pool));
    pairs.push({ q, c: own.subject, label: true });
    const other = pool[Math.floor(r() * pool.length)]!;
    if (other.id !== e.id) pairs.push({ q: index.prepare(queryFor(e, name, other, r, pool)), c: own.subject, label: false });
    for (const cand of index.search(q, { limit: 4 })) if (cand.entityId !== e.id) pairs.push({ q, c: cand.subject, label: false });
  }
  return pairs;
}
