// The auxiliaries of a listed entity every official list has: its Sanction, Addresses and identity documents.
import { countryName, model } from '../../../core/model/index.js';
import { ListEntity, clean, digest } from './list-entity.js';

/** The Sanction auxiliary of a listed entity. */
export function sanctionOf(owner: ListEntity, authority: string, suffix = 'sanction'): ListEntity {
  return new ListEntity('Sanction', `${owner.id}-${suffix}`, owner.sourceId, false, owner.id).add('entity', owner.id).add('authority', authority);
}

/** Address parts of a list entry. */
export interface AddressParts {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  remarks?: string;
  full?: string;
}

/** The Address auxiliary of `owner` (linked from it by addressEntity), or undefined when every part is empty. */
export function addressOf(owner: ListEntity, parts: AddressParts): ListEntity | undefined {
  const p = {
    street: clean(parts.street),
    city: clean(parts.city),
    region: clean(parts.region),
    postalCode: clean(parts.postalCode),
    country: clean(parts.country),
  };
  const countryText = /^[A-Za-z]{2}$/.test(p.country) ? (countryName(p.country.toLowerCase()) ?? p.country) : p.country;
  const full = clean(parts.full) || [p.street, p.city, p.region, p.postalCode, countryText].filter(Boolean).join(', ');
  if (!full && !clean(parts.remarks)) return undefined;
  const id = `${owner.id}-addr-${digest(full, parts.remarks)}`;
  const address = new ListEntity('Address', id, owner.sourceId, false, owner.id)
    .add('full', full)
    .add('street', p.street)
    .add('city', p.city)
    .add('region', p.region)
    .add('postalCode', p.postalCode)
    .addCountry('country', p.country)
    .add('remarks', parts.remarks);
  owner.add('addressEntity', id);
  if (address.has('country')) owner.add('country', ...address.get('country'));
  return address;
}

/** Identity document parts of a list entry. */
export interface DocumentParts {
  type: string;
  number: string;
  country?: string;
  issued?: string;
  expires?: string;
  authority?: string;
  description?: string;
}

/** A Passport (when the type says so) or Identification auxiliary held by `owner`; also sets the owner's passportNumber or idNumber. */
export function documentOf(owner: ListEntity, doc: DocumentParts): ListEntity | undefined {
  const number = clean(doc.number);
  if (!number) return undefined;
  const passport = /pass(e)?port|pasaporte/i.test(doc.type);
  const schema = passport ? 'Passport' : 'Identification';
  const id = `${owner.id}-doc-${digest(doc.type, number, doc.country)}`;
  const entity = new ListEntity(schema, id, owner.sourceId, false, owner.id)
    .add('holder', owner.id)
    .add('number', number)
    .add('type', doc.type)
    .addCountry('country', doc.country, 'country')
    .addDate('startDate', doc.issued, 'issued')
    .addDate('endDate', doc.expires, 'expires')
    .add('authority', doc.authority)
    .add('description', doc.description);
  const ownerProp = passport && owner.schema === 'Person' ? 'passportNumber' : 'idNumber';
  if (model.getSchema(owner.schema)?.getProperty(ownerProp)) owner.add(ownerProp, number);
  return entity;
}
