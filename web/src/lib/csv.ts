// CSV export of what a table shows (RFC 4180, with a BOM so spreadsheet programs read UTF-8), downloaded client-side.
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Keep spreadsheet programs from running cell content as a formula (CSV injection).
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Saves `content` as a file named `filename` through a temporary object URL (CSV with a BOM; other types as they are). */
export function download(filename: string, content: string, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob(type.startsWith('text/csv') ? ['\ufeff', content] : [content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `name-YYYY-MM-DD.csv` */
export const csvFilename = (name: string): string => `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
