// Importer of the UN Security Council Consolidated List (XML, schema sc-sanctions.xsd) into FtM persons and organisations.
import { readXml, childrenNamed, textOf, textsOf, type XmlElement } from './xml-reader.js';
import { ListEntity, buildAll, clean, onlyPath } from './list-entity.js';
import { addressOf, documentOf, sanctionOf } from './list-auxiliaries.js';
import { ImportError, type ImportContext, type ImportedEntity, type Importer, type ImportSource } from './types.js';

const AUTHORITY = 'United Nations Security Council';

export const unImporter: Importer = {
  format: 'un',
  description: 'UN Security Council Consolidated List (XML)',
  read: readUn,
};

async function* readUn(source: ImportSource, ctx: ImportContext): AsyncIterable<ImportedEntity> {
  const file = onlyPath(source, 'un');
  const records = readXml(file, {
    root: 'CONSOLIDATED_LIST',
    isRecord: (p) => p.length === 3 && ((p[1] === 'INDIVIDUALS' && p[2] === 'INDIVIDUAL') || (p[1] === 'ENTITIES' && p[2] === 'ENTITY')),
    onProgress: ctx.onProgress,
    signal: ctx.signal,
  });
  for await (const r of records) {
    const ref = textOf(r.element, 'REFERENCE_NUMBER') || textOf(r.element, 'DATAID');
    if (!ref) throw new ImportError(`<${r.element.name}> without REFERENCE_NUMBER or DATAID`, { file, line: r.line, column: r.column, offset: r.offset });
    yield* unEntry(r.element, ref);
  }
}

function unEntry(el: XmlElement, ref: string): ImportedEntity[] {
  const person = el.name === 'INDIVIDUAL';
  const e = new ListEntity(person ? 'Person' : 'Organization', `un-${ref}`, ref, true);
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) => textOf(el, n));
  e.add('name', parts.filter(Boolean).join(' '));
  if (person) {
    // UN name parts are ordinal (given name, then father's, grandfather's, family or tribal names): mapped in order.
    e.add('firstName', parts[0]).add('secondName', parts[1]).add('middleName', parts[2]).add('lastName', parts[3]);
    e.add('title', ...values(el, 'TITLE')).add('position', ...values(el, 'DESIGNATION'));
    for (const n of values(el, 'NATIONALITY')) e.addCountry('nationality', n, 'nationality');
    e.addGender(textOf(el, 'GENDER'));
  }
  e.add('alias', textOf(el, 'NAME_ORIGINAL_SCRIPT'));
  for (const a of childrenNamed(el, person ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS')) alias(e, a);
  const modified = values(el, 'LAST_DAY_UPDATED').sort();
  e.addDate('modifiedAt', modified[modified.length - 1]);
  e.add('notes', textOf(el, 'COMMENTS1'));
  const aux: ListEntity[] = [];
  if (person) {
    for (const d of childrenNamed(el, 'INDIVIDUAL_DATE_OF_BIRTH')) birthDate(e, d);
    for (const p of childrenNamed(el, 'INDIVIDUAL_PLACE_OF_BIRTH')) birthPlace(e, p);
    for (const d of childrenNamed(el, 'INDIVIDUAL_DOCUMENT')) {
      const type = [textOf(d, 'TYPE_OF_DOCUMENT'), textOf(d, 'TYPE_OF_DOCUMENT2')].filter(Boolean).join(' / ');
      const note = textOf(d, 'NOTE');
      const doc = documentOf(e, {
        type,
        number: textOf(d, 'NUMBER'),
        country: textOf(d, 'ISSUING_COUNTRY') || textOf(d, 'COUNTRY_OF_ISSUE'),
        issued: textOf(d, 'DATE_OF_ISSUE'),
        expires: /expir\w*(?: date)?:?\s*(\d{4}-\d{2}-\d{2})/i.exec(note)?.[1],
        authority: textOf(d, 'CITY_OF_ISSUE'),
        description: note,
      });
      if (doc) aux.push(doc);
      else if (type || note) e.note(`document: ${[type, note].filter(Boolean).join(', ')}`);
    }
  }
  for (const a of childrenNamed(el, person ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS')) {
    const address = addressOf(e, {
      street: textOf(a, 'STREET'),
      city: textOf(a, 'CITY'),
      region: textOf(a, 'STATE_PROVINCE'),
      postalCode: textOf(a, 'ZIP_CODE'),
      country: textOf(a, 'COUNTRY'),
      remarks: textOf(a, 'NOTE'),
    });
    if (address) aux.push(address);
  }
  const sanction = sanctionOf(e, AUTHORITY)
    .add('program', textOf(el, 'UN_LIST_TYPE'))
    .add('programId', ref)
    .add('unscId', ref)
    .addDate('listingDate', textOf(el, 'LISTED_ON'), 'listed on')
    .add('status', ...values(el, 'LIST_TYPE'));
  e.drop('alias', e.get('name'));
  return buildAll([e, sanction, ...aux]);
}

/** The VALUE children of a repeated element (TITLE, DESIGNATION, NATIONALITY, …). */
function values(el: XmlElement, name: string): string[] {
  return childrenNamed(el, name).flatMap((c) => textsOf(c, 'VALUE'));
}

function alias(e: ListEntity, a: XmlElement): void {
  const name = textOf(a, 'ALIAS_NAME');
  const quality = textOf(a, 'QUALITY').toLowerCase();
  const note = textOf(a, 'NOTE');
  if (name) {
    if (quality === 'low') e.add('weakAlias', name);
    else if (quality === 'f.k.a.' || /formerly/i.test(note)) e.add('previousName', name);
    else e.add('alias', name);
    if (note) e.note(`alias ${name}: ${note}`);
  }
  e.addDate('birthDate', textOf(a, 'DATE_OF_BIRTH'), 'birth date');
  const place = [textOf(a, 'CITY_OF_BIRTH'), textOf(a, 'COUNTRY_OF_BIRTH')].filter(Boolean).join(', ');
  if (e.schema === 'Person') e.add('birthPlace', place);
}

function birthDate(e: ListEntity, d: XmlElement): void {
  const type = textOf(d, 'TYPE_OF_DATE').toUpperCase();
  const from = textOf(d, 'FROM_YEAR');
  const to = textOf(d, 'TO_YEAR');
  if (type === 'BETWEEN' || (from && to)) e.addDate('birthDate', from && to ? `between ${from} and ${to}` : from || to, 'birth date');
  e.addDate('birthDate', textOf(d, 'DATE'), 'birth date');
  e.addDate('birthDate', textOf(d, 'YEAR'), 'birth date');
  const note = textOf(d, 'NOTE');
  if (note) e.note(`birth date${type === 'APPROXIMATELY' ? ' (approximately)' : ''}: ${note}`);
  else if (type === 'APPROXIMATELY' && (textOf(d, 'DATE') || textOf(d, 'YEAR'))) {
    e.note(`birth date approximately ${[textOf(d, 'DATE'), textOf(d, 'YEAR')].filter(Boolean).join(' ')}`);
  }
}

function birthPlace(e: ListEntity, p: XmlElement): void {
  const country = textOf(p, 'COUNTRY');
  const place = [textOf(p, 'STREET'), textOf(p, 'CITY'), textOf(p, 'STATE_PROVINCE'), country].filter(Boolean).join(', ');
  e.add('birthPlace', clean([place, textOf(p, 'NOTE')].filter(Boolean).join(' ')));
  e.addCountry('birthCountry', country, 'country of birth');
}
