// Retention periods (EU PNR Directive 2016/681 art. 12): depersonalise after 6 months, delete after 5 years; configurable.
import type { Config } from '../../../platform/config.js';

export interface RetentionPolicy {
  /** Months after receipt when API and PNR data are depersonalised (art. 12(2): 6). */
  depersonaliseAfterMonths: number;
  /** Months after receipt when they are deleted unless linked to a confirmed alert (art. 12(4): 5 years). */
  deleteAfterMonths: number;
  /** Hours an approved re-personalisation may be used by its requester. */
  approvalHours: number;
}

export const DEFAULT_POLICY: RetentionPolicy = { depersonaliseAfterMonths: 6, deleteAfterMonths: 60, approvalHours: 24 };

/** Proposed configuration keys (read when the platform's Config declares them; the defaults otherwise). */
type RetentionConfig = Partial<{ travelDepersonaliseMonths: number; travelDeleteMonths: number }>;

export function policyOf(config: Config): RetentionPolicy {
  const c = config as Config & RetentionConfig;
  return {
    ...DEFAULT_POLICY,
    ...(typeof c.travelDepersonaliseMonths === 'number' ? { depersonaliseAfterMonths: c.travelDepersonaliseMonths } : {}),
    ...(typeof c.travelDeleteMonths === 'number' ? { deleteAfterMonths: c.travelDeleteMonths } : {}),
  };
}

/** `now` minus whole calendar months, in UTC (31 August minus 6 months is 28/29 February, as `Date` rolls over otherwise). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
