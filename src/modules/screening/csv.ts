// CSV input of batch screening: RFC 4180 rows with a header (id,name,birthDate,nationality,gender,schema,documents,lists).
import { AppError } from '../../platform/errors.js';

const MAX_FIELD = 4096;
const MAX_FIELDS = 50;
const COLUMNS = ['id', 'name', 'birthDate', 'nationality', 'gender', 'schema', 'documents', 'lists'];

/** Parses CSV text into rows of fields; quoted fields may hold commas, quotes ("") and line breaks. Bounded. */
export function* csvRows(text: string): Generator<{ line: number; fields: string[] }> {
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let done = false;
    while (!done) {
      if (i >= text.length) {
        if (quoted) throw new AppError('validation-failed', `line ${startLine}: a quoted field is not closed`, { field: 'csv' });
        fields.push(field);
        done = true;
        break;
      }
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (c === '\n') line++;
          field += c;
          i++;
        }
      } else if (c === '"' && field === '') {
        quoted = true;
        i++;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        i++;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        done = true;
      } else {
        field += c;
        i++;
      }
      if (field.length > MAX_FIELD)
        throw new AppError('validation-failed', `line ${startLine}: a field is longer than ${MAX_FIELD} characters`, { field: 'csv' });
      if (fields.length > MAX_FIELDS) throw new AppError('validation-failed', `line ${startLine}: more than ${MAX_FIELDS} fields`, { field: 'csv' });
    }
    if (fields.length === 1 && fields[0] === '') continue;
    yield { line: startLine, fields };
  }
}

/** Rows of a CSV file as query objects (documents and lists are `;`-separated); the header names the columns. */
export function* csvQueries(text: string): Generator<{ line: number; value: unknown }> {
  let header: string[] | null = null;
  for (const row of csvRows(text.replace(/^\uFEFF/, ''))) {
    if (!header) {
      header = row.fields.map((h) => h.trim());
      const unknown = header.find((h) => !COLUMNS.includes(h));
      if (unknown !== undefined)
        throw new AppError('validation-failed', `line 1: unknown column "${unknown.slice(0, 40)}" (columns: ${COLUMNS.join(', ')})`, { field: 'csv' });
      if (!header.includes('name')) throw new AppError('validation-failed', 'line 1: the header has no "name" column', { field: 'csv' });
      continue;
    }
    const value: Record<string, unknown> = {};
    header.forEach((h, k) => {
      const v = (row.fields[k] ?? '').trim();
      if (!v) return;
      value[h] =
        h === 'documents' || h === 'lists'
          ? v
              .split(';')
              .map((x) => x.trim())
              .filter(Boolean)
          : v;
    });
    yield { line: row.line, value };
  }
}
