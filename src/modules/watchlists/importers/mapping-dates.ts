// strptime-style date formats of FtM mappings (`format: "%d.%m.%Y"`), read into ISO dates with their precision.
import { normaliseDate } from '../../../core/model/index.js';

export interface DateFormat {
  /** The format as written in the mapping. */
  source: string;
  /** The ISO date (`1965`, `1965-04`, `1965-04-29`) of a value in this format, or null. */
  parse(value: string): string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

type Field = 'year' | 'year2' | 'month' | 'monthName' | 'day' | null;

/** Each directive: the pattern it matches and the field it sets (null: matched and ignored). */
const DIRECTIVES: Readonly<Record<string, [string, Field]>> = {
  Y: ['(\\d{4})', 'year'],
  y: ['(\\d{2})', 'year2'],
  m: ['(\\d{1,2})', 'month'],
  d: ['(\\d{1,2})', 'day'],
  e: ['\\s?(\\d{1,2})', 'day'],
  b: ['([a-z]{3,9})\\.?', 'monthName'],
  B: ['([a-z]{3,9})', 'monthName'],
  h: ['([a-z]{3,9})\\.?', 'monthName'],
  a: ['[a-z]{3}\\.?', null],
  A: ['[a-z]{6,9}', null],
  H: ['\\d{1,2}', null],
  I: ['\\d{1,2}', null],
  M: ['\\d{1,2}', null],
  S: ['\\d{1,2}', null],
  f: ['\\d{1,6}', null],
  p: ['[ap]\\.?m\\.?', null],
  z: ['(?:z|[+-]\\d{2}:?\\d{2})', null],
};

/** Compiles a format; throws Error naming an unsupported directive. */
export function compileDateFormat(source: string): DateFormat {
  if (source.length > 100) throw new Error('a date format is at most 100 characters');
  const fields: Field[] = [];
  let pattern = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c !== '%') {
      pattern += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const d = source[++i];
    if (d === '%') pattern += '%';
    else if (d !== undefined && Object.hasOwn(DIRECTIVES, d)) {
      const [p, field] = DIRECTIVES[d]!;
      pattern += p;
      if (field) fields.push(field);
    } else throw new Error(`date format ${JSON.stringify(source)}: unsupported directive %${d ?? ''}`);
  }
  if (!fields.some((f) => f === 'year' || f === 'year2')) throw new Error(`date format ${JSON.stringify(source)} has no year (%Y or %y)`);
  const re = new RegExp(`^${pattern}$`, 'i');
  return {
    source,
    parse(value) {
      const m = re.exec(value.trim());
      if (!m) return null;
      let year = 0;
      let month = 0;
      let day = 0;
      fields.forEach((f, i) => {
        const v = m[i + 1]!;
        if (f === 'year') year = Number(v);
        else if (f === 'year2')
          year = Number(v) + (Number(v) < 69 ? 2000 : 1900); // as strptime does
        else if (f === 'month') month = Number(v);
        else if (f === 'day') day = Number(v);
        else if (f === 'monthName') {
          const name = v.toLowerCase();
          const full = FULL_MONTHS.indexOf(name);
          const short = name === 'sept' ? 8 : MONTHS.indexOf(name);
          month = full >= 0 ? full + 1 : short >= 0 ? short + 1 : -1;
        }
      });
      if (month < 0 || (day > 0 && month === 0)) return null;
      const iso = [
        String(year).padStart(4, '0'),
        ...(month ? [String(month).padStart(2, '0')] : []),
        ...(month && day ? [String(day).padStart(2, '0')] : []),
      ].join('-');
      const out = normaliseDate(iso);
      return out?.length === 1 && out[0] === iso ? iso : null;
    },
  };
}
