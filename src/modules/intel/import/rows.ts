// Rows of a spreadsheet (CSV in UTF-8 or Latin-1, or one XLSX sheet) as named values, with empty rows counted and skipped.
import { readCsv, ImportError, type MappedRow } from '../../watchlists/index.js';
import { readXlsx } from './xlsx.js';

export type SheetFormat = 'csv' | 'xlsx';

/** A row, or a problem that keeps it from being read (named with its line). */
export type SheetRow = MappedRow & { problem?: string };

export interface RowSource {
  rows: AsyncIterable<SheetRow>;
  /** Called at the end: rows without any value, skipped. */
  emptyRows(): number;
}

const blank = (values: Record<string, string>) => Object.values(values).every((v) => !v.trim());

/** Header names of a sheet: trimmed; an empty or repeated header is an error naming its column. */
function header(cells: string[], line: number, file: string): string[] {
  const seen = new Set<string>();
  return cells.map((c, i) => {
    const name = c.trim();
    if (!name) {
      if (cells.slice(i).every((x) => !x.trim())) return '';
      throw new ImportError(`column ${i + 1} of the header is empty`, { file, line, column: i + 1 });
    }
    if (seen.has(name)) throw new ImportError(`column ${JSON.stringify(name)} appears twice in the header`, { file, line, column: i + 1 });
    seen.add(name);
    return name;
  });
}

export function sheetRows(
  file: string,
  format: SheetFormat,
  opts: { encoding?: 'utf8' | 'latin1' | undefined; sheet?: string | undefined; name?: string },
): RowSource {
  let empty = 0;
  const label = opts.name ?? file;
  async function* csv(): AsyncIterable<SheetRow> {
    const utf8 = (opts.encoding ?? 'utf8') === 'utf8';
    try {
      for await (const r of readCsv(file, { header: true, encoding: opts.encoding ?? 'utf8' })) {
        if (blank(r.values)) {
          empty++;
          continue;
        }
        const bad = utf8 ? Object.entries(r.values).find(([, v]) => v.includes('\ufffd')) : undefined;
        if (bad)
          yield {
            line: r.line,
            offset: r.offset,
            values: r.values,
            problem: `column ${JSON.stringify(bad[0])} is not valid UTF-8 (a Latin-1 / Windows-1252 file? import it with encoding latin1)`,
          };
        else yield { line: r.line, offset: r.offset, values: r.values };
      }
    } catch (e) {
      if (e instanceof ImportError && /UTF-8|utf-8|encoding/i.test(e.message))
        throw new ImportError(`${e.message} — if the file is Latin-1 (Windows-1252), import it with encoding latin1`, { ...e.where, file: label });
      if (e instanceof ImportError) throw new ImportError(e.message, { ...e.where, file: label });
      throw e;
    }
  }
  async function* xlsx(): AsyncIterable<SheetRow> {
    const sheet = await readXlsx(file, { sheet: opts.sheet });
    let names: string[] | undefined;
    let previous = 0;
    for (const r of sheet.rows) {
      // Rows without any cell are not in the sheet's XML at all: the gap in row numbers counts them.
      if (names) empty += Math.max(0, r.line - previous - 1);
      previous = r.line;
      if (r.values.every((v) => !v.trim())) {
        if (names) empty++;
        continue;
      }
      if (!names) {
        names = header(r.values, r.line, label);
        continue;
      }
      const values: Record<string, string> = {};
      names.forEach((n, i) => n && (values[n] = r.values[i] ?? ''));
      yield { line: r.line, values };
    }
  }
  return { rows: format === 'csv' ? csv() : xlsx(), emptyRows: () => empty };
}
