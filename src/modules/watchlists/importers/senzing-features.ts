// Senzing attributes to FtM values: names, dates, countries, gender, addresses, documents and identifiers.
import { model } from '../../../core/model/index.js';
import { addressOf, documentOf, type ListEntity } from './list-entity.js';
import type { ImportedEntity } from './types.js';

/** One Senzing attribute group (the record itself, or an object of one of its lists). */
export type Attrs = Record<string, unknown>;

const TOPICS = model.typeValues('topic') ?? new Set<string>();

/** A Senzing value as text: strings and numbers; anything else is no value. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function nameOf(g: Attrs): string {
  const full = str(g.NAME_FULL) ?? str(g.NAME_ORG);
  if (full?.trim()) return full;
  return [g.NAME_PREFIX, g.NAME_FIRST, g.NAME_MIDDLE, g.NAME_LAST, g.NAME_SUFFIX]
    .map(str)
    .filter((p) => p?.trim())
    .join(' ');
}

export function addNames(e: ListEntity, gs: Attrs[]): void {
  const person = e.schema === 'Person';
  const names = gs.map((g) => ({ g, name: nameOf(g), type: str(g.NAME_TYPE)?.trim().toUpperCase() ?? '' })).filter((n) => n.name.trim());
  const primary = names.find((n) => n.type === 'PRIMARY') ?? names[0];
  for (const n of names) {
    const prop = n === primary ? 'name' : /^(FORMER|FKA|PREVIOUS)$/.test(n.type) ? 'previousName' : 'alias';
    e.add(prop, n.name);
    if (person && n === primary) e.add('firstName', str(n.g.NAME_FIRST)).add('middleName', str(n.g.NAME_MIDDLE)).add('lastName', str(n.g.NAME_LAST));
  }
}

function addIdentifier(e: ListEntity, out: ImportedEntity[], recordId: string, type: string, number: string): void {
  const t = type.trim().toUpperCase();
  if (t === 'OPEN_SANCTIONS' && number.trim() === recordId) return; // the record's own id, already its entity id
  if (t === 'WIKIDATA') e.add('wikidataId', number);
  else if (t === 'LEI' && has(e, 'leiCode')) e.add('leiCode', number);
  else if (t === 'IMO' && has(e, 'imoNumber')) e.add('imoNumber', number);
  else if (t === 'PASSPORT') pushDoc(e, out, 'passport', number);
  else if (has(e, 'idNumber')) e.add('idNumber', number);
  else e.note(`${type.trim() || 'identifier'}: ${number}`);
}

function has(e: ListEntity, prop: string): boolean {
  return model.getSchema(e.schema)?.getProperty(prop) !== undefined;
}

function pushDoc(e: ListEntity, out: ImportedEntity[], type: string, number: string | undefined, country?: string): void {
  if (!number?.trim() || !has(e, 'idNumber')) return;
  const doc = documentOf(e, { type, number, ...(country ? { country } : {}) });
  if (doc) out.push(doc.build());
}

/** Adds one attribute group's values other than names and relationships. */
export function addAttributes(e: ListEntity, out: ImportedEntity[], recordId: string, g: Attrs): void {
  const person = e.schema === 'Person';
  const v = (k: string) => str(g[k]);
  if (person) {
    e.addDate('birthDate', v('DATE_OF_BIRTH'), 'date of birth').addDate('deathDate', v('DATE_OF_DEATH'), 'date of death');
    e.addCountry('nationality', v('NATIONALITY'), 'nationality').addCountry('citizenship', v('CITIZENSHIP'), 'citizenship');
    e.add('birthPlace', v('PLACE_OF_BIRTH')).addGender(v('GENDER')).add('socialSecurityNumber', v('SSN_NUMBER'));
  } else {
    e.addCountry('country', v('NATIONALITY'), 'nationality').addCountry('country', v('CITIZENSHIP'), 'citizenship');
    if (has(e, 'incorporationDate')) e.addDate('incorporationDate', v('REGISTRATION_DATE'), 'registration date');
    if (has(e, 'jurisdiction')) e.addCountry('jurisdiction', v('REGISTRATION_COUNTRY'), 'registration country');
  }
  e.addCountry('country', v('COUNTRY_OF_ASSOCIATION'), 'country');
  if (has(e, 'phone')) e.add('phone', v('PHONE_NUMBER')).add('email', v('EMAIL_ADDRESS')).add('website', v('WEBSITE_ADDRESS'));
  if (has(e, 'taxNumber')) e.add('taxNumber', v('TAX_ID_NUMBER')).add('leiCode', v('LEI_NUMBER')).add('dunsCode', v('DUNS_NUMBER'));
  pushDoc(e, out, 'passport', v('PASSPORT_NUMBER'), v('PASSPORT_COUNTRY'));
  pushDoc(e, out, v('NATIONAL_ID_TYPE')?.trim() || 'national id', v('NATIONAL_ID_NUMBER'), v('NATIONAL_ID_COUNTRY'));
  pushDoc(e, out, 'driving licence', v('DRIVERS_LICENSE_NUMBER')); // its issuing state is no country
  for (const kind of ['TRUSTED', 'OTHER']) {
    const number = v(`${kind}_ID_NUMBER`);
    if (number?.trim()) addIdentifier(e, out, recordId, v(`${kind}_ID_TYPE`) ?? '', number);
  }
  const topic = v('TOPIC')?.trim();
  if (topic) e.add(TOPICS.has(topic) ? 'topics' : 'keywords', topic);
  const line = [1, 2, 3, 4, 5, 6].map((i) => v(`ADDR_LINE${i}`)).filter((x) => x?.trim());
  const full = v('ADDR_FULL');
  if (full?.trim() || line.length || v('ADDR_CITY')?.trim()) {
    const street = line.join(', ');
    const address = addressOf(e, {
      full: full ?? '',
      street,
      city: v('ADDR_CITY') ?? '',
      region: v('ADDR_STATE') ?? '',
      postalCode: v('ADDR_POSTAL_CODE') ?? '',
      country: v('ADDR_COUNTRY') ?? '',
    });
    if (address) out.push(address.build());
  }
}
