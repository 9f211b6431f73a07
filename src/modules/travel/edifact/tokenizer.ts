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

/**
 * Where one scan keeps its segments, so that a value becomes a string only when a reader asks for it. `ends` holds each
 * component's end offset (bitwise not when the component holds a release character or a removed line break); `elems` holds
 * for each element the index in `ends` one past its last component; `segs` holds per segment its offset, the index in
 * `elems` of its tag element, and its tag (an index in the tag table, or the bitwise not of an index in `odd`). Segments
 * follow one another in all three, and components are separated by one character, so a component starts one after the
 * end of the one before it.
 */
class Store {
  ends: Int32Array;
  elems: Int32Array;
  segs: Int32Array;
  /** Tags that are not in the tag table. */
  readonly odd: string[] = [];
  count = 0;

  constructor(
    readonly text: string,
    /** The release character's code, -1 when there is none. */
    readonly rel: number,
    /** Line breaks inside values are layout, removed (they are data only when the terminator is one). */
    readonly stripBreaks: boolean,
    size: number,
  ) {
    this.ends = new Int32Array(size);
    this.elems = new Int32Array(size);
    this.segs = new Int32Array(size);
  }

  /** `ends` with room for index `at`. */
  growEnds(at: number): Int32Array {
    return (this.ends = grow(this.ends, at));
  }

  /** `elems` with room for index `at`. */
  growElems(at: number): Int32Array {
    return (this.elems = grow(this.elems, at));
  }

  /**
   * Records segment number `count`, whose elements in `elems` run from `tagElem` to `elemsEnd`; `slot` is its tag's in the
   * table when known. The end goes where the next segment's first element will, so each segment's size is a difference.
   */
  add(offset: number, tagElem: number, elemsEnd: number, tag: string, slot: number): void {
    const at = 3 * this.count;
    if (at + 5 >= this.segs.length) this.segs = grow(this.segs, at + 5);
    const t = slot >= 0 ? slot : tagIndex(tag);
    this.segs[at] = offset;
    this.segs[at + 1] = tagElem;
    this.segs[at + 2] = t >= 0 ? t : ~(this.odd.push(tag) - 1);
    this.segs[at + 4] = elemsEnd;
    this.count++;
  }

  tag(i: number): string {
    const t = this.segs[3 * i + 2]!;
    return t >= 0 ? TAG_TABLE[t]! : this.odd[~t]!;
  }

  /** The text from `start` to `end` without release characters (the released character kept) and layout line breaks. */
  unescape(start: number, end: number): string {
    const { text, rel, stripBreaks } = this;
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
}

function grow(a: Int32Array, at: number): Int32Array {
  const grown = new Int32Array(Math.max(a.length * 2, at + 1));
  grown.set(a);
  return grown;
}

/** ASCII characters `String.prototype.trim` leaves alone at either end (printable, not a space). */
const solid = (c: number) => c > 32 && c < 127;

/**
 * One segment of an interchange, read in place from the interchange text by position (`value`, `raw`, `components`,
 * `count`); `elements` builds all its values as arrays (once, then kept) for readers that want them so.
 */
export class Segment {
  private built: string[][] | null = null;
  private i = 0;
  private t = '';
  private o = 0;
  /** Index in `store.elems` of the tag element; the data elements follow it. */
  private first = 0;
  /** Number of elements, the tag element included. */
  private size = 0;

  /** Segment `i` of `store`; a cursor (`i` = -1) points at none until moved. */
  constructor(
    private readonly store: Store,
    i: number,
  ) {
    if (i >= 0) this.moveTo(i);
  }

  /** 0-based position among the interchange's segments. */
  get index(): number {
    return this.i;
  }

  /** Upper case, three characters when well-formed. */
  get tag(): string {
    return this.t;
  }

  /** Character offset of the tag. */
  get offset(): number {
    return this.o;
  }

  /**
   * Points this object at segment `i` of the same interchange, so that a reader can walk the segments with one object
   * (from `Segments.cursor`) instead of one per segment; what it read before does not change.
   */
  moveTo(i: number): this {
    const store = this.store;
    const segs = store.segs;
    this.i = i;
    this.t = store.tag(i);
    this.o = segs[3 * i]!;
    this.first = segs[3 * i + 1]!;
    this.size = segs[3 * i + 4]! - this.first;
    this.built = null;
    return this;
  }

  /** Number of data elements after the tag. */
  get count(): number {
    return this.size - 1;
  }

  /** Number of components of data element `e` (1-based); 0 when absent. */
  components(e: number): number {
    if (e < 1 || e >= this.size) return 0;
    const elems = this.store.elems;
    return elems[this.first + e]! - elems[this.first + e - 1]!;
  }

  /** Index in `store.ends` of component `c` of data element `e` (both 1-based); -1 when absent. */
  private at(e: number, c: number): number {
    if (e < 1 || c < 1 || e >= this.size) return -1;
    const elems = this.store.elems;
    const k = elems[this.first + e - 1]! + c - 1;
    return k < elems[this.first + e]! ? k : -1;
  }

  /** Component `k` of `store.ends`, not the first of its segment (that is the tag), release characters removed. */
  private comp(k: number): string {
    const store = this.store;
    const end = store.ends[k]!;
    const prev = store.ends[k - 1]!;
    const start = (prev < 0 ? ~prev : prev) + 1;
    return end < 0 ? store.unescape(start, ~end) : store.text.slice(start, end);
  }

  /** Component `c` of data element `e` (both 1-based), release characters removed, untrimmed; undefined when absent. */
  raw(e: number, c = 1): string | undefined {
    const k = this.at(e, c);
    return k < 0 ? undefined : this.comp(k);
  }

  /** Component `c` of data element `e` (both 1-based), trimmed; '' when absent. */
  value(e: number, c = 1): string {
    const k = this.at(e, c);
    if (k < 0) return '';
    const v = this.comp(k);
    const n = v.length;
    return n === 0 || (solid(v.charCodeAt(0)) && solid(v.charCodeAt(n - 1))) ? v : v.trim();
  }

  /** The data elements: `elements[0]` is element 1; each is its components (release characters removed). */
  get elements(): string[][] {
    if (this.built) return this.built;
    const out = new Array<string[]>(this.size - 1);
    for (let e = 1; e < this.size; e++) {
      const n = this.components(e);
      const values = new Array<string>(n);
      for (let c = 0; c < n; c++) values[c] = this.raw(e, c + 1)!;
      out[e - 1] = values;
    }
    return (this.built = out);
  }
}

/** The segments of one interchange as `scan` found them, kept as positions; a `Segment` object is made only on request. */
export class Segments {
  constructor(
    private readonly store: Store,
    readonly separators: Separators,
    readonly una: boolean,
  ) {}

  get count(): number {
    return this.store.count;
  }

  /** Segment `i` as an object of its own. */
  at(i: number): Segment {
    return new Segment(this.store, i);
  }

  /** Segments `first` to `last` (inclusive) as objects of their own. */
  slice(first: number, last: number): Segment[] {
    const out: Segment[] = [];
    for (let i = first; i <= last; i++) out.push(new Segment(this.store, i));
    return out;
  }

  /** One segment object to walk the segments with (`moveTo`); it must not be kept as a particular segment. */
  cursor(): Segment {
    return new Segment(this.store, -1);
  }
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

/** The slot of `tag` in the tag table; -1 when it is not a known tag. */
function tagIndex(tag: string): number {
  if (tag.length !== 3) return -1;
  const a = tag.charCodeAt(0) - 65;
  const b = tag.charCodeAt(1) - 65;
  const c = tag.charCodeAt(2) - 65;
  if (a < 0 || a > 25 || b < 0 || b > 25 || c < 0 || c > 25) return -1;
  const t = a * 676 + b * 26 + c;
  return TAG_TABLE[t] === tag ? t : -1;
}

const isUpper = (c: number) => c >= 65 && c <= 90;

/** The tag table slot of the known upper-case tag at `at`; -1 when none starts there. */
function knownSlot(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  if (!isUpper(a) || !isUpper(b) || !isUpper(c)) return -1;
  const slot = (a - 65) * 676 + (b - 65) * 26 + (c - 65);
  return TAG_TABLE[slot] === undefined ? -1 : slot;
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

/** Splits `text` into segments as `scan` does, each as an object of its own (for readers that keep segments). */
export function tokenize(text: string, report: Report, limits: Limits = DEFAULT_LIMITS): Tokens {
  const scanned = scan(text, report, limits);
  return { segments: scanned.slice(0, scanned.count - 1), separators: scanned.separators, una: scanned.una };
}

/**
 * Splits `text` into segments. Tolerates (and reports as findings) CR/LF anywhere, several segments on a line, leading
 * spaces, empty segments, lower-case tags, a missing terminator before a line break, and junk before the header or after UNZ.
 * Hard errors (bad UNA, no EDIFACT at all, limits exceeded) go to `report.errors`; it never throws.
 */
export function scan(text: string, report: Report, limits: Limits = DEFAULT_LIMITS): Segments {
  let separators = DEFAULT_SEPARATORS;
  let una = false;
  const none = () => new Segments(new Store(text, -1, true, 2), separators, una);
  if (text.length > limits.maxChars) {
    report.error('too-large', { offset: limits.maxChars }, `input is ${text.length} characters; the limit is ${limits.maxChars}`);
    return none();
  }
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const start = findStart(text, pos);
  if (start < 0) {
    report.error('no-interchange', { offset: 0 }, 'no UNA, UNB or UNH segment found: this is not an EDIFACT interchange');
    return none();
  }
  if (text.slice(pos, start).trim() !== '')
    report.finding('junk-before-header', null, null, pos, `${start - pos} characters before the interchange header were skipped`);
  else if (start > pos && /[ \t]/.test(text.slice(pos, start))) report.finding('leading-whitespace', 0, null, pos, 'whitespace before the interchange header');
  pos = start;
  const head = text.slice(pos, pos + 3);
  if (head.toUpperCase() === 'UNA') {
    if (head !== 'UNA') report.finding('lowercase-tag', null, 'UNA', pos, `tag "${head}" is not upper case`);
    const sep = readUna(text, pos, report);
    if (!sep) return none();
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

  const REL = separators.release === null ? -1 : separators.release.charCodeAt(0);
  const TERM = separators.segment.charCodeAt(0);
  // Line breaks are layout, not data, unless the terminator itself is one.
  const store = new Store(text, REL, TERM !== CR && TERM !== LF, (text.length >> 2) + 16); // a component every 4 or more characters, as a rule
  const sameLine: number[] = [];
  const newlineBoundaries = readSegments(store, pos, separators, report, limits, sameLine);
  if (newlineBoundaries > 0)
    for (const s of sameLine)
      report.finding('several-segments-per-line', s, store.tag(s), store.segs[3 * s]!, 'segment starts on the line of the previous one');
  return new Segments(store, separators, una);
}

/**
 * The segment loop of `scan`, from `pos`: fills `store`, adds to `sameLine` the segments that start on the line of the one
 * before, and returns how many segments start on a new line. A function of its own, with nothing after the loop, so that
 * code compiled on entering the hot loop never reaches statements that have not run yet (and fall back to the interpreter).
 */
function readSegments(store: Store, pos: number, separators: Separators, report: Report, limits: Limits, sameLine: number[]): number {
  const text = store.text;
  const segTerm = separators.segment;
  const COMP = separators.component.charCodeAt(0);
  const ELEM = separators.element.charCodeAt(0);
  const TERM = segTerm.charCodeAt(0);
  const REL = store.rel;
  const stripBreaks = store.stripBreaks;
  const len = text.length;
  let { ends, elems } = store;
  let nEnds = 0; // components and elements in the store
  let nElems = 0;
  const { maxSegments, maxElements, maxComponents, maxSegmentChars } = limits;
  let newlineBoundaries = 0;
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
    const index = store.count;
    if (text.charCodeAt(pos) === TERM) {
      report.finding('empty-segment', index, null, pos, 'an empty segment (two terminators in a row) was skipped');
      pos++;
      continue;
    }
    if (index >= maxSegments) {
      report.error('too-many-segments', { segment: index, offset: pos }, `more than ${maxSegments} segments`);
      break;
    }
    if (index > 0) {
      if (sawNewline) newlineBoundaries++;
      else sameLine.push(index);
    }
    const segOffset = pos;
    const segLimit = segOffset + maxSegmentChars;
    // Component ends and element ends go straight to the store, from `cb` and `eb`; strings are made only when read.
    const cb = nEnds;
    const eb = nElems;
    let k = 0; // components recorded
    let ne = 0; // elements closed
    let inElem = 0; // components recorded in the open element
    let from = pos;
    let dirty = 0; // the open component holds a release character or a removed line break
    let tagFrom = pos; // where the first component recorded (the tag) starts, and whether it is dirty
    let tagDirty = 0;
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
          report.finding('dangling-release', index, null, i, 'the input ends with a release character');
          i++;
          break;
        }
        i += 2;
        continue;
      }
      if (c === COMP) {
        if (inElem >= maxComponents) overflow ??= `more than ${maxComponents} components in element ${ne}`;
        else {
          if (k === 0) {
            tagFrom = from;
            tagDirty = dirty;
          }
          const at = cb + k++;
          if (at >= ends.length) ends = store.growEnds(at);
          ends[at] = dirty ? ~i : i;
          inElem++;
        }
        dirty = 0;
        from = ++i;
        continue;
      }
      if (c === ELEM) {
        if (k === 0) {
          tagFrom = from;
          tagDirty = dirty;
        }
        const at = cb + k++;
        if (at >= ends.length) ends = store.growEnds(at);
        ends[at] = dirty ? ~i : i;
        if (ne >= maxElements + 1) {
          overflow ??= `more than ${maxElements} data elements`;
          k = ne ? elems[eb + ne - 1]! - cb : 0; // the element is dropped
        } else {
          const e = eb + ne++;
          if (e >= elems.length) elems = store.growElems(e);
          elems[e] = cb + k;
        }
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
          report.finding('missing-terminator', index, null, i, `segment ended by a line break instead of ${JSON.stringify(segTerm)}`);
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
        overflow ??= `segment longer than ${maxSegmentChars} characters`;
        break;
      }
    }
    if (k === 0) {
      tagFrom = from;
      tagDirty = dirty;
    }
    const last = cb + k++;
    if (last >= ends.length) ends = store.growEnds(last);
    ends[last] = dirty ? ~i : i;
    const closing = eb + ne++;
    if (closing >= elems.length) elems = store.growElems(closing);
    elems[closing] = cb + k;
    // A known tag, upper case and clean, is taken from the table; anything else is read, checked and reported.
    const tagEnd = ends[cb]! < 0 ? ~ends[cb]! : ends[cb]!;
    const hasTag = elems[eb]! > cb;
    const slot = hasTag && tagDirty === 0 && tagEnd - tagFrom === 3 ? knownSlot(text, tagFrom) : -1;
    const known = slot >= 0 ? TAG_TABLE[slot] : undefined;
    let tag = known ?? (hasTag ? (tagDirty ? store.unescape(tagFrom, tagEnd) : text.slice(tagFrom, tagEnd)).trim() : '');
    if (overflow) {
      report.error('too-large-segment', { segment: index, tag: tag.toUpperCase().slice(0, 3), offset: segOffset }, overflow);
      // The segment is not kept: nothing more is said of where it started.
      if (sameLine[sameLine.length - 1] === index) sameLine.pop();
      break;
    }
    if (sawSpace && (index > 0 || gapStart > 0)) report.finding('leading-whitespace', index, tag.toUpperCase(), gapStart, 'spaces before the segment tag');
    if (known === undefined && tag !== tag.toUpperCase()) {
      report.finding('lowercase-tag', index, tag.toUpperCase(), segOffset, `tag "${tag}" is not upper case`);
      tag = tag.toUpperCase();
    }
    if (known === undefined && (tag.length !== 3 || !isTagChar(tag.charCodeAt(0)) || !isTagChar(tag.charCodeAt(1)) || !isTagChar(tag.charCodeAt(2))))
      report.finding('bad-segment-tag', index, tag.slice(0, 12), segOffset, `"${tag.slice(0, 12)}" is not a three-character segment tag`);
    if (broken) report.finding('line-break-in-segment', index, tag, segOffset, 'a line break inside the segment was removed');
    nEnds = cb + k;
    nElems = eb + ne;
    store.add(segOffset, eb, nElems, tag, slot);
    if (terminated) pos = text.charCodeAt(i) === TERM ? i + 1 : i;
    else {
      if (i >= len || atEnd) report.finding('missing-final-terminator', index, tag, i, `the last segment has no ${JSON.stringify(segTerm)}`);
      pos = i;
    }
    if (tag === 'UNZ') afterUnz = true;
  }
  return newlineBoundaries;
}
