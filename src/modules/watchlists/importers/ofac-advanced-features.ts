// Features of an OFAC advanced-schema profile (birth date, nationality, location, vessel data…) applied to its FtM entity.
import { child, childrenNamed, textOf, type XmlElement } from './xml-reader.js';
import { ListEntity, own } from './list-entity.js';
import { addressOf, type AddressParts } from './list-auxiliaries.js';
import { applyRemark } from './ofac-remarks.js';
import { periodDates, type AdvancedIndex } from './ofac-advanced-index.js';

const VESSEL_PROPS: Record<string, string> = {
  'Vessel Call Sign': 'callSign',
  'Vessel Type': 'type',
  'Vessel Tonnage': 'tonnage',
  'Vessel Gross Registered Tonnage': 'grossRegisteredTonnage',
};

/** A location's address parts, its country (ISO code when the reference set gives one) and the country's name. */
function location(idx: AdvancedIndex, id: string | undefined): AddressParts & { countryName: string } {
  const loc = id !== undefined ? idx.locations.get(id) : undefined;
  const country = idx.refAttrs('Country', loc?.countryId).ISO2 || idx.ref('Country', loc?.countryId);
  const parts = new Map<string, string[]>();
  for (const [t, value] of loc?.parts ?? []) {
    const type = idx.ref('LocPartType', t);
    parts.set(type, [...(parts.get(type) ?? []), value]);
  }
  const one = (...names: string[]): string => names.flatMap((n) => parts.get(n) ?? []).join(', ');
  const countryName = idx.ref('Country', loc?.countryId);
  const street = one('ADDRESS1', 'ADDRESS2', 'ADDRESS3');
  const [city, region, postalCode] = [one('CITY'), one('STATE/PROVINCE', 'REGION'), one('POSTAL CODE')];
  return {
    full: [street, city, region, postalCode, countryName].filter(Boolean).join(', '),
    street,
    city,
    region,
    postalCode,
    country,
    countryName,
    remarks: [...parts]
      .filter(([k]) => !/^(ADDRESS\d|CITY|STATE\/PROVINCE|REGION|POSTAL CODE)$/.test(k))
      .map(([k, v]) => `${k}: ${v.join(', ')}`)
      .join('; '),
  };
}

/** Applies one FeatureVersion of a feature type to the entity; returns the Address auxiliaries it names. */
export function feature(e: ListEntity, type: string, v: XmlElement, idx: AdvancedIndex): ListEntity[] {
  const texts = childrenNamed(v, 'VersionDetail').map((d) => textOf(d) || idx.ref('DetailReference', d.attrs.DetailReferenceID));
  const dates = periodDates(child(v, 'DatePeriod'));
  const places = childrenNamed(v, 'VersionLocation').map((l) => location(idx, l.attrs.LocationID));
  const person = e.schema === 'Person';
  const out: ListEntity[] = [];
  if (type === 'Birthdate' && person) e.add('birthDate', ...dates);
  else if (type === 'Place of Birth' && person) {
    for (const t of texts) applyRemark(e, `POB ${t}`);
    for (const p of places) e.add('birthPlace', [p.city, p.region, p.countryName].filter(Boolean).join(', ')).addCountry('birthCountry', p.country);
  } else if ((type === 'Nationality Country' || type === 'Citizenship Country') && person) {
    const prop = type === 'Nationality Country' ? 'nationality' : 'citizenship';
    for (const c of [...texts, ...places.map((p) => p.country)]) e.addCountry(prop, c, prop);
  } else if (type === 'Gender' && person) texts.forEach((t) => e.addGender(t));
  else if (type === 'Title' && person) e.add('position', ...texts);
  else if (type === 'Location') {
    for (const p of places) {
      const a = addressOf(e, p);
      if (a) out.push(a);
    }
  } else if (e.schema === 'Vessel' && type.startsWith('Vessel ')) {
    const prop = own(VESSEL_PROPS, type);
    if (prop) e.add(prop, ...texts);
    else if (type === 'Vessel Flag') for (const c of [...texts, ...places.map((p) => p.country)]) e.addCountry('flag', c, 'flag');
    else e.note(`${type}: ${texts.join(', ')}`);
  } else {
    for (const value of [...texts, ...dates, ...places.map((p) => [p.street, p.city, p.countryName].filter(Boolean).join(', '))]) {
      const done = applyRemark(e, `${type} ${value}`);
      if (done instanceof ListEntity) out.push(done);
      else if (!done) e.note(`${type}: ${value}`);
    }
  }
  return out;
}
