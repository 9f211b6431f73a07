// The tokenizer against the straightforward one it replaced (kept below as the reference): the same segments, separators,
// findings and errors on messages mutated with separators, line breaks, release characters, case and limits; and its
// in-place accessors (value, raw, components, count, a moved cursor) against the values as arrays.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paxlstFor, planFlight, pnrgovFor } from '../generator/index.js';
import { Report } from './report.js';
import { DEFAULT_LIMITS, DEFAULT_SEPARATORS, KNOWN_TAGS, scan, tokenize, type Limits, type Segment, type Separators } from './tokenizer.js';

interface PlainSegment {
  index: number;
  tag: string;
  elements: string[][];
  offset: number;
}

/** A segment's values as arrays, after checking that every positional accessor (in range or not) agrees with them. */
function plain(seg: Segment): PlainSegment {
  const elements = seg.elements;
  const wrong: string[] = [];
  if (seg.count !== elements.length) wrong.push(`count ${seg.count}`);
  for (let e = -1; e <= elements.length + 1; e++) {
    const values = elements[e - 1];
    if (seg.components(e) !== (values?.length ?? 0)) wrong.push(`components(${e})`);
    for (let c = -1; c <= (values?.length ?? 0) + 1; c++) {
      const v = values?.[c - 1];
      if (seg.raw(e, c) !== v) wrong.push(`raw(${e}, ${c})`);
      if (seg.value(e, c) !== (v === undefined ? '' : v.trim())) wrong.push(`value(${e}, ${c})`);
    }
  }
  expect(wrong).toEqual([]);
  return { index: seg.index, tag: seg.tag, elements, offset: seg.offset };
}

function both(text: string, limits: Limits = DEFAULT_LIMITS) {
  const run = (f: typeof referenceTokenize) => {
    const report = new Report(text);
    const tokens = f(text, report, limits);
    report.close();
    return { ...tokens, findings: report.findings, errors: report.errors };
  };
  // The scan walked with one cursor object, and `tokenize` (an object per segment) agreeing with it.
  const fast = (t: string, r: Report, l: Limits = DEFAULT_LIMITS) => {
    const scanned = scan(t, r, l);
    const cursor = scanned.cursor();
    const segments = Array.from({ length: scanned.count }, (_, i) => plain(cursor.moveTo(i)));
    const tokens = tokenize(t, new Report(t), l);
    expect(tokens.segments.map(plain)).toEqual(segments);
    expect(scanned.slice(1, scanned.count - 2).map(plain)).toEqual(segments.slice(1, -1));
    return { segments, separators: scanned.separators, una: scanned.una };
  };
  return { fast: run(fast), reference: run(referenceTokenize) };
}

const dir = new URL('../fixtures/', import.meta.url);
const FIXTURES = readdirSync(dir)
  .filter((f) => f.endsWith('.edi'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));
const plan = planFlight(5, { passengers: 8, crew: 2 });
const SEEDS = [...FIXTURES, paxlstFor(plan), pnrgovFor(plan), 'UNA>*,! ~UNB*UNOA>4*S*R~NAD*FL***O!*NEIL>JO!~HN~', 'UNB\x1dUNOB\x1f4\x1dS\x1cUNH\x1d1\x1c'];
const PIECES = [
  "'",
  '+',
  ':',
  '?',
  '??',
  "?'",
  '?\n',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '\t',
  '*',
  '>',
  '!',
  '~',
  '\x1c',
  '\x1d',
  '\x1f',
  'UNA',
  "UNA:+.? '",
  'UNA>*,! ~',
  'una',
  'UNB+',
  'unh+',
  'UNH+1+PAXLST',
  'UNT+',
  'UNZ+1',
  'NAD+FL+++',
  'nad',
  'Nad+',
  'DTM+189:',
  'FTX',
  'XYZ+',
  'ä',
  'ſrc+',
  'ınh',
  '\ufeff',
  'AB',
  '1',
];
const limitsArb = fc.oneof(
  fc.constant(DEFAULT_LIMITS),
  fc.record({
    maxChars: fc.integer({ min: 0, max: 5000 }),
    maxSegments: fc.integer({ min: 0, max: 60 }),
    maxElements: fc.integer({ min: 0, max: 6 }),
    maxComponents: fc.integer({ min: 0, max: 6 }),
    maxSegmentChars: fc.integer({ min: 0, max: 80 }),
  }),
);

describe('tokenize against the reference tokenizer', () => {
  it('agrees on strings of separators, layout, tags and release characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }), limitsArb, (pieces, limits) => {
        const { fast, reference } = both(pieces.join(''), limits);
        expect(fast).toStrictEqual(reference);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on mutated real-format messages', () => {
    const mutation = fc.record({
      seed: fc.nat(SEEDS.length - 1),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat(20), fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }))), { maxLength: 10 }),
      limits: limitsArb,
    });
    fc.assert(
      fc.property(mutation, ({ seed, edits, limits }) => {
        let text = SEEDS[seed]!;
        for (const [at, del, ins] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        const { fast, reference } = both(text, limits);
        expect(fast).toStrictEqual(reference);
      }),
      { numRuns: 800 },
    );
  });

  it('agrees on whole generated messages and on random text', () => {
    const big = paxlstFor(planFlight(7, { passengers: 120, crew: 6 }));
    expect(both(big).fast).toStrictEqual(both(big).reference);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const { fast, reference } = both(`UNB+${s}`);
        expect(fast).toStrictEqual(reference);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- The reference: the previous tokenizer, unchanged but for its name. ----

const LEVEL_B: Separators = { component: '\x1f', element: '\x1d', decimal: '.', release: null, segment: '\x1c' };

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

/**
 * The previous tokenizer, verbatim: splits `text` into segments. Tolerates (and reports as findings) CR/LF anywhere, several segments on a line, leading
 * spaces, empty segments, lower-case tags, a missing terminator before a line break, and junk before the header or after UNZ.
 * Hard errors (bad UNA, no EDIFACT at all, limits exceeded) go to `report.errors`; it never throws.
 */
function referenceTokenize(text: string, report: Report, limits: Limits = DEFAULT_LIMITS): { segments: PlainSegment[]; separators: Separators; una: boolean } {
  const segments: PlainSegment[] = [];
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
    const elements: string[][] = [];
    let comps: string[] = [];
    let acc = '';
    let from = pos;
    let i = pos;
    let terminated = false;
    let broken = false;
    let overflow: string | null = null;
    let atEnd = false;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === REL) {
        acc += text.slice(from, i);
        if (i + 1 >= len) {
          report.finding('dangling-release', segments.length, null, i, 'the input ends with a release character');
          from = i + 1;
          i++;
          break;
        }
        acc += text[i + 1];
        i += 2;
        from = i;
        continue;
      }
      if (c === COMP) {
        if (comps.length >= limits.maxComponents) overflow ??= `more than ${limits.maxComponents} components in element ${elements.length}`;
        else comps.push(acc + text.slice(from, i));
        acc = '';
        from = ++i;
        continue;
      }
      if (c === ELEM) {
        comps.push(acc + text.slice(from, i));
        if (elements.length >= limits.maxElements + 1) overflow ??= `more than ${limits.maxElements} data elements`;
        else elements.push(comps);
        comps = [];
        acc = '';
        from = ++i;
        continue;
      }
      if (c === TERM) {
        terminated = true;
        break;
      }
      if ((c === CR || c === LF) && stripBreaks) {
        acc += text.slice(from, i);
        // Look past further blanks for a tag (bounded, so runs of blanks stay linear).
        let j = i + 1;
        while (j < len && j - i < 64 && isBlank(text.charCodeAt(j))) j++;
        if (j >= len) {
          // Only layout is left: the input ends inside this segment.
          from = i;
          atEnd = true;
          break;
        }
        const next = text.slice(j, j + 3).toUpperCase();
        const after = text.charCodeAt(j + 3);
        if (KNOWN_TAGS.has(next) && (after === ELEM || after === TERM)) {
          report.finding('missing-terminator', segments.length, null, i, `segment ended by a line break instead of ${JSON.stringify(segTerm)}`);
          from = i;
          terminated = true;
          break;
        }
        broken = true;
        from = i = i + 1;
        continue;
      }
      i++;
      if (i - segOffset > limits.maxSegmentChars) {
        overflow ??= `segment longer than ${limits.maxSegmentChars} characters`;
        break;
      }
    }
    comps.push(acc + text.slice(from, i));
    elements.push(comps);
    const rawTag = (elements.shift() ?? [''])[0]!;
    let tag = rawTag.trim();
    const index = segments.length;
    if (overflow) {
      report.error('too-large-segment', { segment: index, tag: tag.toUpperCase().slice(0, 3), offset: segOffset }, overflow);
      if (sameLine[sameLine.length - 1] === index) sameLine.pop();
      break;
    }
    if (sawSpace && (segments.length > 0 || gapStart > 0))
      report.finding('leading-whitespace', index, tag.toUpperCase(), gapStart, 'spaces before the segment tag');
    if (tag !== tag.toUpperCase()) {
      report.finding('lowercase-tag', index, tag.toUpperCase(), segOffset, `tag "${tag}" is not upper case`);
      tag = tag.toUpperCase();
    }
    if (tag.length !== 3 || !isTagChar(tag.charCodeAt(0)) || !isTagChar(tag.charCodeAt(1)) || !isTagChar(tag.charCodeAt(2)))
      report.finding('bad-segment-tag', index, tag.slice(0, 12), segOffset, `"${tag.slice(0, 12)}" is not a three-character segment tag`);
    if (broken) report.finding('line-break-in-segment', index, tag, segOffset, 'a line break inside the segment was removed');
    segments.push({ index, tag, elements, offset: segOffset });
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
