// Importer of OFAC's sdn_advanced.xml ("advanced" schema): two passes, references first, then each DistinctParty as an FtM entity.
import { stat } from 'node:fs/promises';
import { readXml, child, childrenNamed, textOf, type XmlElement } from './xml-reader.js';
import { ListEntity, buildAll, onlyPath, own } from './list-entity.js';
import { documentOf, sanctionOf } from './list-auxiliaries.js';
import { applyRemark } from './ofac-remarks.js';
import { OFAC_AUTHORITY } from './ofac-csv.js';
import { indexAdvanced, type AdvancedIndex } from './ofac-advanced-index.js';
import { feature } from './ofac-advanced-features.js';
import { ImportError, type ImportContext, type ImportedEntity, type Importer, type ImportSource } from './types.js';

export const ofacAdvancedImporter: Importer = {
  format: 'ofac-advanced',
  description: 'OFAC SDN or consolidated list in the advanced XML schema (sdn_advanced.xml)',
  read: readOfacAdvanced,
};

async function* readOfacAdvanced(source: ImportSource, ctx: ImportContext): AsyncIterable<ImportedEntity> {
  const file = onlyPath(source, 'ofac-advanced');
  const size = await stat(file).then(
    (s) => s.size,
    () => undefined,
  );
  const totalBytes = size === undefined ? undefined : 2 * size;
  const idx = await indexAdvanced(file, ctx, (bytes, records) => ctx.onProgress?.({ bytes, totalBytes, records }));
  const profiles = new Map<string, string>();
  const parties = readXml(file, {
    root: 'Sanctions',
    isRecord: (p) => p.length === 3 && p[1] === 'DistinctParties' && p[2] === 'DistinctParty',
    onProgress: (p) => ctx.onProgress?.({ bytes: (size ?? 0) + p.bytes, totalBytes, records: p.records }),
    signal: ctx.signal,
  });
  for await (const r of parties) {
    const ref = r.element.attrs.FixedRef ?? '';
    const profile = child(r.element, 'Profile');
    if (!/^\d{1,12}$/.test(ref) || !profile) {
      throw new ImportError('<DistinctParty> without a numeric FixedRef and a Profile', { file, line: r.line, column: r.column, offset: r.offset });
    }
    profiles.set(profile.attrs.ID ?? ref, ref);
    yield* party(ref, profile, idx);
  }
  for (const rel of idx.relations) {
    const from = profiles.get(rel.from);
    const to = profiles.get(rel.to);
    if (!from || !to) continue;
    const link = new ListEntity('UnknownLink', `ofac-rel-${rel.id}`, from, false, `ofac-${from}`).add('subject', `ofac-${from}`).add('object', `ofac-${to}`);
    link.add('role', idx.ref('RelationType', rel.typeId)).add('status', rel.former ? 'former' : '');
    yield link.build();
  }
}

function schemaOf(profile: XmlElement, idx: AdvancedIndex): string {
  const sub = profile.attrs.PartySubTypeID;
  const subType = idx.ref('PartySubType', sub);
  const partyType = idx.ref('PartyType', idx.refAttrs('PartySubType', sub).PartyTypeID);
  if (partyType === 'Individual') return 'Person';
  return subType === 'Vessel' ? 'Vessel' : subType === 'Aircraft' ? 'Airplane' : 'Organization';
}

const PART_PROPS: Record<string, string> = {
  'Last Name': 'lastName',
  'First Name': 'firstName',
  'Middle Name': 'middleName',
  Patronymic: 'fatherName',
  Matronymic: 'motherName',
};

function party(ref: string, profile: XmlElement, idx: AdvancedIndex): ImportedEntity[] {
  const e = new ListEntity(schemaOf(profile, idx), `ofac-${ref}`, ref, true);
  const aux: ListEntity[] = [];
  const identities = childrenNamed(profile, 'Identity').sort((a, b) => Number(b.attrs.Primary === 'true') - Number(a.attrs.Primary === 'true'));
  for (const identity of identities) {
    const groups = new Map<string, string>();
    for (const g of childrenNamed(child(identity, 'NamePartGroups'), 'MasterNamePartGroup').flatMap((m) => childrenNamed(m, 'NamePartGroup'))) {
      groups.set(g.attrs.ID ?? '', idx.ref('NamePartType', g.attrs.NamePartTypeID));
    }
    for (const alias of childrenNamed(identity, 'Alias')) {
      const type = idx.ref('AliasType', alias.attrs.AliasTypeID);
      for (const dn of childrenNamed(alias, 'DocumentedName')) {
        const parts = childrenNamed(dn, 'DocumentedNamePart').map((p) => {
          const v = child(p, 'NamePartValue');
          return { type: groups.get(v?.attrs.NamePartGroupID ?? '') ?? '', value: textOf(v) };
        });
        const name = assemble(parts, e.schema === 'Person');
        if (!e.has('name') && alias.attrs.Primary === 'true') {
          e.add('name', name);
          if (e.schema === 'Person') for (const p of parts) if (own(PART_PROPS, p.type)) e.add(own(PART_PROPS, p.type)!, p.value);
        } else e.add(type === 'F.K.A.' ? 'previousName' : alias.attrs.LowQuality === 'true' ? 'weakAlias' : 'alias', name);
      }
    }
    for (const doc of idx.docs.get(identity.attrs.ID ?? '') ?? []) {
      const type = idx.ref('IDRegDocType', doc.typeId);
      const dated = (kind: string): string | undefined => doc.dates.find(([t]) => idx.ref('IDRegDocDateType', t) === kind)?.[1][0];
      const country = idx.ref('Country', doc.countryId);
      if (/^IMO \d{7}$/.test(doc.number) || /^MMSI$/i.test(type)) applyRemark(e, `${type} ${doc.number}`);
      else if (e.schema === 'Vessel' || e.schema === 'Airplane') e.note(`${type}: ${doc.number}`);
      else {
        const d = documentOf(e, {
          type,
          number: doc.number,
          country,
          issued: dated('Issue Date'),
          expires: dated('Expiration Date'),
          authority: doc.authority,
          description: doc.comment,
        });
        if (d) aux.push(d);
      }
    }
  }
  if (!e.has('name')) e.add('name', e.get('alias')[0]);
  e.drop('alias', e.get('name'));
  for (const f of childrenNamed(profile, 'Feature')) {
    const type = idx.ref('FeatureType', f.attrs.FeatureTypeID);
    for (const v of childrenNamed(f, 'FeatureVersion')) aux.push(...feature(e, type, v, idx));
  }
  const sanction = sanctionOf(e, OFAC_AUTHORITY).add('authorityId', ref).add('country', 'us');
  const entry = idx.entries.get(profile.attrs.ID ?? ref);
  if (entry) {
    for (const [typeId, comment] of entry.measures) if (idx.ref('SanctionsType', typeId) === 'Program') sanction.add('program', comment);
    for (const id of entry.legalBasisIds) {
      sanction.add('program', idx.ref('SanctionsProgram', idx.refAttrs('LegalBasis', id).SanctionsProgramID));
      sanction.add('description', idx.ref('LegalBasis', id));
    }
    sanction.add('status', ...entry.listIds.map((id) => idx.ref('List', id)));
    sanction.addDate('listingDate', [...entry.dates].sort()[0]);
  }
  return buildAll([e, sanction, ...aux]);
}

/** A name from its parts: `LAST, First Middle` for people (as OFAC writes them), the parts in order otherwise. */
function assemble(parts: { type: string; value: string }[], person: boolean): string {
  const last = parts.filter((p) => p.type === 'Last Name').map((p) => p.value);
  const rest = parts.filter((p) => p.type !== 'Last Name').map((p) => p.value);
  if (person && last.length && rest.length) return `${last.join(' ')}, ${rest.join(' ')}`;
  return parts.map((p) => p.value).join(' ');
}
