// Reads a JSON-lines file of points of contact: every line checked, every problem named by line and field; nothing thrown.
import { checkContact, type ContactInput } from './contact-data.js';

export interface LineProblem {
  line: number;
  field: string;
  reason: string;
}

export const MAX_IMPORT_LINES = 20_000;
export const MAX_LINE_CHARS = 64 * 1024;

/** Parses the whole file; `contacts` are usable only when `problems` is empty. Blank lines are skipped. */
export function parseContactsJsonl(text: string): { contacts: ContactInput[]; problems: LineProblem[] } {
  const contacts: ContactInput[] = [];
  const problems: LineProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines.length > MAX_IMPORT_LINES)
    return { contacts, problems: [{ line: MAX_IMPORT_LINES + 1, field: '', reason: `a file holds at most ${MAX_IMPORT_LINES} lines` }] };
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (!text) return;
    if (text.length > MAX_LINE_CHARS) return void problems.push({ line, field: '', reason: `a line holds at most ${MAX_LINE_CHARS} characters` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      return void problems.push({ line, field: '', reason: `not JSON: ${(err as Error).message}` });
    }
    const r = checkContact(parsed);
    for (const p of r.problems) problems.push({ line, ...p });
    if (!r.value) return;
    const key = `${r.value.state}|${r.value.kind}|${r.value.email}`;
    const first = seen.get(key);
    if (first !== undefined)
      return void problems.push({ line, field: 'email', reason: `the same ${r.value.kind} contact of ${r.value.state} is on line ${first}` });
    seen.set(key, line);
    contacts.push(r.value);
  });
  return { contacts, problems };
}
