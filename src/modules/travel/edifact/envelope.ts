// The interchange envelope: UNB/UNG/UNH…UNT/UNE/UNZ, message boundaries, and the trailer counts and references checked.
import type { Report } from './report.js';
import type { Segment, Segments } from './tokenizer.js';
import { el, orNull, unbDate } from './values.js';

export interface MessageSpan {
  /** Index of UNH (or of the first segment when UNH is missing). */
  first: number;
  /** Index of UNT, or of the message's last segment when UNT is missing. */
  last: number;
  reference: string;
  type: string;
  version: string;
  commonAccessReference: string | null;
  sequence: number | null;
  final: boolean;
}

export interface Envelope {
  sender: string | null;
  recipient: string | null;
  reference: string | null;
  prepared: string | null;
  messages: MessageSpan[];
}

function count(seg: Segment, report: Report, what: string, actual: number): void {
  const declared = el(seg, 1);
  if (declared === '' || !/^\d+$/.test(declared)) {
    report.finding('bad-count', seg.index, seg.tag, seg.offset, `${seg.tag} count "${declared}" is not a number`);
  } else if (Number(declared) !== actual) {
    report.finding('count-mismatch', seg.index, seg.tag, seg.offset, `${seg.tag} declares ${declared} ${what}; there are ${actual}`);
  }
}

function sameRef(seg: Segment, report: Report, expected: string | null, what: string): void {
  const got = el(seg, 2);
  if (expected !== null && got !== expected)
    report.finding('reference-mismatch', seg.index, seg.tag, seg.offset, `${seg.tag} reference "${got}" differs from the ${what} reference "${expected}"`);
}

/** Splits segments into messages and checks UNT/UNE/UNZ counts and references; deviations are findings. */
export function readEnvelope(segments: Segments, report: Report): Envelope {
  const env: Envelope = { sender: null, recipient: null, reference: null, prepared: null, messages: [] };
  let open: MessageSpan | null = null;
  let group: { reference: string; messages: number } | null = null;
  let groups = 0;
  let sawUnb = false;
  let sawUnz = false;
  const close = (last: number) => {
    if (open) {
      open.last = last;
      env.messages.push(open);
      if (group) group.messages++;
      open = null;
    }
  };
  const seg = segments.cursor(); // one object walks the segments; a message keeps only their positions
  for (let i = 0; i < segments.count; i++) {
    seg.moveTo(i);
    switch (seg.tag) {
      case 'UNB':
        if (sawUnb) {
          report.finding('several-interchanges', seg.index, seg.tag, seg.offset, 'a second UNB inside the interchange; read as part of the first');
          break;
        }
        sawUnb = true;
        if (seg.index > 0) report.finding('unexpected-segment', seg.index, seg.tag, seg.offset, 'UNB is not the first segment');
        env.sender = orNull(el(seg, 2));
        env.recipient = orNull(el(seg, 3));
        env.prepared = unbDate(el(seg, 4), el(seg, 4, 2));
        env.reference = orNull(el(seg, 5));
        break;
      case 'UNG':
        groups++;
        group = { reference: el(seg, 5), messages: 0 };
        break;
      case 'UNE':
        if (!group) report.finding('unexpected-segment', seg.index, seg.tag, seg.offset, 'UNE without UNG');
        else {
          if (open) {
            report.finding('missing-trailer', seg.index, 'UNT', seg.offset, `message ${(open as MessageSpan).reference} has no UNT`);
            close(seg.index - 1);
          }
          count(seg, report, 'messages', group.messages);
          sameRef(seg, report, group.reference, 'UNG');
          group = null;
        }
        break;
      case 'UNH': {
        if (open) {
          report.finding('missing-trailer', seg.index, 'UNT', seg.offset, `message ${(open as MessageSpan).reference} has no UNT before the next UNH`);
          close(seg.index - 1);
        }
        const seq = el(seg, 4);
        const flag = el(seg, 4, 2).toUpperCase();
        open = {
          first: seg.index,
          last: seg.index,
          reference: el(seg, 1),
          type: el(seg, 2).toUpperCase(),
          version: [el(seg, 2, 2), el(seg, 2, 3)].filter(Boolean).join(':'),
          commonAccessReference: orNull(el(seg, 3)),
          sequence: /^\d+$/.test(seq) ? Number(seq) : null,
          final: flag !== 'C',
        };
        break;
      }
      case 'UNT':
        if (!open) report.finding('unexpected-segment', seg.index, seg.tag, seg.offset, 'UNT without UNH');
        else {
          const o: MessageSpan = open;
          count(seg, report, 'segments', seg.index - o.first + 1);
          sameRef(seg, report, o.reference, 'UNH');
          close(seg.index);
        }
        break;
      case 'UNZ':
        if (open) {
          report.finding('missing-trailer', seg.index, 'UNT', seg.offset, `message ${(open as MessageSpan).reference} has no UNT`);
          close(seg.index - 1);
        }
        if (group) {
          report.finding('missing-trailer', seg.index, 'UNE', seg.offset, 'functional group has no UNE');
          group = null;
        }
        sawUnz = true;
        count(seg, report, groups ? 'groups' : 'messages', groups || env.messages.length);
        sameRef(seg, report, env.reference, 'UNB');
        break;
      default:
        if (!open) report.finding('segment-outside-message', seg.index, seg.tag, seg.offset, `${seg.tag} outside UNH…UNT`);
    }
  }
  if (open) {
    report.finding('missing-trailer', null, 'UNT', null, `message ${(open as MessageSpan).reference} has no UNT`);
    close(segments.count - 1);
  }
  if (segments.count && !sawUnb) report.finding('missing-header', 0, 'UNB', segments.at(0).offset, 'no UNB interchange header');
  if (segments.count && !sawUnz) report.finding('missing-trailer', null, 'UNZ', null, 'no UNZ interchange trailer');
  return env;
}
