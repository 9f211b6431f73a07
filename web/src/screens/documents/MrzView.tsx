// The MRZ as read, character by character, with the problem fields and characters marked in place, and the field table under it.
import { Fragment } from 'react';
import { t } from '../../i18n';
import type { MrzField, MrzResult } from './api';
import { fieldLabel } from './labels';

interface Mark {
  field: string | null;
  bad: boolean;
  error: string | null;
  /** A character a corrected reading changes (a likely OCR confusion). */
  suspect: string | null;
}

/** What each character of each line belongs to, and whether a problem sits on it. */
function marks(m: MrzResult): Mark[][] {
  const out = m.lines.map((l) => Array.from({ length: l.length }, (): Mark => ({ field: null, bad: false, error: null, suspect: null })));
  for (const [name, f] of Object.entries(m.fields)) {
    const row = out[f.line - 1];
    if (!row) continue;
    for (let c = f.column - 1; c < f.column - 1 + f.length && c < row.length; c++) row[c] = { field: name, bad: !f.valid, error: null, suspect: null };
  }
  for (const e of m.errors) {
    const cell = out[e.line - 1]?.[e.column - 1];
    if (cell) {
      cell.bad = true;
      cell.error = e.detail;
    }
  }
  for (const s of m.suggestions)
    for (const c of s.changes) {
      const cell = out[c.line - 1]?.[c.column - 1];
      if (cell) cell.suspect = t('documents.mrz.suspect', { from: c.from, to: c.to });
    }
  return out;
}

export function MrzLines({ m }: { m: MrzResult }) {
  const all = marks(m);
  return (
    <div className="mrz-lines" role="group" aria-label={t('documents.mrz.as-read')}>
      {m.lines.map((line, li) => (
        <div key={li} className="mrz-line">
          <span className="mrz-line__number" aria-hidden="true">
            {li + 1}
          </span>
          <code className="mrz-line__text">
            {Array.from(line).map((ch, ci) => {
              const k = all[li]?.[ci];
              const cls = ['mrz-char', k?.bad ? 'mrz-char--bad' : '', k?.error ? 'mrz-char--error' : '', k?.suspect ? 'mrz-char--suspect' : '']
                .filter(Boolean)
                .join(' ');
              const title =
                k?.error ?? k?.suspect ?? (k?.field ? `${fieldLabel(k.field)} · ${t('documents.mrz.position', { line: li + 1, column: ci + 1 })}` : undefined);
              return (
                <Fragment key={ci}>
                  {k?.error || k?.suspect ? (
                    <mark className={cls} title={title} data-line={li + 1} data-column={ci + 1}>
                      {ch}
                    </mark>
                  ) : (
                    <span className={cls} title={title}>
                      {ch}
                    </span>
                  )}
                </Fragment>
              );
            })}
          </code>
        </div>
      ))}
    </div>
  );
}

export function FieldTable({ m }: { m: MrzResult }) {
  const rows = Object.entries(m.fields).sort(([, a], [, b]) => a.line - b.line || a.column - b.column);
  const problems = (name: string) => m.errors.filter((e) => e.field === name);
  const warnings = (name: string) => m.warnings.filter((e) => e.field === name);
  const suspects = (name: string) => m.suggestions.flatMap((s) => s.changes).filter((c) => c.field === name);
  const valueOf = (f: MrzField) => (f.value === null || f.value === '' ? <span className="muted">{t('common.none')}</span> : f.value);
  return (
    <div className="table-scroll" role="region" aria-label={t('documents.fields.caption')} tabIndex={0}>
      <table className="table mrz-fields">
        <caption className="visually-hidden">{t('documents.fields.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.fields.field')}</th>
            <th scope="col">{t('documents.fields.value')}</th>
            <th scope="col" className="col-raw">
              {t('documents.fields.raw')}
            </th>
            <th scope="col">{t('documents.fields.position')}</th>
            <th scope="col">{t('documents.fields.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, f]) => {
            const p = problems(name);
            const w = warnings(name);
            const sus = suspects(name);
            return (
              <tr key={name} data-field={name} className={p.length ? 'row--problem' : w.length || sus.length ? 'row--warning' : undefined}>
                <th scope="row">{fieldLabel(name)}</th>
                <td>{valueOf(f)}</td>
                <td className="col-raw">
                  <code className="mrz-raw">{f.raw}</code>
                </td>
                <td className="nowrap">{t('documents.mrz.span', { line: f.line, from: f.column, to: f.column + f.length - 1 })}</td>
                <td>
                  {p.length === 0 && w.length === 0 && sus.length === 0 && <span className="badge badge--good">{t('documents.fields.ok')}</span>}
                  {sus.map((c, i) => (
                    <span key={`s${i}`} className="field-problem field-problem--warning">
                      {t('documents.mrz.suspect', { from: c.from, to: c.to })}{' '}
                      <span className="muted small">({t('documents.mrz.position', { line: c.line, column: c.column })})</span>
                    </span>
                  ))}
                  {[...p, ...w].map((e, i) => (
                    <span key={i} className={`field-problem ${p.includes(e) ? 'field-problem--error' : 'field-problem--warning'}`}>
                      {e.detail} <span className="muted small">({t('documents.mrz.position', { line: e.line, column: e.column })})</span>
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
