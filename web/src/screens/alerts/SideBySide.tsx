// Subject and candidate field by field: values that agree, differ, or are on one side only are marked (not by colour alone).
import { ScriptName } from '../../components/ScriptName';
import { countryName } from '../../lib/countries';
import { t } from '../../i18n';
import { propertyLabel } from '../lists/format';
import type { AlertDetail } from './api';

export type Agreement = 'same' | 'similar' | 'differs' | 'subject-only' | 'entity-only';

/** Case, accents, punctuation and spacing do not make values differ. */
const fold = (v: string) =>
  v
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A birth date agrees with a coarser one it starts with (1970 and 1970-01-31). */
const sameValue = (a: string, b: string) => {
  const x = fold(a);
  const y = fold(b);
  return x === y || (/^\d{4}( \d\d){0,2}$/.test(x) && /^\d{4}( \d\d){0,2}$/.test(y) && (x.startsWith(y) || y.startsWith(x)));
};

/** Fields holding names: compared word by word, in any order, against every name of the other side. */
export const NAME_FIELDS = new Set([
  'name',
  'alias',
  'weakAlias',
  'previousName',
  'firstName',
  'middleName',
  'secondName',
  'lastName',
  'fatherName',
  'motherName',
]);
const words = (v: string) => new Set(fold(v).split(' ').filter(Boolean));

/** Names agree when they have the same words in any order, and are similar when half the words of the shorter are shared. */
function nameAgreement(subject: readonly string[], entity: readonly string[]): 'same' | 'similar' | 'differs' {
  let best: 'same' | 'similar' | 'differs' = 'differs';
  for (const s of subject)
    for (const e of entity) {
      const a = words(s);
      const b = words(e);
      const shared = [...a].filter((w) => b.has(w)).length;
      if (shared === a.size && shared === b.size) return 'same';
      if (shared > 0 && shared * 2 >= Math.min(a.size, b.size)) best = 'similar';
    }
  return best;
}

export function agreement(subject: readonly string[], entity: readonly string[], names?: { subject: readonly string[]; entity: readonly string[] }): Agreement {
  if (!entity.length) return 'subject-only';
  if (!subject.length) return 'entity-only';
  if (subject.some((s) => entity.some((e) => sameValue(s, e)))) return 'same';
  return names ? nameAgreement(names.subject, names.entity) : 'differs';
}

const COUNTRY_FIELDS = new Set(['nationality', 'country', 'citizenship', 'birthCountry', 'jurisdiction']);
/** Name-like fields come first, then the rest by name. */
const ORDER = ['name', 'alias', 'weakAlias', 'previousName', 'firstName', 'lastName', 'birthDate', 'nationality', 'gender', 'passportNumber', 'idNumber'];

function Values({ field, values, other }: { field: string; values: readonly string[]; other: readonly string[] }) {
  if (!values.length) return <span className="muted">{t('review.no-value')}</span>;
  return (
    <ul className="values">
      {values.map((v, i) => {
        const matched = other.some((o) => sameValue(v, o));
        return (
          <li key={`${v}-${i}`} className={matched ? 'value value--same' : 'value'}>
            {COUNTRY_FIELDS.has(field) ? `${countryName(v)} (${v.toUpperCase()})` : <ScriptName>{v}</ScriptName>}
          </li>
        );
      })}
    </ul>
  );
}

export function SideBySide({ alert }: { alert: AlertDetail }) {
  const fields = [...alert.fields].sort((a, b) => {
    const ia = ORDER.indexOf(a.field);
    const ib = ORDER.indexOf(b.field);
    return (ia < 0 ? ORDER.length : ia) - (ib < 0 ? ORDER.length : ib) || a.field.localeCompare(b.field);
  });
  // A subject's name is compared with every name of the candidate (aliases, name parts), as the matcher does.
  const allNames = alert.fields.filter((f) => NAME_FIELDS.has(f.field)).flatMap((f) => f.entity);
  return (
    <div className="table-scroll" role="region" aria-labelledby="review-compare-title" tabIndex={0}>
      <table className="table compare">
        <caption className="visually-hidden">{t('review.compare')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.col.field')}</th>
            <th scope="col">{t('review.col.subject')}</th>
            <th scope="col">{t('review.col.candidate')}</th>
            <th scope="col">{t('review.col.agreement')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const a = agreement(f.subject, f.entity, NAME_FIELDS.has(f.field) ? { subject: f.subject, entity: allNames } : undefined);
            return (
              <tr key={f.field} className={`compare__row compare__row--${a}`} data-field={f.field} data-agreement={a}>
                <th scope="row">{propertyLabel(f.field)}</th>
                <td>
                  <Values field={f.field} values={f.subject} other={f.entity} />
                </td>
                <td>
                  <Values field={f.field} values={f.entity} other={f.subject} />
                </td>
                <td className="nowrap">
                  <span className={`agree agree--${a}`}>{t(`review.agreement.${a}`)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
