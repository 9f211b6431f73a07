// Retention hooks for modules whose subjects alerts name: masking the subject side and decision notes when the owner
// depersonalises its subjects (e.g. travellers after 6 months), deleting the alerts when it deletes them (after 5 years).
import type { Executor } from '../../platform/db/index.js';
import type { Facts } from './raise.js';
import { al } from './tables.js';

/** Subject ids per statement: well below the bound-parameter limits of SQLite and PostgreSQL. */
const CHUNK = 500;

/** The subject's facts with every value replaced by `mask` (the property names stay, so review still shows what was compared). */
export function maskFacts(facts: Facts, mask: string): Facts {
  return Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v.length ? [mask] : []]));
}

/**
 * Masks, in the caller's transaction, the subject of every alert of `source` about these subjects: the subject's facts
 * and the explanation's details (which quote the subject's name, birth date and documents). Ids, scores, status, the
 * entity side, provenance and decisions stay, so the review and its statistics remain. Returns how many alerts changed.
 */
export async function maskSubjects(exec: Executor, source: string, subjectType: string, subjectIds: readonly string[], mask: string): Promise<number> {
  const db = al(exec);
  let changed = 0;
  for (let i = 0; i < subjectIds.length; i += CHUNK) {
    const ids = subjectIds.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('alert_alerts')
      .select(['id', 'subject', 'explanation'])
      .where('source', '=', source)
      .where('subject_type', '=', subjectType)
      .where('subject_id', 'in', ids)
      .execute();
    for (const r of rows) {
      const subject = JSON.stringify(maskFacts(JSON.parse(r.subject) as Facts, mask));
      const explanation = JSON.stringify(
        (JSON.parse(r.explanation) as Array<{ feature: string; score: number; detail: string }>).map((e) => ({ ...e, detail: mask })),
      );
      if (subject === r.subject && explanation === r.explanation) continue;
      await db.updateTable('alert_alerts').set({ subject, explanation }).where('id', '=', r.id).execute();
      changed++;
    }
  }
  return changed;
}

/**
 * Masks, in the caller's transaction, the free-text notes of decisions on alerts of `source` about these subjects (an
 * analyst's note can name the person). Before a note is masked, `keep` receives it (e.g. to seal the original for an
 * approved re-personalisation). The decision, its reason code, step, actor and time stay. Returns how many notes changed.
 */
export async function maskDecisionNotes(
  exec: Executor,
  source: string,
  subjectType: string,
  subjectIds: readonly string[],
  mask: string,
  keep?: (decisionId: string, note: string) => Promise<void>,
): Promise<number> {
  const db = al(exec);
  let changed = 0;
  for (let i = 0; i < subjectIds.length; i += CHUNK) {
    const ids = subjectIds.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('alert_decisions as d')
      .innerJoin('alert_alerts as a', 'a.id', 'd.alert_id')
      .select(['d.id as id', 'd.note as note'])
      .where('a.source', '=', source)
      .where('d.subject_type', '=', subjectType)
      .where('d.subject_id', 'in', ids)
      .where('d.note', 'is not', null)
      .where('d.note', '!=', mask)
      .orderBy('d.id')
      .execute();
    for (const r of rows) {
      if (keep) await keep(r.id, r.note!);
      await db.updateTable('alert_decisions').set({ note: mask }).where('id', '=', r.id).execute();
      changed++;
    }
  }
  return changed;
}

/**
 * Deletes, in the caller's transaction, every alert of `source` about these subjects with the decisions taken on them,
 * for an owning module whose retention period for the subjects has ended. Returns what was deleted (the decisions' ids,
 * so the caller can drop what it kept of their notes).
 */
export async function deleteSubjects(
  exec: Executor,
  source: string,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<{ alerts: number; decisions: string[] }> {
  const db = al(exec);
  let alerts = 0;
  const decisions: string[] = [];
  for (let i = 0; i < subjectIds.length; i += CHUNK) {
    const ids = subjectIds.slice(i, i + CHUNK);
    const of = db.selectFrom('alert_alerts').select('id').where('source', '=', source).where('subject_type', '=', subjectType).where('subject_id', 'in', ids);
    const gone = await db.selectFrom('alert_decisions').select('id').where('alert_id', 'in', of).orderBy('id').execute();
    decisions.push(...gone.map((d) => d.id));
    await db.deleteFrom('alert_decisions').where('alert_id', 'in', of).execute();
    const r = await db
      .deleteFrom('alert_alerts')
      .where('source', '=', source)
      .where('subject_type', '=', subjectType)
      .where('subject_id', 'in', ids)
      .executeTakeFirst();
    alerts += Number(r.numDeletedRows);
  }
  return { alerts, decisions };
}
