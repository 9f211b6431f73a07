// The verdict of a document check from its reasons: `stop` (hold the document and traveller for a second look), `attention` (an
// officer must look at something before waving through), `clear` (nothing found). Pure, so the rule is one place and tested.

export type Verdict = 'clear' | 'attention' | 'stop';
export type Severity = 'stop' | 'attention' | 'info';

/** Stable codes of the reasons a check gives; the API and the web key their texts on them. */
export const REASON_CODES = {
  'mrz-unreadable': 'attention',
  'mrz-invalid': 'attention',
  'mrz-suggestion': 'info',
  'mrz-valid': 'info',
  specimen: 'attention',
  expired: 'attention',
  'lost-exact': 'stop',
  'lost-fuzzy': 'attention',
  'lost-none': 'info',
  'registry-empty': 'attention',
  'holder-listed': 'stop',
  'holder-clear': 'info',
  'holder-not-screened': 'attention',
  'chip-passed': 'info',
  'chip-failed': 'stop',
  'chip-inconclusive': 'attention',
} as const satisfies Record<string, Severity>;

export type ReasonCode = keyof typeof REASON_CODES;

export interface Reason {
  code: ReasonCode;
  severity: Severity;
  detail: string;
  /** Where in the MRZ, when the reason is about a field. */
  field?: string;
  line?: number;
  column?: number;
  /** Ids of the records behind the reason: registry report ids, listed entity ids. */
  ids?: string[];
}

export const reason = (code: ReasonCode, detail: string, more: Omit<Reason, 'code' | 'severity' | 'detail'> = {}): Reason => ({
  code,
  severity: REASON_CODES[code],
  detail,
  ...more,
});

const RANK: Record<Severity, number> = { stop: 0, attention: 1, info: 2 };

/** The gravest reason decides; reasons come back gravest first (stable within a severity). */
export function decide(reasons: readonly Reason[]): { verdict: Verdict; reasons: Reason[] } {
  const sorted = [...reasons].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const top = sorted[0]?.severity;
  return { verdict: top === 'stop' ? 'stop' : top === 'attention' ? 'attention' : 'clear', reasons: sorted };
}
