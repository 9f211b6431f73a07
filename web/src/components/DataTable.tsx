// Tables of records: a caption, a count, CSV export of the rows shown, and horizontal scrolling on narrow screens.
import { useId, type ReactNode } from 'react';
import { csvFilename, download, toCsv, type CsvValue } from '../lib/csv';
import { t, tn } from '../i18n';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** The value written to CSV; columns without it (actions) are left out of the export. */
  csv?: (row: T) => CsvValue;
  className?: string;
  /** Written to CSV but not shown, to keep the table readable on narrow screens. */
  exportOnly?: boolean;
}

interface DataTableProps<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** File name stem of the CSV export, e.g. `users`. */
  exportName: string;
  empty: string;
  /** Shown after the count, e.g. "more available". */
  countNote?: string | undefined;
  toolbar?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
  busy?: boolean;
}

export function DataTable<T>({ caption, columns, rows, rowKey, exportName, empty, countNote, toolbar, rowClassName, busy }: DataTableProps<T>) {
  const captionId = useId();
  const exportable = columns.filter((c) => c.csv);
  const shown = columns.filter((c) => !c.exportOnly);
  const exportCsv = () => {
    const csv = toCsv(
      exportable.map((c) => c.header),
      rows.map((r) => exportable.map((c) => c.csv!(r))),
    );
    download(csvFilename(exportName), csv);
  };

  return (
    <section className="table-block" aria-labelledby={captionId}>
      <div className="table-toolbar">
        <p className="table-count" aria-live="polite">
          {tn('table.rows', rows.length)}
          {countNote ? ` · ${countNote}` : ''}
        </p>
        <div className="table-toolbar__actions">
          {toolbar}
          <button type="button" className="button button--small" onClick={exportCsv} disabled={rows.length === 0}>
            {t('action.export-csv')}
          </button>
        </div>
      </div>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table" aria-busy={busy || undefined}>
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              {shown.map((c) => (
                <th key={c.key} scope="col" className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={shown.length} className="table-empty">
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)} className={rowClassName?.(row)}>
                  {shown.map((c) => (
                    <td key={c.key} className={c.className}>
                      {c.render(row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
