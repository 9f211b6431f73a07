// Depersonalisation of a stored EDIFACT interchange: personal elements of PAXLST and PNRGOV segments replaced by masking characters.
import { Report } from '../edifact/report.js';
import { tokenize, type Segment, type Separators } from '../edifact/tokenizer.js';
import { decodeInterchange } from '../parse.js';

/** What a masked component reads as: letters only, so no separator set can collide with it and the structure still parses. */
export const RAW_MASK = 'XXX';

/** PAXLST DTM qualifiers of personal dates: 329 birth, 36 document expiry, 182 document issue. */
const PERSONAL_DATES = new Set(['329', '36', '182']);
/** PAXLST LOC qualifiers of personal places: 91 document issue, 174 residence, 180 birth. */
const PERSONAL_PLACES = new Set(['91', '174', '180']);
/** SSR free-text fields kept (codes, not values): DOCS and DOCA field 1 (document type, address type), DOCO field 2. */
const SSR_KEPT_FIELDS: Record<string, readonly number[]> = { DOCS: [0], DOCA: [0], DOCO: [1] };

type Rule = (e: number, c: number) => boolean;

const q1 = (seg: Segment) => (seg.elements[0]?.[0] ?? '').trim().toUpperCase();

/** Which components of a segment hold personal data (e = 1-based data element, c = 1-based component); null when none. */
function ruleFor(seg: Segment): Rule | null {
  switch (seg.tag) {
    case 'NAD': // names and address of a traveller (or of the sender's contact)
    case 'CTA': // contact person
    case 'NAT':
    case 'DOC':
      return (e) => e >= 2;
    case 'COM':
      return (_e, c) => c === 1;
    case 'ATT': // ATT+2++M: sex
      return (e) => e >= 3;
    case 'DTM':
      return PERSONAL_DATES.has(q1(seg)) ? (e, c) => e > 1 || c >= 2 : null;
    case 'LOC':
      return PERSONAL_PLACES.has(q1(seg)) ? (e) => e >= 2 : null;
    case 'FTX': // free text other than bag tags
      return q1(seg) === 'BAG' ? null : (e) => e >= 3;
    case 'TIF': // TIF+SURNAME:type+GIVEN:type:ref
      return (e, c) => c === 1 && (e === 1 || e === 2);
    case 'SSR': // SSR+TYPE:status:qty:carrier:…:free text — everything but seat requests
      return q1(seg) === 'SEAT' ? null : (e, c) => e === 1 && c >= 9;
    case 'IFT': // general remarks and OSIs
      return (e) => e >= 2;
    case 'ADD': // ADD++purpose:street:city:region::country:postal:free text
      return (e, c) => (e === 2 && c >= 2) || e >= 3;
    case 'FOP': // FOP+type:indicator:amount:vendor:account:expiry
      return (_e, c) => c >= 3;
    case 'FTI': // FTI+airline:number:…
      return (e, c) => e > 1 || c >= 2;
    default:
      return null;
  }
}

interface Span {
  e: number;
  c: number;
  start: number;
  end: number;
}

/** Character spans of every component of the segment starting at `from` (its tag is element 0), up to its terminator or `limit`. */
function componentSpans(text: string, from: number, limit: number, sep: Separators): Span[] {
  const COMP = sep.component.charCodeAt(0);
  const ELEM = sep.element.charCodeAt(0);
  const TERM = sep.segment.charCodeAt(0);
  const REL = sep.release === null ? -1 : sep.release.charCodeAt(0);
  const out: Span[] = [];
  let e = 0;
  let c = 1;
  let start = from;
  for (let i = from; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (ch === REL) i++;
    else if (ch === COMP || ch === ELEM || ch === TERM) {
      out.push({ e, c, start, end: i });
      if (ch === TERM) return out;
      if (ch === COMP) c++;
      else {
        e++;
        c = 1;
      }
      start = i + 1;
    }
  }
  // No terminator (a line break or the end of the input ended it): the layout after the last component is not data.
  let end = Math.min(limit, text.length);
  while (end > start && /[\r\n \t]/.test(text[end - 1]!)) end--;
  out.push({ e, c, start, end });
  return out;
}

function maskSsrText(type: string, value: string, sep: Separators): string {
  const kept = SSR_KEPT_FIELDS[type];
  if (!kept || [sep.component, sep.element, sep.segment, sep.release].includes('/')) return RAW_MASK;
  const lead = value.startsWith('/');
  const fields = (lead ? value.slice(1) : value).split('/');
  const masked = fields.map((f, i) => (kept.includes(i) || f.trim() === '' ? f : RAW_MASK)).join('/');
  return lead ? `/${masked}` : masked;
}

export interface MaskedInterchange {
  raw: Buffer;
  /** Segments that had personal data replaced. */
  segments: number;
}

/**
 * Masks the personal data of a stored PAXLST/PNRGOV interchange: names, addresses, contacts, personal dates, places and
 * documents, sex, nationality, remarks, SSR texts (DOCS/DOCO/DOCA/FOID/CTC…), payment and frequent-flyer data. Tags,
 * qualifiers, codes and separators stay, so the result parses to the same flights and traveller count. Text the
 * tokenizer skipped (junk before the header or after UNZ) has every letter and digit masked. Never throws.
 */
export function maskInterchange(raw: Uint8Array): MaskedInterchange {
  const { text, encoding } = decodeInterchange(raw);
  const { segments: segs, separators } = tokenize(text, new Report(text));
  if (!segs.length) return { raw: Buffer.from(maskJunk(text), encoding), segments: 0 };
  const edits: Array<{ start: number; end: number; value: string }> = [];
  let touched = 0;
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s]!;
    const rule = ruleFor(seg);
    if (!rule) continue;
    const limit = segs[s + 1]?.offset ?? text.length;
    const type = q1(seg);
    let changed = false;
    for (const span of componentSpans(text, seg.offset, limit, separators)) {
      if (span.e === 0 || !rule(span.e, span.c)) continue;
      const value = seg.elements[span.e - 1]?.[span.c - 1] ?? '';
      if (value.trim() === '') continue;
      const masked = seg.tag === 'SSR' && span.c === 9 ? maskSsrText(type, value, separators) : RAW_MASK;
      edits.push({ start: span.start, end: span.end, value: masked });
      changed = true;
    }
    if (changed) touched++;
  }
  let out = '';
  let at = 0;
  for (const ed of edits) {
    out += text.slice(at, ed.start) + ed.value;
    at = ed.end;
  }
  out += text.slice(at);
  // What lies before the interchange header or after the last segment was skipped by the tokenizer: mask every letter and digit.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const found = text.slice(bom).search(/UN[ABH]/i);
  const headEnd = found < 0 ? text.length : found + bom;
  const lastEnd = segs.length ? endOfSegment(text, segs[segs.length - 1]!, separators) : text.length;
  const tailFrom = Math.max(headEnd, lastEnd) + out.length - text.length;
  out = text.slice(0, bom) + maskJunk(text.slice(bom, headEnd)) + out.slice(headEnd, tailFrom) + maskJunk(out.slice(tailFrom));
  return { raw: Buffer.from(out, encoding), segments: touched };
}

const maskJunk = (s: string) => s.replace(/[\p{L}\p{N}]/gu, 'X');

function endOfSegment(text: string, seg: Segment, sep: Separators): number {
  const spans = componentSpans(text, seg.offset, text.length, sep);
  const last = spans[spans.length - 1]!;
  return text.charCodeAt(last.end) === sep.segment.charCodeAt(0) ? last.end + 1 : last.end;
}
