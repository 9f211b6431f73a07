// Importer of the UK Sanctions List XML published by the FCDO (Designations/Designation) into FtM persons, organisations and ships.
import { readXml, child, childrenNamed, descendants, textOf, textsOf, type XmlElement } from './xml-reader.js';
import { ListEntity, buildAll, clean, onlyPath, own } from './list-entity.js';
import { addressOf, documentOf, sanctionOf } from './list-auxiliaries.js';
import { ImportError, type ImportContext, type ImportedEntity, type Importer, type ImportSource } from './types.js';

export const ukImporter: Importer = {
  format: 'uk',
  description: 'UK Sanctions List (FCDO XML)',
  read: readUk,
};

const AUTHORITY = 'UK Foreign, Commonwealth & Development Office';
const SCHEMATA: Record<string, string> = { individual: 'Person', entity: 'Organization', ship: 'Vessel' };

async function* readUk(source: ImportSource, ctx: ImportContext): AsyncIterable<ImportedEntity> {
  const file = onlyPath(source, 'uk');
  const records = readXml(file, {
    root: 'Designations',
    isRecord: (p) => p.length === 2 && p[1] === 'Designation',
    onProgress: ctx.onProgress,
    signal: ctx.signal,
  });
  for await (const r of records) {
    const id = textOf(r.element, 'UniqueID');
    if (!/^[\w.-]{1,64}$/.test(id)) throw new ImportError('<Designation> without a UniqueID', { file, line: r.line, column: r.column, offset: r.offset });
    yield* designation(r.element, id);
  }
}

/** All texts of elements named `name` anywhere below `el`. */
function all(el: XmlElement | undefined, name: string): string[] {
  return descendants(el, name)
    .map((d) => textOf(d))
    .filter(Boolean);
}

/** UK dates are `dd/mm/yyyy`, with the letters `dd` and `mm` standing for an unknown day or month. */
function ukDate(raw: string): string {
  const m = /^(dd|\d{1,2})\/(mm|\d{1,2})\/(\d{4})$/i.exec(clean(raw));
  if (!m) return clean(raw).replace(/T00:00:00(\.0+)?Z?$/, '');
  const [, d, mo, y] = m;
  if (/mm/i.test(mo!)) return y!;
  return /dd/i.test(d!) ? `${y}-${mo!.padStart(2, '0')}` : `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

function designation(el: XmlElement, id: string): ImportedEntity[] {
  const kind = textOf(el, 'IndividualEntityShip');
  const e = new ListEntity(own(SCHEMATA, kind.toLowerCase()) ?? 'LegalEntity', `uk-${id}`, id, true);
  const person = e.schema === 'Person';
  const legal = e.schema !== 'Vessel';
  const names = childrenNamed(child(el, 'Names'), 'Name');
  names.sort((a, b) => Number(/^primary name$/i.test(textOf(b, 'NameType'))) - Number(/^primary name$/i.test(textOf(a, 'NameType'))));
  for (const n of names) {
    const parts = ['Name1', 'Name2', 'Name3', 'Name4', 'Name5', 'Name6'].map((p) => textOf(n, p));
    const full = parts.filter(Boolean).join(' ');
    if (!e.has('name')) {
      e.add('name', full);
      if (person) e.add('firstName', parts[0]).add('middleName', parts.slice(1, 5).filter(Boolean).join(' ')).add('lastName', parts[5]);
    } else e.add(/low/i.test(textOf(n, 'AliasStrength')) ? 'weakAlias' : 'alias', full);
  }
  for (const n of childrenNamed(child(el, 'NonLatinNames'), 'NonLatinName')) e.add('alias', textOf(n, 'NameNonLatinScript'));
  e.drop('alias', e.get('name'));
  e.addDate('modifiedAt', ukDate(textOf(el, 'LastUpdated')), 'last updated');
  e.add('notes', textOf(el, 'OtherInformation'));
  if (legal) e.add('phone', ...all(child(el, 'PhoneNumbers'), 'PhoneNumber')).add('email', ...all(child(el, 'EmailAddresses'), 'EmailAddress'));
  if (legal) e.add('website', ...all(child(el, 'Websites'), 'Website'));
  const aux: ListEntity[] = [];
  const individual = child(el, 'IndividualDetails');
  if (person) {
    for (const d of all(individual, 'DOB')) e.addDate('birthDate', ukDate(d), 'DOB');
    for (const n of all(individual, 'Nationality')) e.addCountry('nationality', n, 'nationality');
    for (const loc of descendants(child(individual, 'Individual') ?? individual, 'Location')) {
      const country = textOf(loc, 'CountryOfBirth');
      e.add('birthPlace', [textOf(loc, 'TownOfBirth'), country].filter(Boolean).join(', ')).addCountry('birthCountry', country, 'country of birth');
    }
    e.add('position', ...all(individual, 'Position')).add('title', ...all(individual, 'Title'));
    for (const g of all(individual, 'Gender')) e.addGender(g);
    for (const [tag, type] of [
      ['PassportNumber', 'Passport'],
      ['NationalIdentifierNumber', 'National identifier'],
    ] as const) {
      for (const n of descendants(individual, tag)) {
        const holder = individual ? parentOf(individual, n) : undefined;
        const info = holder ? textOf(holder, tag.replace('Number', 'AdditionalInformation')) : '';
        const doc = documentOf(e, { type, number: textOf(n), description: info });
        if (doc) aux.push(doc);
      }
    }
  }
  const entity = child(el, 'EntityDetails');
  if (legal) {
    e.add('registrationNumber', ...all(entity, 'BusinessRegistrationNumber'));
    if (e.schema !== 'Person') e.add('legalForm', ...all(entity, 'TypeOfEntity'));
    for (const p of all(entity, 'ParentCompany')) e.note(`parent company: ${p}`);
    for (const s of all(entity, 'Subsidiary')) e.note(`subsidiary: ${s}`);
  }
  const ship = child(el, 'ShipDetails');
  if (e.schema === 'Vessel') {
    for (const imo of all(ship, 'IMONumber')) e.add('imoNumber', /^\d{7}$/.test(imo) ? `IMO ${imo}` : imo);
    for (const f of all(ship, 'CurrentBelievedFlagOfShip')) e.addCountry('flag', f, 'flag');
    for (const f of all(ship, 'PreviousFlag')) e.addCountry('pastFlags', f, 'previous flag');
    e.add('type', ...all(ship, 'TypeOfShip')).add('tonnage', ...all(ship, 'Tonnage'));
    for (const y of all(ship, 'YearBuilt')) e.addDate('buildDate', y, 'year built');
  }
  for (const a of childrenNamed(child(el, 'Addresses'), 'Address')) {
    const lines = ['AddressLine1', 'AddressLine2', 'AddressLine3', 'AddressLine4', 'AddressLine5', 'AddressLine6'].map((l) => textOf(a, l)).filter(Boolean);
    const country = textOf(a, 'AddressCountry');
    const postal = textOf(a, 'AddressPostalCode');
    const address = addressOf(e, { full: [...lines, postal, country].filter(Boolean).join(', '), street: lines.join(', '), postalCode: postal, country });
    if (address) aux.push(address);
  }
  const sanction = sanctionOf(e, AUTHORITY).add('program', textOf(el, 'RegimeName')).add('authorityId', id, textOf(el, 'OFSIGroupID'));
  sanction.add('unscId', textOf(el, 'UNReferenceNumber')).add('provisions', ...textOf(el, 'SanctionsImposed').split('|'));
  sanction.add('reason', textOf(el, 'UKStatementofReasons'));
  for (const s of textsOf(el, 'DesignationSource')) sanction.add('description', `designation source: ${s}`);
  sanction.addDate('listingDate', ukDate(textOf(el, 'DateDesignated')), 'date designated');
  return buildAll([e, sanction, ...aux]);
}

/** The element whose children include `target`. */
function parentOf(root: XmlElement, target: XmlElement): XmlElement | undefined {
  if (root.children.includes(target)) return root;
  for (const c of root.children) {
    const found = parentOf(c, target);
    if (found) return found;
  }
  return undefined;
}
