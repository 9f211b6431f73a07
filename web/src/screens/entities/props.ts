// How the entity page sorts FtM properties into its sections: names, identifiers, addresses, notes and other details.
import type { EntityData } from '../lists/api';

/** Name forms, in the order they are shown: full names first, then the parts of a person's name. */
export const NAME_PROPS = [
  'name',
  'alias',
  'weakAlias',
  'previousName',
  'abbreviation',
  'firstName',
  'secondName',
  'middleName',
  'fatherName',
  'motherName',
  'lastName',
  'nameSuffix',
] as const;

/** Identifier properties held on the entity itself (documents held as their own records come as auxiliaries). */
export const ID_PROPS = [
  'passportNumber',
  'idNumber',
  'socialSecurityNumber',
  'taxNumber',
  'registrationNumber',
  'innCode',
  'ogrnCode',
  'okpoCode',
  'vatCode',
  'leiCode',
  'swiftBic',
  'dunsCode',
  'bvdId',
  'permId',
  'uniqueEntityId',
  'npiCode',
  'giiNumber',
  'cageCode',
  'licenseNumber',
  'imoNumber',
  'mmsi',
  'callSign',
  'icaoCode',
  'serialNumber',
  'wikidataId',
] as const;

/** Free text shown as notes rather than in a table. */
export const NOTE_PROPS = ['notes', 'summary', 'description'] as const;

/** Shown in their own sections, so left out of the details table. */
const ELSEWHERE = new Set<string>([...NAME_PROPS, ...ID_PROPS, ...NOTE_PROPS, 'address', 'addressEntity', 'sanctions', 'identification', 'proof']);

export const DATE_PROPS = new Set([
  'birthDate',
  'deathDate',
  'incorporationDate',
  'dissolutionDate',
  'buildDate',
  'registrationDate',
  'deregistrationDate',
  'nameChangeDate',
  'startDate',
  'endDate',
  'date',
  'listingDate',
  'createdAt',
  'modifiedAt',
  'retrievedAt',
]);

export const COUNTRY_PROPS = new Set(['nationality', 'citizenship', 'birthCountry', 'country', 'jurisdiction', 'mainCountry', 'flag', 'pastFlags']);

/** Details come first in this order; the rest follow by name. */
const DETAIL_ORDER = [
  'birthDate',
  'birthPlace',
  'birthCountry',
  'deathDate',
  'gender',
  'nationality',
  'citizenship',
  'country',
  'title',
  'position',
  'program',
  'programId',
  'topics',
  'incorporationDate',
  'dissolutionDate',
  'jurisdiction',
  'mainCountry',
  'legalForm',
  'status',
  'sector',
  'flag',
  'type',
  'email',
  'phone',
  'website',
];

export const valuesOf = (e: Pick<EntityData, 'properties'> | undefined, prop: string): string[] => e?.properties[prop] ?? [];

export const firstOf = (e: Pick<EntityData, 'properties'> | undefined, ...props: string[]): string | undefined => {
  for (const p of props) {
    const v = valuesOf(e, p)[0];
    if (v) return v;
  }
  return undefined;
};

/** The properties for the details table, in reading order. */
export function detailProps(entity: EntityData): string[] {
  const props = Object.keys(entity.properties).filter((p) => !ELSEWHERE.has(p) && valuesOf(entity, p).length > 0);
  const rank = (p: string) => {
    const i = DETAIL_ORDER.indexOf(p);
    return i < 0 ? DETAIL_ORDER.length : i;
  };
  return props.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export type AuxKind = 'sanction' | 'address' | 'document' | 'other';

const DOCUMENT_SCHEMATA = new Set(['Identification', 'Passport']);

export const auxKind = (schema: string): AuxKind =>
  schema === 'Sanction' ? 'sanction' : schema === 'Address' ? 'address' : DOCUMENT_SCHEMATA.has(schema) ? 'document' : 'other';

/** Drops the optional columns no row has a value for, so sparse records do not show empty columns. */
export function withData<R, C extends { key: string }>(
  columns: readonly C[],
  rows: readonly R[],
  optional: Readonly<Record<string, (row: R) => unknown>>,
): C[] {
  return columns.filter((c) => {
    const has = optional[c.key];
    return (
      !has ||
      rows.some((r) => {
        const v = has(r);
        return Array.isArray(v) ? v.length > 0 : Boolean(v);
      })
    );
  });
}
