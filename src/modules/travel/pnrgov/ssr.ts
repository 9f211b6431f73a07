// Decodes the AIRIMP free text PNRs carry: SSR DOCS/DOCO/DOCA/FOID, contact SSRs and OSIs (CTCE/CTCM…), and ADD addresses.
import { documentKind, sexCode } from '../edifact/build.js';
import { airimpDate } from '../edifact/values.js';
import type { Address, Contact, TravelDocument, Traveller } from '../types.js';

const nul = (v: string | undefined): string | null => {
  const t = (v ?? '').trim().toUpperCase();
  return t === '' ? null : t;
};

/** The `/`-separated fields of an SSR free text, without the leading slash. */
function fields(text: string): string[] {
  const t = text.trim();
  return (t.startsWith('/') ? t.slice(1) : t).split('/');
}

export interface DocsData {
  document: TravelDocument;
  nationality: string | null;
  birthDate: string | null;
  sex: Traveller['sex'];
  infant: boolean;
}

/** SSR DOCS: `/P/GBR/123456789/GBR/12JUL64/M/23AUG29/SURNAME/GIVEN/MIDDLE[/H]`. */
export function decodeDocs(text: string, referenceYear: number): DocsData {
  const f = fields(text);
  const code = nul(f[0]) ?? '';
  const sexRaw = nul(f[5]) ?? '';
  return {
    document: {
      code,
      kind: documentKind(code),
      number: nul(f[2]),
      issuingCountry: nul(f[1]),
      expiry: airimpDate(f[6] ?? '', 'expiry', referenceYear),
      issued: null,
      source: 'DOCS',
      surname: nul(f[7]),
      givenNames: [f[8], f[9]].map(nul).filter(Boolean).join(' ') || null,
    },
    nationality: nul(f[3]),
    birthDate: airimpDate(f[4] ?? '', 'birth', referenceYear),
    sex: sexCode(sexRaw),
    infant: sexRaw === 'MI' || sexRaw === 'FI',
  };
}

/** SSR DOCO: `/PLACE OF BIRTH/V/NUMBER/PLACE OF ISSUE/DDMMMYY/APPLICABLE COUNTRY[/I]`. */
export function decodeDoco(text: string, referenceYear: number): { document: TravelDocument; birthPlace: string | null } {
  const f = fields(text);
  const code = nul(f[1]) ?? '';
  return {
    birthPlace: nul(f[0]),
    document: {
      code,
      kind: documentKind(code),
      number: nul(f[2]),
      issuingCountry: null,
      expiry: null,
      issued: airimpDate(f[4] ?? '', 'event', referenceYear),
      source: 'DOCO',
      placeOfIssue: nul(f[3]),
      applicableCountry: nul(f[5]),
    },
  };
}

/** SSR DOCA: `/R/USA/STREET/CITY/STATE/POSTAL[/I]` (R residence, D destination). */
export function decodeDoca(text: string): Address {
  const f = fields(text);
  const t = nul(f[0]);
  return {
    kind: t === 'R' ? 'residence' : t === 'D' ? 'destination' : 'other',
    country: nul(f[1]),
    street: nul(f[2]),
    city: nul(f[3]),
    region: nul(f[4]),
    postalCode: nul(f[5]),
  };
}

/** SSR FOID: `PPX1234567` or `/NI1234567`: an identity document (payment cards and other ids are not kept). */
export function decodeFoid(text: string): TravelDocument | null {
  const t = text.replace(/^\/+/, '').trim().toUpperCase();
  const m = /^(PP|NI|ID)\s*([A-Z0-9]+)/.exec(t);
  if (!m) return null;
  const code = m[1] === 'PP' ? 'P' : 'I';
  return { code, kind: documentKind(code), number: m[2]!, issuingCountry: null, expiry: null, issued: null, source: 'FOID' };
}

/** `CTCE /JANE.SPECIMEN//EXAMPLE.ORG`, `CTCM 491701234567` …, in an OSI, IFT or SSR; `//` stands for `@`. */
export function decodeContact(kindCode: string, text: string, source: string): Contact | null {
  const v = text.replace(/^[\s/]+/, '').trim();
  if (!v) return null;
  if (kindCode === 'CTCE') return { kind: 'email', value: v.replace('//', '@').replace(/\.\./g, '_').toLowerCase(), source };
  if (/^CTC[MHBPR]$/.test(kindCode)) return { kind: 'phone', value: v.replace(/\s+/g, ' '), source };
  return { kind: 'other', value: v, source };
}

/** A free text starting with a contact code (`CTCE …`, `CTCM…`), as OSIs and remarks carry them. */
export function contactInText(text: string, source: string): Contact | null {
  const m = /^\s*(CTC[EMHBPR])\s*(.*)$/i.exec(text);
  return m ? decodeContact(m[1]!.toUpperCase(), m[2]!, source) : null;
}
