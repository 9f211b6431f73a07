// Splits a raw EDIFACT interchange into its segments for display, one a line, keeping each one's character offsets.
export interface RawSegment {
  /** 0-based position among the non-empty segments shown (UNA included). */
  index: number;
  /** The segment's number as the parser counts them (0-based, UNA not counted, as findings give it); null for UNA. */
  no: number | null;
  tag: string;
  /** The segment as sent, terminator included, surrounding line breaks and blanks removed. */
  text: string;
  /** Character offsets of the segment in the raw text: [start, end). */
  start: number;
  end: number;
}

const MAX_SEGMENTS = 50_000;

/** The segment terminator and release character: from UNA when present, else the ISO 9735 level A defaults. */
export function separatorsOf(raw: string): { segment: string; release: string | null } {
  const at = raw.search(/\S/);
  if (at >= 0 && raw.startsWith('UNA', at) && raw.length >= at + 9) {
    const release = raw[at + 6] ?? '?';
    return { segment: raw[at + 8] ?? "'", release: release === ' ' ? null : release };
  }
  if (raw.slice(0, 512).includes('UNB\x1d')) return { segment: '\x1c', release: null };
  return { segment: "'", release: '?' };
}

/** The segments of `raw` (empty ones left out); one whose terminator is missing runs to the end. Bounded to 50,000 segments. */
export function splitSegments(raw: string): { segments: RawSegment[]; truncated: boolean } {
  const { segment, release } = separatorsOf(raw);
  const segments: RawSegment[] = [];
  let start = 0;
  let i = 0;
  let counted = 0;
  // The UNA string holds the separators themselves: it is one segment of exactly 9 characters.
  const una = raw.search(/\S/);
  if (una >= 0 && raw.startsWith('UNA', una)) {
    push(una, Math.min(raw.length, una + 9));
    start = i = Math.min(raw.length, una + 9);
  }
  function push(from: number, to: number) {
    const piece = raw.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    // An empty segment (a terminator alone) is no segment to the parser either: it reports it as a finding.
    if (!text || text === segment) return;
    const tag = text.slice(0, 3).toUpperCase();
    const no = tag === 'UNA' && segments.length === 0 ? null : counted++;
    segments.push({ index: segments.length, no, tag, text, start: from + lead, end: to });
  }
  while (i < raw.length && segments.length < MAX_SEGMENTS) {
    const c = raw[i];
    if (release !== null && c === release) i += 2;
    else if (c === segment) {
      push(start, i + 1);
      start = i = i + 1;
    } else i++;
  }
  const truncated = segments.length >= MAX_SEGMENTS && start < raw.length;
  if (!truncated && start < raw.length) push(start, raw.length);
  return { segments, truncated };
}

/** The segment holding character `offset`, or the nearest one before it. */
export function segmentAt(segments: readonly RawSegment[], offset: number): RawSegment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  let found: RawSegment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (s.start <= offset) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
