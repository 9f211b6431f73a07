// Tolerant UN/EDIFACT tokeniser: UNA separators and release character, bounded, never throws; deviations become findings.
import type { Report } from './report.js';

export interface Separators {
  component: string;
  element: string;
  decimal: string;
  /** Null when the UNA says none (a space). */
  release: string | null;
  segment: string;
}

/** UNOA/UNOB level A defaults (ISO 9735) when no UNA is sent. */
export const DEFAULT_SEPARATORS: Separators = { component: ':', element: '+', decimal: '.', release: '?', segment: "'" };
/** Level B (UNOB with information separators), recognised when UNB is followed by IS3 (0x1D). */
const LEVEL_B: Separators = { component: '\x1f', element: '\x1d', decimal: '.', release: null, segment: '\x1c' };

export interface Segment {
  /** 0-based position among the interchange's segments. */
  index: number;
  /** Upper case, three characters when well-formed. */
  tag: string;
  /** Data elements after the tag: `elements[0]` is element 1; each is its components (release characters removed). */
  elements: string[][];
  /** Character offset of the tag. */
  offset: number;
}

export interface Limits {
  /** Characters of input (10 MB by default). */
  maxChars: number;
  maxSegments: number;
  maxElements: number;
  maxComponents: number;
  maxSegmentChars: number;
}

export const DEFAULT_LIMITS: Limits = { maxChars: 10 * 1024 * 1024, maxSegments: 400_000, maxElements: 99, maxComponents: 99, maxSegmentChars: 100_000 };

export interface Tokens {
  segments: Segment[];
  separators: Separators;
  una: boolean;
}

/** Tags of the service segments and of the PAXLST and PNRGOV guides: a line break before one of them ends a segment whose terminator is missing. */
export const KNOWN_TAGS = new Set(
  (
    'UNA UNB UNG UNH UNT UNE UNZ BGM RFF DTM NAD CTA COM TDT LOC ATT MEA GEI GIS FTX EMP NAT DOC CPI QTY CNT GID ' +
    'MSG ORG TVL EQN SRC RCI SSR DAT IFT ADD EBD TIF FTI REF FAR TKT MON PTK TXD FOP TRA RPI APD TRI SSD TBD ABI SAC LTS SPL ERC'
  ).split(' '),
);

/** The known tags by their three letters (A-Z, so 26³ slots), so a well-formed tag costs no new string. */
const TAG_TABLE: Array<string | undefined> = new Array<string | undefined>(26 * 26 * 26).fill(undefined);
for (const t of KNOWN_TAGS) TAG_TABLE[(t.charCodeAt(0) - 65) * 676 + (t.charCodeAt(1) - 65) * 26 + (t.charCodeAt(2) - 65)] = t;

const isUpper = (c: number) => c >= 65 && c <= 90;

/** The known upper-case tag at `at`, if one starts there. */
function knownTag(text: string, at: number): string | undefined {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return isUpper(a) && isUpper(b) && isUpper(c) ? TAG_TABLE[(a - 65) * 676 + (b - 65) * 26 + (c - 65)] : undefined;
}

/** Whether a known tag in any case starts at `at` (as `KNOWN_TAGS.has(text.slice(at, at + 3).toUpperCase())`). */
function knownTagAnyCase(text: string, at: number): boolean {
  let index = 0;
  for (let i = at; i < at + 3; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) return KNOWN_TAGS.has(text.slice(at, at + 3).toUpperCase()); // a few non-ASCII letters upper-case to ASCII
    if (c >= 97 && c <= 122) c -= 32;
    if (!isUpper(c)) return false;
    index = index * 26 + (c - 65);
  }
  return TAG_TABLE[index] !== undefined;
}

const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const isBlank = (c: number) => c === SPACE || c === TAB || c === CR || c === LF;
const isTagChar = (c: number) => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

// Scratch for the segment being read, reused across calls (tokenize is synchronous): per component its start, end and
// whether it holds a release character or a removed line break; per element the number of components recorded before its end.
let bounds = new Int32Array(3 * 128);
let elemEnd = new Int32Array(128);

function record(k: number, start: number, end: number, dirty: number): number {
  if (3 * k + 3 > bounds.length) {
    const grown = new Int32Array(bounds.length * 2);
    grown.set(bounds);
    bounds = grown;
  }
  bounds[3 * k] = start;
  bounds[3 * k + 1] = end;
  bounds[3 * k + 2] = dirty;
  return k + 1;
}

function closeElement(e: number, k: number): void {
  if (e >= elemEnd.length) {
    const grown = new Int32Array(elemEnd.length * 2);
    grown.set(elemEnd);
    elemEnd = grown;
  }
  elemEnd[e] = k;
}

/** Component `n` of the segment being read: a slice of the text, or for a dirty one the text without release characters and line breaks. */
function component(text: string, n: number, rel: number, stripBreaks: boolean): string {
  const start = bounds[3 * n]!;
  const end = bounds[3 * n + 1]!;
  if (!bounds[3 * n + 2]) return text.slice(start, end);
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === rel) {
      out += text.slice(from, i);
      from = i + 1; // the released character is kept as data (a release at the very end is dropped)
      i++;
    } else if (stripBreaks && (c === CR || c === LF)) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from < end ? out + text.slice(from, end) : out;
}

/** The data elements (all but the tag element) of the segment being read, `elements` elements in all. */
function buildElements(text: string, elements: number, rel: number, stripBreaks: boolean): string[][] {
  const out = new Array<string[]>(elements - 1);
  let k = elemEnd[0]!;
  for (let e = 1; e < elements; e++) {
    const end = elemEnd[e]!;
    const values = new Array<string>(end - k);
    for (let j = 0; k < end; j++, k++) values[j] = component(text, k, rel, stripBreaks);
    out[e - 1] = values;
  }
  return out;
}

/** Reads the UNA service string advice at `pos` (9 characters); null when it is unusable. */
function readUna(text: string, pos: number, report: Report): Separators | null {
  if (text.length < pos + 9) {
    report.error('bad-una', { segment: 0, tag: 'UNA', offset: pos }, 'UNA is shorter than its 9 characters');
    return null;
  }
  const [component, element, decimal, release, , segment] = text.slice(pos + 3, pos + 9);
  const sep = { component: component!, element: element!, decimal: decimal!, release: release === ' ' ? null : release!, segment: segment! };
  const specials = [sep.component, sep.element, sep.segment, ...(sep.release ? [sep.release] : [])];
  const bad = specials.find((c) => /[A-Za-z0-9 ]/.test(c));
  if (bad !== undefined || new Set(specials).size !== specials.length) {
    report.error(
      'bad-una',
      { segment: 0, tag: 'UNA', element: 1, offset: pos + 3 },
      `UNA separators ${JSON.stringify(text.slice(pos + 3, pos + 9))} are not distinct non-alphanumeric characters`,
    );
    return null;
  }
  return sep;
}

/** Finds where the interchange starts (UNA, UNB or UNH, any case); -1 when none. */
function findStart(text: string, from: number): number {
  const m = /UN[ABH]/i.exec(from ? text.slice(from) : text);
  return m ? m.index + from : -1;
}

/**
 * Splits `text` into segments. Tolerates (and reports as findings) CR/LF anywhere, several segments on a line, leading
 * spaces, empty segments, lower-case tags, a missing terminator before a line break, and junk before the header or after UNZ.
 * Hard errors (bad UNA, no EDIFACT at all, limits exceeded) go to `report.errors`; it never throws.
 */
export function tokenize(text: string, report: Report, limits: Limits = DEFAULT_LIMITS): Tokens {
  const segments: Segment[] = [];
  let separators = DEFAULT_SEPARATORS;
  let una = false;
  if (text.length > limits.maxChars) {
    report.error('too-large', { offset: limits.maxChars }, `input is ${text.length} characters; the limit is ${limits.maxChars}`);
    return { segments, separators, una };
  }
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const start = findStart(text, pos);
  if (start < 0) {
    report.error('no-interchange', { offset: 0 }, 'no UNA, UNB or UNH segment found: this is not an EDIFACT interchange');
    return { segments, separators, una };
  }
  if (text.slice(pos, start).trim() !== '')
    report.finding('junk-before-header', null, null, pos, `${start - pos} characters before the interchange header were skipped`);
  else if (start > pos && /[ \t]/.test(text.slice(pos, start))) report.finding('leading-whitespace', 0, null, pos, 'whitespace before the interchange header');
  pos = start;
  const head = text.slice(pos, pos + 3);
  if (head.toUpperCase() === 'UNA') {
    if (head !== 'UNA') report.finding('lowercase-tag', null, 'UNA', pos, `tag "${head}" is not upper case`);
    const sep = readUna(text, pos, report);
    if (!sep) return { segments, separators, una };
    separators = sep;
    una = true;
    const d = DEFAULT_SEPARATORS;
    if (sep.component !== d.component || sep.element !== d.element || sep.segment !== d.segment || sep.release !== d.release)
      report.finding('custom-separators', null, 'UNA', pos, `UNA sets separators ${JSON.stringify(text.slice(pos + 3, pos + 9))} instead of ":+.? '"`);
    pos += 9;
  } else if (head.toUpperCase() === 'UNB') {
    const c = text[pos + 3];
    if (c === '\x1d') separators = LEVEL_B;
    else if (c !== undefined && c !== '+' && !/[A-Za-z0-9\s]/.test(c)) {
      separators = { ...DEFAULT_SEPARATORS, element: c };
      report.finding('separators-without-una', 0, 'UNB', pos + 3, `element separator ${JSON.stringify(c)} used without a UNA service string advice`);
    }
  }

  const { component: compSep, element: elemSep, segment: segTerm, release } = separators;
  const COMP = compSep.charCodeAt(0);
  const ELEM = elemSep.charCodeAt(0);
  const TERM = segTerm.charCodeAt(0);
  const REL = release === null ? -1 : release.charCodeAt(0);
  // Line breaks are layout, not data, unless the terminator itself is one.
  const stripBreaks = TERM !== CR && TERM !== LF;
  const len = text.length;
  let newlineBoundaries = 0;
  const sameLine: number[] = [];
  let afterUnz = false;

  while (pos < len) {
    // Between segments: skip layout whitespace.
    let sawNewline = false;
    let sawSpace = false;
    const gapStart = pos;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === CR || c === LF) {
        if (!stripBreaks && c === TERM) break;
        sawNewline = true;
        sawSpace = false; // trailing spaces of the previous line are not leading ones
      } else if (c === SPACE || c === TAB) sawSpace = true;
      else break;
      pos++;
    }
    if (pos >= len) break;
    if (afterUnz) {
      report.finding('junk-after-trailer', null, null, pos, `${len - pos} characters after UNZ were ignored`);
      break;
    }
    if (text.charCodeAt(pos) === TERM) {
      report.finding('empty-segment', segments.length, null, pos, 'an empty segment (two terminators in a row) was skipped');
      pos++;
      continue;
    }
    if (segments.length >= limits.maxSegments) {
      report.error('too-many-segments', { segment: segments.length, offset: pos }, `more than ${limits.maxSegments} segments`);
      break;
    }
    if (segments.length > 0) {
      if (sawNewline) newlineBoundaries++;
      else sameLine.push(segments.length);
    }
    const segOffset = pos;
    const segLimit = segOffset + limits.maxSegmentChars;
    // Component boundaries go to the scratch buffer; strings are sliced once per component when the segment ends.
    let k = 0; // components recorded
    let ne = 0; // elements closed
    let inElem = 0; // components recorded in the open element
    let from = pos;
    let dirty = 0; // the open component holds a release character or a removed line break
    let i = pos;
    let terminated = false;
    let broken = false;
    let overflow: string | null = null;
    let atEnd = false;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === REL) {
        dirty = 1;
        if (i + 1 >= len) {
          report.finding('dangling-release', segments.length, null, i, 'the input ends with a release character');
          i++;
          break;
        }
        i += 2;
        continue;
      }
      if (c === COMP) {
        if (inElem >= limits.maxComponents) overflow ??= `more than ${limits.maxComponents} components in element ${ne}`;
        else {
          k = record(k, from, i, dirty);
          inElem++;
        }
        dirty = 0;
        from = ++i;
        continue;
      }
      if (c === ELEM) {
        k = record(k, from, i, dirty);
        if (ne >= limits.maxElements + 1) {
          overflow ??= `more than ${limits.maxElements} data elements`;
          k = ne ? elemEnd[ne - 1]! : 0; // the element is dropped
        } else closeElement(ne++, k);
        inElem = 0;
        dirty = 0;
        from = ++i;
        continue;
      }
      if (c === TERM) {
        terminated = true;
        break;
      }
      if ((c === CR || c === LF) && stripBreaks) {
        // Look past further blanks for a tag (bounded, so runs of blanks stay linear).
        let j = i + 1;
        while (j < len && j - i < 64 && isBlank(text.charCodeAt(j))) j++;
        if (j >= len) {
          // Only layout is left: the input ends inside this segment.
          atEnd = true;
          break;
        }
        if (knownTagAnyCase(text, j) && (text.charCodeAt(j + 3) === ELEM || text.charCodeAt(j + 3) === TERM)) {
          report.finding('missing-terminator', segments.length, null, i, `segment ended by a line break instead of ${JSON.stringify(segTerm)}`);
          terminated = true;
          break;
        }
        broken = true;
        dirty = 1;
        i++;
        continue;
      }
      i++;
      if (i > segLimit) {
        overflow ??= `segment longer than ${limits.maxSegmentChars} characters`;
        break;
      }
    }
    k = record(k, from, i, dirty);
    closeElement(ne++, k);
    // A known tag, upper case and clean, is taken from the table; anything else is read, checked and reported.
    const known = elemEnd[0]! > 0 && bounds[2] === 0 && bounds[1]! - bounds[0]! === 3 ? knownTag(text, bounds[0]!) : undefined;
    let tag = known ?? (elemEnd[0]! > 0 ? component(text, 0, REL, stripBreaks).trim() : '');
    const index = segments.length;
    if (overflow) {
      report.error('too-large-segment', { segment: index, tag: tag.toUpperCase().slice(0, 3), offset: segOffset }, overflow);
      break;
    }
    if (sawSpace && (segments.length > 0 || gapStart > 0))
      report.finding('leading-whitespace', index, tag.toUpperCase(), gapStart, 'spaces before the segment tag');
    if (known === undefined && tag !== tag.toUpperCase()) {
      report.finding('lowercase-tag', index, tag.toUpperCase(), segOffset, `tag "${tag}" is not upper case`);
      tag = tag.toUpperCase();
    }
    if (known === undefined && (tag.length !== 3 || !isTagChar(tag.charCodeAt(0)) || !isTagChar(tag.charCodeAt(1)) || !isTagChar(tag.charCodeAt(2))))
      report.finding('bad-segment-tag', index, tag.slice(0, 12), segOffset, `"${tag.slice(0, 12)}" is not a three-character segment tag`);
    if (broken) report.finding('line-break-in-segment', index, tag, segOffset, 'a line break inside the segment was removed');
    segments.push({ index, tag, elements: buildElements(text, ne, REL, stripBreaks), offset: segOffset });
    if (terminated) pos = text.charCodeAt(i) === TERM ? i + 1 : i;
    else {
      if (i >= len || atEnd) report.finding('missing-final-terminator', index, tag, i, `the last segment has no ${JSON.stringify(segTerm)}`);
      pos = i;
    }
    if (tag === 'UNZ') afterUnz = true;
  }
  if (newlineBoundaries > 0)
    for (const s of sameLine)
      report.finding('several-segments-per-line', s, segments[s]!.tag, segments[s]!.offset, 'segment starts on the line of the previous one');
  return { segments, separators, una };
}
