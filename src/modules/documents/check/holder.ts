// The holder of a document as a screening query: name, birth date, nationality, sex and the document itself, from the MRZ.
import type { MrzResult } from '../../../core/mrz/index.js';

export interface HolderQuery {
  name: string;
  birthDate?: string;
  nationality?: string;
  gender?: 'male' | 'female';
  documents?: Array<{ type?: string; number: string; country?: string }>;
}

const DOCUMENT_TYPES: Readonly<Record<string, string>> = { P: 'passport', I: 'idCard', A: 'idCard', C: 'idCard', V: 'visa' };

/** Null when the MRZ gives no name to screen. Fields are used only when they were read validly. */
export function holderQuery(m: MrzResult): HolderQuery | null {
  const f = m.fields;
  const good = (k: string) => (f[k]?.valid && f[k]?.value ? f[k].value : null);
  const name = [f.firstNames?.value, f.lastName?.value]
    .filter((x): x is string => !!x && !!x.trim())
    .join(' ')
    .trim();
  if (!name || !/[A-Z]/i.test(name)) return null;
  const q: HolderQuery = { name };
  const birth = good('birthDate');
  if (birth) q.birthDate = birth;
  const nationality = m.nationalityCountry?.alpha2;
  if (nationality) q.nationality = nationality;
  const sex = f.sex?.value;
  if (sex === 'M' || sex === 'male') q.gender = 'male';
  else if (sex === 'F' || sex === 'female') q.gender = 'female';
  const number = f.documentNumber?.value;
  if (number) {
    const code = f.documentCode?.value?.[0];
    const type = code ? DOCUMENT_TYPES[code] : undefined;
    const country = m.issuingCountry?.alpha2;
    q.documents = [{ number, ...(type ? { type } : {}), ...(country ? { country } : {}) }];
  }
  return q;
}
