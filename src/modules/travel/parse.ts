// Entry point of passenger-data parsing: one interchange in (text or bytes), its PAXLST/PNRGOV messages out. Pure, never throws.
import { readEnvelope, type MessageSpan } from './edifact/envelope.js';
import { Report } from './edifact/report.js';
import { DEFAULT_LIMITS, scan, type Limits, type Segments } from './edifact/tokenizer.js';
import { readPaxlst } from './paxlst/parse.js';
import { readPnrgov } from './pnrgov/parse.js';
import type { ParsedMessage, ParseResult } from './types.js';

export interface ParseOptions {
  limits?: Partial<Limits>;
  /** Year two-digit years are placed against when the UNB has no date (default 2025). */
  referenceYear?: number;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LATIN1 = new TextDecoder('latin1');

interface Decoded {
  text: string;
  /** How the bytes were read, and so how a changed copy is written back. */
  encoding: 'utf8' | 'latin1';
  /** Read as Latin-1 although the sender did not declare it (a finding). */
  latin1: boolean;
  tooLarge: boolean;
}

/**
 * Decodes bytes by the character set the UNB syntax identifier declares: UNOC to UNOK are ISO 8859 (read as Latin-1);
 * otherwise UTF-8, or Latin-1 when the bytes are not UTF-8.
 */
function decode(input: string | Uint8Array, limit: number): Decoded {
  if (typeof input === 'string') return { text: input, encoding: 'utf8', latin1: false, tooLarge: false };
  if (input.byteLength > limit) return { text: '', encoding: 'utf8', latin1: false, tooLarge: true };
  const syntax = /UNB.(UNO[A-Z])/.exec(LATIN1.decode(input.subarray(0, 256)))?.[1];
  if (syntax && syntax >= 'UNOC' && syntax <= 'UNOK') return { text: LATIN1.decode(input), encoding: 'latin1', latin1: false, tooLarge: false };
  try {
    return { text: UTF8.decode(input), encoding: 'utf8', latin1: false, tooLarge: false };
  } catch {
    return { text: LATIN1.decode(input), encoding: 'latin1', latin1: true, tooLarge: false };
  }
}

/** A stored interchange's text as the parser reads it, and the encoding to write a changed copy back in. */
export function decodeInterchange(bytes: Uint8Array): { text: string; encoding: 'utf8' | 'latin1' } {
  const { text, encoding } = decode(bytes, Infinity);
  return { text, encoding };
}

function readMessage(
  span: MessageSpan,
  segments: Segments,
  text: string,
  base: Omit<
    ParsedMessage,
    'type' | 'version' | 'messageReference' | 'part' | 'function' | 'flights' | 'travellers' | 'pnrCount' | 'findings' | 'errors' | 'segments'
  >,
  referenceYear: number,
): ParsedMessage | null {
  const report = new Report(text);
  const ctx = { report, referenceYear };
  const type = span.type === 'PAXLST' || span.type === 'PNRGOV' ? span.type : null;
  if (!type) return null;
  // The PAXLST reader walks the segments in place; the PNRGOV reader keeps segments, so it gets an object for each.
  const content =
    type === 'PAXLST' ? { ...readPaxlst(segments, span.first, span.last, ctx), pnrCount: 0 } : readPnrgov(segments.slice(span.first, span.last), ctx);
  report.close();
  return {
    type,
    version: span.version,
    ...base,
    messageReference: span.reference,
    part: { commonAccessReference: span.commonAccessReference, sequence: span.sequence, final: span.final },
    function: content.function,
    flights: content.flights,
    travellers: content.travellers,
    pnrCount: content.pnrCount,
    findings: report.findings,
    errors: report.errors,
    segments: { first: span.first, last: span.last },
  };
}

/**
 * Parses one EDIFACT interchange holding PAXLST and/or PNRGOV messages. Deviations from the guides are `findings`;
 * what cannot be understood is in `errors` (interchange level) or in each message's `errors`. `ok` is false when any
 * hard error was found. Bounded by `limits` (10 MB, 400,000 segments by default); never throws.
 */
export function parseTravel(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const decoded = decode(input, limits.maxChars);
  const report = new Report(decoded.text);
  const empty = (): ParseResult => ({
    ok: false,
    sender: null,
    recipient: null,
    interchangeReference: null,
    prepared: null,
    separators: { component: ':', element: '+', decimal: '.', release: '?', segment: "'" },
    messages: [],
    findings: report.findings,
    errors: report.errors,
    segmentCount: 0,
  });
  if (decoded.tooLarge) {
    report.error('too-large', { offset: limits.maxChars }, `input is ${(input as Uint8Array).byteLength} bytes; the limit is ${limits.maxChars}`);
    return empty();
  }
  if (decoded.latin1) report.finding('not-utf8', null, null, null, 'the bytes are not UTF-8; read as Latin-1 (UNOC)');
  const tokens = scan(decoded.text, report, limits);
  if (!tokens.count) {
    if (!report.errors.length) report.error('no-interchange', { offset: 0 }, 'no segments');
    report.close();
    return empty();
  }
  const env = readEnvelope(tokens, report);
  const prepared = env.prepared;
  const referenceYear = prepared ? Number(prepared.slice(0, 4)) : (options.referenceYear ?? 2025);
  const base = { sender: env.sender, recipient: env.recipient, interchangeReference: env.reference, prepared };
  const messages: ParsedMessage[] = [];
  for (const span of env.messages) {
    const m = readMessage(span, tokens, decoded.text, base, referenceYear);
    if (m) messages.push(m);
    else {
      const unh = tokens.at(span.first);
      report.error(
        'unsupported-message',
        { segment: unh.index, tag: unh.tag, element: 2, offset: unh.offset },
        `message type "${span.type}" is neither PAXLST nor PNRGOV`,
      );
    }
  }
  if (!env.messages.length) report.error('no-message', { tag: 'UNH' }, 'the interchange holds no UNH message');
  report.close();
  const { component, element, decimal, release, segment } = tokens.separators;
  return {
    ok: report.errors.length === 0 && messages.every((m) => m.errors.length === 0),
    ...base,
    interchangeReference: env.reference,
    separators: { component, element, decimal, release, segment },
    messages,
    findings: report.findings,
    errors: report.errors,
    segmentCount: tokens.count,
  };
}
