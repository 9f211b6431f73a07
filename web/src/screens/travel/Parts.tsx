// Building blocks of the traveller and message pages: a titled panel, a list of facts, and a compact table.
import { useId, type ReactNode } from 'react';
import { t } from '../../i18n';

export function Panel({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`panel travel-panel ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id} className="panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Label/value pairs; pairs without a value are left out, and none at all reads "None". */
export function Facts({ items }: { items: ReadonlyArray<readonly [string, ReactNode]> }) {
  const shown = items.filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false);
  if (shown.length === 0) return <p className="muted">{t('common.none')}</p>;
  return (
    <dl className="facts">
      {shown.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface MiniColumn<T> {
  header: string;
  render: (row: T) => ReactNode;
  className?: string;
}

/** A small read-only table inside a panel (no toolbar); an empty one says "None". */
export function MiniTable<T>({ caption, columns, rows }: { caption: string; columns: readonly MiniColumn<T>[]; rows: readonly T[] }) {
  if (rows.length === 0) return <p className="muted">{t('common.none')}</p>;
  return (
    <div className="table-scroll mini-table">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A value or a dash. */
export const orDash = (v: ReactNode) => (v === null || v === undefined || v === '' ? <span className="muted">—</span> : v);
