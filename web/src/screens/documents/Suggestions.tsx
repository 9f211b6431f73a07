// Corrected readings of a misread MRZ (OCR confusions undone, check digits passing): shown with the changes marked, used only on request.
import { t } from '../../i18n';
import type { MrzSuggestion } from './api';
import { fieldLabel } from './labels';

function Line({ text, line, changes }: { text: string; line: number; changes: MrzSuggestion['changes'] }) {
  const at = new Map(changes.filter((c) => c.line === line).map((c) => [c.column, c]));
  return (
    <code className="mrz-line__text">
      {Array.from(text).map((ch, i) => {
        const c = at.get(i + 1);
        return c ? (
          <ins key={i} className="mrz-char mrz-char--fixed" title={t('documents.suggestion.change', { from: c.from, to: c.to, field: fieldLabel(c.field) })}>
            {ch}
          </ins>
        ) : (
          <span key={i} className="mrz-char">
            {ch}
          </span>
        );
      })}
    </code>
  );
}

export function Suggestions({ suggestions, onUse, busy }: { suggestions: readonly MrzSuggestion[]; onUse: (lines: string[]) => void; busy: boolean }) {
  if (!suggestions.length) return null;
  return (
    <section className="panel suggestion" aria-labelledby="suggestion-title">
      <h2 id="suggestion-title" className="panel__title">
        {t('documents.suggestion.title')}
      </h2>
      <p className="muted">{t('documents.suggestion.lead')}</p>
      {suggestions.map((s, i) => (
        <div key={i} className="suggestion__item">
          <div className="mrz-lines">
            {s.lines.map((l, li) => (
              <div key={li} className="mrz-line">
                <span className="mrz-line__number" aria-hidden="true">
                  {li + 1}
                </span>
                <Line text={l} line={li + 1} changes={s.changes} />
              </div>
            ))}
          </div>
          <ul className="suggestion__changes">
            {s.changes.map((c, ci) => (
              <li key={ci}>{t('documents.suggestion.change-at', { from: c.from, to: c.to, field: fieldLabel(c.field), line: c.line, column: c.column })}</li>
            ))}
          </ul>
          <button type="button" className="button button--primary" onClick={() => onUse(s.lines)} disabled={busy}>
            {t('documents.suggestion.use')}
          </button>
        </div>
      ))}
    </section>
  );
}
