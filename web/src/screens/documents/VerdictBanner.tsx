// The verdict in large type: colour, symbol and words, announced to screen readers, with the gravest reasons under it.
import { t } from '../../i18n';
import type { DocumentCheck } from './api';

const SYMBOL = { clear: '✓', attention: '!', stop: '✕' } as const;

export function VerdictBanner({ result }: { result: DocumentCheck }) {
  const v = result.verdict;
  const top = result.reasons.filter((r) => r.severity !== 'info');
  return (
    <section className={`verdict verdict--${v}`} aria-labelledby="verdict-title" data-verdict={v}>
      <div className="verdict__symbol" aria-hidden="true">
        {SYMBOL[v]}
      </div>
      <div className="verdict__body" role="status">
        <h2 id="verdict-title" className="verdict__title">
          {t(`documents.verdict.${v}`)}
        </h2>
        <p className="verdict__lead">{t(`documents.verdict.${v}.lead`)}</p>
        {top.length > 0 && (
          <ul className="verdict__reasons">
            {top.map((r, i) => (
              <li key={`${r.code}-${i}`} data-reason={r.code}>
                <strong>{t(`documents.reason.${r.code}`)}:</strong> {r.detail}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
