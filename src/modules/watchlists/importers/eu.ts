// Importer of the EU Financial Sanctions Files consolidated list (XML export schema 1.1: export/sanctionEntity) into FtM entities.
import { readXml, child, childrenNamed, textOf, type XmlElement } from './xml-reader.js';
import { ListEntity, buildAll, clean, onlyPath } from './list-entity.js';
import { addressOf, documentOf, sanctionOf } from './list-auxiliaries.js';
import { ImportError, type ImportContext, type ImportedEntity, type Importer, type ImportSource } from './types.js';

export const euImporter: Importer = {
  format: 'eu',
  description: 'EU consolidated financial sanctions list (FSF XML, export schema 1.1)',
  read: readEu,
};

async function* readEu(source: ImportSource, ctx: ImportContext): AsyncIterable<ImportedEntity> {
  const file = onlyPath(source, 'eu');
  const records = readXml(file, {
    root: 'export',
    isRecord: (p) => p.length === 2 && p[1] === 'sanctionEntity',
    onProgress: ctx.onProgress,
    signal: ctx.signal,
  });
  for await (const r of records) {
    const id = clean(r.element.attrs.logicalId);
    if (!/^[\w.-]{1,64}$/.test(id)) throw new ImportError('<sanctionEntity> without a logicalId', { file, line: r.line, column: r.column, offset: r.offset });
    yield* sanctionEntity(r.element, id);
  }
}

/** An attribute, trimmed; the EU's `00` (unknown country) as ''. */
function at(el: XmlElement | undefined, name: string): string {
  const value = clean(el?.attrs[name]);
  return value === '00' ? '' : value;
}

function sanctionEntity(el: XmlElement, id: string): ImportedEntity[] {
  const code = at(child(el, 'subjectType'), 'code').toLowerCase();
  const e = new ListEntity(code === 'person' ? 'Person' : code === 'enterprise' ? 'Organization' : 'LegalEntity', `eu-${id}`, id, true);
  const person = e.schema === 'Person';
  for (const n of childrenNamed(el, 'nameAlias')) {
    const whole = at(n, 'wholeName') || [at(n, 'firstName'), at(n, 'middleName'), at(n, 'lastName')].filter(Boolean).join(' ');
    if (!e.has('name')) {
      e.add('name', whole);
      if (person) e.add('firstName', at(n, 'firstName')).add('middleName', at(n, 'middleName')).add('lastName', at(n, 'lastName'));
    } else e.add(at(n, 'strong') === 'false' ? 'weakAlias' : 'alias', whole);
    if (person) {
      e.add('position', at(n, 'function')).add('title', at(n, 'title'));
      e.addGender(at(n, 'gender'));
    } else if (at(n, 'function')) e.note(`function: ${at(n, 'function')}`);
  }
  for (const c of childrenNamed(el, 'citizenship')) {
    if (person) e.addCountry('nationality', at(c, 'countryIso2Code') || at(c, 'countryDescription'), 'citizenship');
    else e.addCountry('country', at(c, 'countryIso2Code') || at(c, 'countryDescription'), 'citizenship');
  }
  for (const b of childrenNamed(el, 'birthdate')) birth(e, b);
  e.add('notes', ...childrenNamed(el, 'remark').map((r) => textOf(r)));
  const aux: ListEntity[] = [];
  for (const d of childrenNamed(el, 'identification')) {
    const flags = ['diplomatic', 'knownExpired', 'knownFalse', 'reportedLost', 'revokedByIssuer'].filter((f) => at(d, f) === 'true');
    const doc = documentOf(e, {
      type: at(d, 'identificationTypeDescription') || at(d, 'identificationTypeCode'),
      number: at(d, 'number') || at(d, 'latinNumber'),
      country: at(d, 'countryIso2Code') || at(d, 'countryDescription'),
      issued: at(d, 'issueDate') || at(d, 'validFrom'),
      expires: at(d, 'validTo'),
      authority: at(d, 'issuedBy'),
      description: [...childrenNamed(d, 'remark').map((r) => textOf(r)), ...flags, at(d, 'nameOnDocument')].filter(Boolean).join('; '),
    });
    if (doc) {
      if (/^pass/i.test(at(d, 'identificationTypeCode')) && doc.schema !== 'Passport') e.add('passportNumber', doc.get('number')[0]);
      aux.push(doc);
    }
  }
  for (const a of childrenNamed(el, 'address')) {
    const address = addressOf(e, {
      street: [at(a, 'street'), at(a, 'poBox') && `PO Box ${at(a, 'poBox')}`].filter(Boolean).join(', '),
      city: at(a, 'city'),
      region: at(a, 'region'),
      postalCode: at(a, 'zipCode'),
      country: at(a, 'countryIso2Code') || at(a, 'countryDescription'),
      remarks: [at(a, 'place'), ...childrenNamed(a, 'remark').map((r) => textOf(r))].filter(Boolean).join('; '),
    });
    if (address) aux.push(address);
  }
  const sanction = sanctionOf(e, 'European Union').add('programId', at(el, 'euReferenceNumber')).add('unscId', at(el, 'unitedNationId'));
  sanction.add('reason', at(el, 'designationDetails'));
  const regulations = childrenNamed(el, 'regulation').sort((a, b) => at(a, 'publicationDate').localeCompare(at(b, 'publicationDate')));
  for (const r of regulations) {
    sanction.add('program', at(r, 'programme')).add('provisions', at(r, 'numberTitle')).add('sourceUrl', textOf(r, 'publicationUrl'));
  }
  sanction.addDate('listingDate', at(el, 'designationDate') || at(regulations[0], 'publicationDate'), 'listing date');
  sanction.addDate('startDate', at(regulations[0], 'entryIntoForceDate'), 'entry into force');
  e.drop('alias', e.get('name'));
  return buildAll([e, sanction, ...aux]);
}

function birth(e: ListEntity, b: XmlElement): void {
  if (e.schema !== 'Person') return;
  const from = at(b, 'yearRangeFrom');
  const to = at(b, 'yearRangeTo');
  const [y, m, d] = [at(b, 'year'), at(b, 'monthOfYear').padStart(2, '0'), at(b, 'dayOfMonth').padStart(2, '0')];
  const parts = y ? (m !== '00' ? (d !== '00' ? `${y}-${m}-${d}` : `${y}-${m}`) : y) : '';
  const date = at(b, 'birthdate') || (from && to ? `between ${from} and ${to}` : '') || parts;
  e.addDate('birthDate', date, 'birth date');
  const place = [at(b, 'place'), at(b, 'city'), at(b, 'region'), at(b, 'countryDescription')].filter(Boolean).join(', ');
  if (at(b, 'city') || at(b, 'place') || at(b, 'region')) e.add('birthPlace', place);
  e.addCountry('birthCountry', at(b, 'countryIso2Code'), 'country of birth');
}
