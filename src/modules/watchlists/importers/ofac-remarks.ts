// Reads the structured parts of OFAC SDN remarks (DOB, POB, nationality, gender, documents, vessel and aircraft data) into an entity.
import { ListEntity } from './list-entity.js';
import { documentOf } from './list-auxiliaries.js';

const MAX_PART = 500;
const PASSPORTS = new Set(['Passport', 'Diplomatic Passport', 'Official Passport', 'Service Passport', 'Stateless Person Passport', 'Passport Booklet']);

/** Identity document and registration labels OFAC writes as `<label> <number> (<country>) issued <date> expires <date>`. */
const ID_TYPES = new Set([
  'National ID No.',
  'Cedula No.',
  'NIT #',
  'Tax ID No.',
  'Registration ID',
  'R.F.C.',
  'R.F.C. #',
  'RFC',
  'C.U.R.P.',
  'C.U.R.P. #',
  'Registration Number',
  'Government Gazette Number',
  'RUC #',
  'Folio Mercantil No.',
  'Identification Number',
  'Company Number',
  'UK Company Number',
  'Matricula Mercantil No',
  'Commercial Registry Number',
  'Unified Social Credit Code (USCC)',
  'United Social Credit Code Certificate (USCCC)',
  'D.N.I.',
  'C.R. No.',
  'Business Registration Number',
  'V.A.T. Number',
  'RIF #',
  'Trade License No.',
  'Electoral Registry No.',
  "Driver's License No.",
  'Business Registration Document #',
  'Legal Entity Number',
  'Public Registration Number',
  'Personal ID Card',
  'US FEIN',
  'National Foreign ID Number',
  'Chamber of Commerce Number',
  'SSN',
  'Residency Number',
  'I.F.E.',
  'Birth Certificate Number',
  'Registered Charity No.',
  'C.U.I.T.',
  'LE Number',
  'Certificate of Incorporation Number',
  'C.U.I.P.',
  'Turkish Identification Number',
  'Numero de Identidad',
  'RTN',
  "Citizen's Card Number",
  'Kenyan ID No.',
  'Travel Document Number',
  'Enterprise Number',
  'Tazkira National ID Card',
  'File Number',
  'C.U.I.',
  'Business Number',
  'Credencial electoral',
  'Cartilla de Servicio Militar Nacional',
  'Italian Fiscal Code',
  'Branch Unit Number',
  'D-U-N-S Number',
  'BIK (RU)',
  'Dubai Chamber of Commerce Membership No.',
  'C.I.F.',
  'Pilot License Number',
  'SRE Permit No.',
  'Immigration No.',
  'VisaNumberID',
]);

/** After the label: number, country in parentheses, then issue and expiry dates. */
const DOCUMENT = /^([A-Za-z0-9][^()]*?)(?: \(([^()]+)\))?(?: issued (.+?))?(?: expires (.+?))?$/;
const LABELS = [...PASSPORTS, ...ID_TYPES].sort((a, b) => b.length - a.length);

/** The remarks split at semicolons, each trimmed of a final period and an `alt.` prefix. */
export function remarkParts(remarks: string): string[] {
  return remarks
    .split(';')
    .map((p) =>
      p
        .trim()
        .replace(/\.$/, '')
        .replace(/^alt\.\s+/i, ''),
    )
    .filter(Boolean);
}

/** A document remark: its label (the longest known one it starts with) and the parts after it. */
function documentRemark(part: string): { label: string; m: RegExpExecArray } | undefined {
  for (const label of LABELS) {
    if (!part.startsWith(label)) continue;
    const rest = /^:? (.*)$/.exec(part.slice(label.length));
    const m = rest ? DOCUMENT.exec(rest[1]!) : null;
    if (m) return { label, m };
  }
  return undefined;
}

/** Applies what the remarks reliably state; the full text is kept in the notes by the caller. Returns the document auxiliaries. */
export function applyRemarks(e: ListEntity, remarks: string): ListEntity[] {
  const docs: ListEntity[] = [];
  for (const part of remarkParts(remarks)) {
    const doc = applyRemark(e, part);
    if (doc instanceof ListEntity) docs.push(doc);
  }
  return docs;
}

/** Applies one remark (`DOB 12 Jan 1965`, `Passport A1234567 (Iran)`…); true when understood, or the document it names. */
export function applyRemark(e: ListEntity, part: string): ListEntity | boolean {
  if (part.length > MAX_PART) return false; // kept in the notes only; bounds the cost of the patterns below
  const person = e.schema === 'Person';
  const legal = e.schema !== 'Vessel' && e.schema !== 'Airplane';
  let m: RegExpExecArray | null;
  if ((m = /^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.) '(.+)'$/.exec(part))) {
    e.add(m[1] === 'f.k.a.' ? 'previousName' : m[1] === 'n.k.a.' ? 'alias' : 'weakAlias', m[2]);
  } else if (person && (m = /^DOB (.+)$/.exec(part))) e.addDate('birthDate', m[1], 'DOB');
  else if (person && (m = /^POB (.+)$/.exec(part))) {
    e.add('birthPlace', m[1]);
    e.addCountry('birthCountry', m[1]!.split(',').pop(), 'POB country');
  } else if (person && (m = /^nationality (.+)$/i.exec(part))) e.addCountry('nationality', m[1], 'nationality');
  else if (person && (m = /^citizen (.+)$/.exec(part))) e.addCountry('citizenship', m[1], 'citizen');
  else if (person && (m = /^Gender (Male|Female)$/i.exec(part))) e.addGender(m[1]);
  else if ((m = /^(?:Vessel Registration Identification|Identification Number|Company Number) (IMO \d{7})$/.exec(part))) {
    if (e.schema === 'Vessel' || e.schema === 'Organization') e.add('imoNumber', m[1]);
    else return false;
  } else if (e.schema === 'Vessel' && (m = /^MMSI (\d{9})$/.exec(part))) e.add('mmsi', m[1]);
  else if (e.schema === 'Vessel' && (m = /^Former Vessel Flag (.+)$/.exec(part))) e.addCountry('pastFlags', m[1], 'former flag');
  else if (e.schema === 'Vessel' && (m = /^Vessel Year of Build (\d{4})$/.exec(part))) e.addDate('buildDate', m[1]);
  else if (e.schema === 'Airplane' && (m = /^Aircraft Model (.+)$/.exec(part))) e.add('model', m[1]);
  else if (e.schema === 'Airplane' && (m = /^Aircraft Manufacturer's Serial Number \(MSN\) (.+)$/.exec(part))) e.add('serialNumber', m[1]);
  else if (e.schema === 'Airplane' && (m = /^Aircraft Manufacture Date (.+)$/.exec(part))) e.addDate('buildDate', m[1], 'manufacture date');
  else if (e.schema === 'Airplane' && (m = /^Aircraft Tail Number (.+)$/.exec(part))) e.add('registrationNumber', m[1]);
  else if (e.schema === 'Airplane' && (m = /^Aircraft Mode S Transponder Code ([0-9A-Fa-f]{6})$/.exec(part))) e.add('icaoCode', m[1]);
  else if (legal && (m = /^Email Address (\S+@\S+)$/.exec(part))) e.add('email', m[1]);
  else if (legal && (m = /^Website (\S+)$/.exec(part))) e.add('website', m[1]);
  else if (legal && (m = /^(?:Telephone|Phone Number|Phone No\.|PHONE):? ([+\d()][\d ()+-]*)$/.exec(part))) e.add('phone', m[1]);
  else if (legal && (m = /^SWIFT\/BIC ([A-Z0-9]{8,11})$/.exec(part))) e.add('swiftBic', m[1]);
  else if (legal && (m = /^Organization Established Date (.+)$/.exec(part))) e.addDate('incorporationDate', m[1], 'established');
  else if (legal) {
    const found = documentRemark(part);
    if (!found || (!person && PASSPORTS.has(found.label))) return false;
    const d = found.m;
    return documentOf(e, { type: found.label, number: d[1]!, country: d[2], issued: d[3], expires: d[4] }) ?? false;
  } else return false;
  return true;
}
