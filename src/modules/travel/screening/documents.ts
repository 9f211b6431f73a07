// Travel documents as the border sees them: well-formed for an MRZ, valid on the day of travel, issued by a known State.
import { z } from 'zod';
import { mrzCountry } from '../../../core/mrz/index.js';
import type { TravelDocument } from '../types.js';

export const DocumentProblem = z.object({
  number: z.string().nullable(),
  code: z.enum(['expired', 'bad-number', 'unknown-country', 'no-number']),
  detail: z.string(),
});
export type DocumentProblem = z.infer<typeof DocumentProblem>;

/** MRZ-level checks of document data from API/PNR (the MRZ itself is not sent): characters, length, country, expiry. */
export function documentProblems(docs: readonly TravelDocument[], travelDate: string | null): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  for (const d of docs) {
    if (d.kind === 'visa') continue;
    const n = d.number;
    if (!n) {
      out.push({ number: null, code: 'no-number', detail: `${d.kind} without a number` });
      continue;
    }
    // Doc 9303: letters A-Z and digits; 9 characters in the number field, longer ones continued (TD1/TD2).
    if (!/^[A-Z0-9]{1,22}$/.test(n)) out.push({ number: n, code: 'bad-number', detail: `"${n}" holds characters an MRZ cannot (only A-Z and 0-9)` });
    if (d.issuingCountry && !mrzCountry(d.issuingCountry))
      out.push({ number: n, code: 'unknown-country', detail: `issuing State "${d.issuingCountry}" is not a Doc 9303 code` });
    if (d.expiry && travelDate && d.expiry < travelDate.slice(0, 10))
      out.push({ number: n, code: 'expired', detail: `expired on ${d.expiry}, before the flight of ${travelDate.slice(0, 10)}` });
  }
  return out;
}
