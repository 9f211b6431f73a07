// Importer of OFAC's sdn.xml (the SDN XML schema: sdnList/sdnEntry) into FtM entities with sanctions, addresses and documents.
import { readXml, child, childrenNamed, textOf, type XmlElement } from './xml-reader.js';
import { ListEntity, buildAll, onlyPath, own } from './list-entity.js';
import { addressOf, sanctionOf } from './list-auxiliaries.js';
import { applyRemark, applyRemarks } from './ofac-remarks.js';
import { OFAC_AUTHORITY } from './ofac-csv.js';
import { ImportError, type ImportContext, type ImportedEntity, type Importer, type ImportSource } from './types.js';

export const ofacXmlImporter: Importer = {
  format: 'ofac-xml',
  description: 'OFAC SDN or consolidated list as XML (sdn.xml, the SDN XML schema)',
  read: readOfacXml,
};

const SCHEMATA: Record<string, string> = { individual: 'Person', entity: 'Organization', vessel: 'Vessel', aircraft: 'Airplane' };

async function* readOfacXml(source: ImportSource, ctx: ImportContext): AsyncIterable<ImportedEntity> {
  const file = onlyPath(source, 'ofac-xml');
  const records = readXml(file, { root: 'sdnList', isRecord: (p) => p.length === 2 && p[1] === 'sdnEntry', onProgress: ctx.onProgress, signal: ctx.signal });
  for await (const r of records) {
    const uid = textOf(r.element, 'uid');
    if (!/^\d{1,12}$/.test(uid))
      throw new ImportError(`<sdnEntry> without a numeric <uid> (found ${JSON.stringify(uid.slice(0, 40))})`, {
        file,
        line: r.line,
        column: r.column,
        offset: r.offset,
      });
    yield* sdnEntry(r.element, uid);
  }
}

/** `LAST, First` as OFAC writes names in its CSV, so both formats of one publication agree. */
function fullName(el: XmlElement): string {
  const first = textOf(el, 'firstName');
  const last = textOf(el, 'lastName');
  return first && last ? `${last}, ${first}` : last || first;
}

function sdnEntry(el: XmlElement, uid: string): ImportedEntity[] {
  const type = textOf(el, 'sdnType');
  const schema = own(SCHEMATA, type.toLowerCase());
  const e = new ListEntity(schema ?? 'LegalEntity', `ofac-${uid}`, uid, true).add('name', fullName(el));
  if (!schema) e.note(`SDN type: ${type}`);
  const person = e.schema === 'Person';
  if (person) e.add('firstName', textOf(el, 'firstName')).add('lastName', textOf(el, 'lastName')).add('position', textOf(el, 'title'));
  else if (textOf(el, 'title')) e.note(`title: ${textOf(el, 'title')}`);
  for (const a of childrenNamed(child(el, 'akaList'), 'aka')) {
    const kind = textOf(a, 'type').toLowerCase();
    const weak = textOf(a, 'category').toLowerCase() === 'weak';
    e.add(kind === 'f.k.a.' ? 'previousName' : weak ? 'weakAlias' : 'alias', fullName(a));
  }
  e.drop('alias', e.get('name'));
  const aux: ListEntity[] = [];
  for (const d of childrenNamed(child(el, 'idList'), 'id')) {
    const idType = textOf(d, 'idType');
    const number = textOf(d, 'idNumber');
    const country = textOf(d, 'idCountry');
    const text = [
      idType,
      number,
      country && `(${country})`,
      textOf(d, 'issueDate') && `issued ${textOf(d, 'issueDate')}`,
      textOf(d, 'expirationDate') && `expires ${textOf(d, 'expirationDate')}`,
    ];
    const done = applyRemark(e, text.filter(Boolean).join(' '));
    if (done instanceof ListEntity) aux.push(done);
    else if (!done) e.note(`${idType}: ${[number, country].filter(Boolean).join(', ')}`);
  }
  for (const n of childrenNamed(child(el, 'nationalityList'), 'nationality')) nationality(e, 'nationality', textOf(n, 'country'));
  for (const n of childrenNamed(child(el, 'citizenshipList'), 'citizenship')) nationality(e, 'citizenship', textOf(n, 'country'));
  for (const d of childrenNamed(child(el, 'dateOfBirthList'), 'dateOfBirthItem')) {
    if (person) e.addDate('birthDate', textOf(d, 'dateOfBirth'), 'DOB');
    else e.add('notes', `DOB ${textOf(d, 'dateOfBirth')}`);
  }
  for (const p of childrenNamed(child(el, 'placeOfBirthList'), 'placeOfBirthItem')) applyRemark(e, `POB ${textOf(p, 'placeOfBirth')}`);
  const vessel = child(el, 'vesselInfo');
  if (vessel && e.schema === 'Vessel') {
    e.add('callSign', textOf(vessel, 'callSign')).add('type', textOf(vessel, 'vesselType')).addCountry('flag', textOf(vessel, 'vesselFlag'), 'flag');
    e.add('tonnage', textOf(vessel, 'tonnage')).add('grossRegisteredTonnage', textOf(vessel, 'grossRegisteredTonnage'));
    if (textOf(vessel, 'vesselOwner')) e.note(`vessel owner: ${textOf(vessel, 'vesselOwner')}`);
  }
  const remarks = textOf(el, 'remarks');
  e.add('notes', remarks);
  aux.push(...applyRemarks(e, remarks));
  for (const a of childrenNamed(child(el, 'addressList'), 'address')) {
    const street = ['address1', 'address2', 'address3']
      .map((n) => textOf(a, n))
      .filter(Boolean)
      .join(', ');
    const address = addressOf(e, {
      street,
      city: textOf(a, 'city'),
      region: textOf(a, 'stateOrProvince'),
      postalCode: textOf(a, 'postalCode'),
      country: textOf(a, 'country'),
    });
    if (address) aux.push(address);
  }
  const sanction = sanctionOf(e, OFAC_AUTHORITY).add('authorityId', uid).add('country', 'us');
  for (const p of childrenNamed(child(el, 'programList'), 'program')) sanction.add('program', textOf(p));
  return buildAll([e, sanction, ...aux]);
}

function nationality(e: ListEntity, prop: 'nationality' | 'citizenship', country: string): void {
  if (e.schema === 'Person') e.addCountry(prop, country, prop);
  else if (country) e.note(`${prop}: ${country}`);
}
