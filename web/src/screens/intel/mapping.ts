// The mapping builder's model: entities made from columns, written as a FollowTheMoney mapping (YAML) the server checks.
export interface PropertySpec {
  property: string;
  /** A column of the sheet, or `@name` for another entity of the mapping. */
  source: string;
  /** strptime formats for dates, comma-separated (`%d.%m.%Y`). */
  formats: string;
}

export interface EntitySpec {
  name: string;
  schema: string;
  /** The column holding the entity's own id, or empty to hash `keys`. */
  idColumn: string;
  keys: string[];
  properties: PropertySpec[];
}

/** Schemata offered, with their usual properties (any FtM property may be typed in). */
export const SCHEMAS: Readonly<Record<string, readonly string[]>> = {
  Person: ['name', 'firstName', 'lastName', 'birthDate', 'nationality', 'phone', 'email', 'address', 'passportNumber', 'idNumber', 'gender'],
  Company: ['name', 'registrationNumber', 'jurisdiction', 'incorporationDate', 'address', 'phone', 'email'],
  Organization: ['name', 'registrationNumber', 'jurisdiction', 'address', 'phone', 'email'],
  LegalEntity: ['name', 'phone', 'email', 'address', 'country'],
  BankAccount: ['iban', 'accountNumber', 'bankName', 'holder', 'country'],
  Vehicle: ['registrationNumber', 'model', 'owner', 'country'],
  Call: ['caller', 'receiver', 'callerNumber', 'receiverNumber', 'date', 'duration'],
  Payment: ['payer', 'beneficiary', 'amount', 'currency', 'date', 'purpose'],
  Ownership: ['owner', 'asset', 'percentage', 'startDate', 'endDate'],
  Directorship: ['director', 'organization', 'role', 'startDate', 'endDate'],
  Family: ['person', 'relative', 'relationship'],
  Associate: ['person', 'associate', 'relationship'],
  UnknownLink: ['subject', 'object', 'role'],
};

const q = (s: string) => JSON.stringify(s);

/** The mapping as YAML; `dataset` names it (and prefixes ids made from keys). */
export function toYaml(dataset: string, entities: readonly EntitySpec[]): string {
  const lines = [`${dataset || 'import'}:`, '  query:', '    entities:'];
  for (const e of entities) {
    lines.push(`      ${q(e.name)}:`, `        schema: ${q(e.schema)}`);
    if (e.idColumn) lines.push(`        id_column: ${q(e.idColumn)}`);
    else lines.push(`        keys: [${e.keys.map(q).join(', ')}]`);
    if (e.properties.length) lines.push('        properties:');
    for (const p of e.properties) {
      if (!p.property || !p.source) continue;
      if (p.source.startsWith('@')) {
        lines.push(`          ${q(p.property)}: { entity: ${q(p.source.slice(1))} }`);
        continue;
      }
      const formats = p.formats
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      lines.push(`          ${q(p.property)}: { column: ${q(p.source)}${formats.length ? `, formats: [${formats.map(q).join(', ')}]` : ''} }`);
    }
  }
  return lines.join('\n') + '\n';
}

export const datasetOf = (fileName: string): string =>
  fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 40) || 'import';
