// The structured explanation of a score: each feature's part (log-odds, for or against) as a signed bar, with its detail.
import { en } from '../../i18n/en';
import { formatNumber, t, type MessageKey } from '../../i18n';
import type { ExplanationItem } from './api';

const has = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(en, key);

/** The display name of a matcher feature (`birthDateExact` → "Birth date: exact"); unknown ones are spelled out. */
export function featureLabel(feature: string): string {
  const key = `feature.${feature}`;
  if (has(key)) return t(key);
  const words = feature.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const signed = new Intl.NumberFormat(undefined, { signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A score in [0, 1] as a bar and a number. */
export function ScoreBar({ score, threshold }: { score: number; threshold?: number | undefined }) {
  const pct = Math.round(Math.max(0, Math.min(1, score)) * 100);
  const tone = threshold !== undefined && score < threshold ? 'low' : score >= 0.85 ? 'high' : 'mid';
  return (
    <span className="score" title={t('screening.score-title', { score: formatNumber(score) })}>
      <span className="score__track" aria-hidden="true">
        <span className={`score__fill score__fill--${tone}`} style={{ width: `${pct}%` }} />
      </span>
      <span className="score__value">{score.toFixed(2)}</span>
    </span>
  );
}

export function Explanation({ items, caption }: { items: readonly ExplanationItem[]; caption: string }) {
  const max = Math.max(1, ...items.map((i) => Math.abs(i.score)));
  return (
    <table className="table explanation">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('screening.col.feature')}</th>
          <th scope="col" className="explanation__bar-col">
            {t('screening.col.part')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => {
          const width = `${(Math.abs(item.score) / max) * 50}%`;
          const dir = item.score > 0 ? 'for' : item.score < 0 ? 'against' : 'none';
          return (
            <tr key={`${item.feature}-${i}`} data-feature={item.feature}>
              <td>
                <span className="explanation__feature">{featureLabel(item.feature)}</span>
                <bdi dir="auto" className="explanation__detail">
                  {item.detail}
                </bdi>
              </td>
              <td className="explanation__bar-col">
                <span className="part">
                  <span className="part__track" aria-hidden="true">
                    <span className={`part__fill part__fill--${dir}`} style={{ width }} />
                  </span>
                  <span className={`part__value part__value--${dir}`}>{item.score === 0 ? '0' : signed.format(item.score)}</span>
                  <span className="visually-hidden">{t(`screening.part.${dir}`)}</span>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
