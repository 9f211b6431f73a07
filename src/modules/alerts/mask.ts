// Masking the subject side of alerts when the owning module depersonalises its subjects (e.g. travellers after 6 months).
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
