// Builds the entities the official-list importers yield: bounded, de-duplicated values, with dates, countries and genders in FtM form.
import { createHash } from 'node:crypto';
import { model, normaliseCountry, normaliseDate, type Schema } from '../../../core/model/index.js';
import { IMPORT_LIMITS, ImportError, type ImportedEntity, type ImportSource } from './types.js';

// The auxiliaries (Sanction, Address, documents) live in list-auxiliaries.ts; re-exported here for importers that take both from one place.
export { addressOf, documentOf, sanctionOf, type AddressParts, type DocumentParts } from './list-auxiliaries.js';

const GENDERS: Readonly<Record<string, string>> = { male: 'male', m: 'male', female: 'female', f: 'female', other: 'other' };

/** The value of an own key of a lookup table, never an inherited one (`constructor`, `__proto__`…). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Whitespace collapsed and trimmed. */
export function clean(value: string | undefined | null): string {
  if (!value) return '';
  return /\s\s|[^\S ]|^ | $/.test(value) ? value.replace(/\s+/g, ' ').trim() : value;
}

/** A short stable digest of the parts, for ids of auxiliaries that have no id of their own. */
export function digest(...parts: readonly (string | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => clean(p).toLowerCase()).join('\u001f'))
    .digest('hex')
    .slice(0, 12);
}

export class ListEntity {
  private readonly props = new Map<string, string[]>();
  private readonly schemaSpec: Schema;

  constructor(
    readonly schema: string,
    readonly id: string,
    readonly sourceId: string,
    readonly listed: boolean,
    readonly ownerId?: string,
  ) {
    const spec = model.getSchema(schema);
    if (!spec) throw new Error(`unknown FtM schema ${schema}`);
    this.schemaSpec = spec;
  }

  /** Adds text values (whitespace collapsed, empty ones skipped, duplicates dropped, long ones bounded). */
  add(prop: string, ...values: readonly (string | undefined | null)[]): this {
    const spec = this.schemaSpec.getProperty(prop);
    if (!spec) throw new Error(`${this.schema} has no property ${prop}`);
    const max = Math.min(IMPORT_LIMITS.maxValueLength, spec.maxLength);
    for (const raw of values) {
      const value = spec.type === 'text' ? (raw ?? '').trim() : clean(raw);
      if (!value) continue;
      if (spec.type === 'text') for (let i = 0; i < value.length; i += max) this.put(prop, value.slice(i, i + max));
      else this.put(prop, value.length > max ? value.slice(0, max) : value);
    }
    return this;
  }

  /** Adds a date in any notation lists use; one that cannot be read is kept in the notes, labelled. */
  addDate(prop: string, raw: string | undefined | null, label = prop): this {
    const text = clean(raw);
    if (!text) return this;
    const values = normaliseDate(text);
    return values ? this.add(prop, ...values) : this.note(`${label}: ${text}`);
  }

  /** Adds a country by code or name; one that is not recognised is kept in the notes, labelled. */
  addCountry(prop: string, raw: string | undefined | null, label = prop): this {
    const text = clean(raw);
    if (!text) return this;
    const found = normaliseCountry(text);
    return found?.code ? this.add(prop, found.code) : this.note(`${label}: ${text}`);
  }

  addGender(raw: string | undefined | null): this {
    const text = clean(raw).toLowerCase();
    if (!text) return this;
    return Object.hasOwn(GENDERS, text) ? this.add('gender', GENDERS[text]) : this.note(`gender: ${clean(raw)}`);
  }

  /** Adds free text to the entity's notes (or description, for schemata without notes). */
  note(text: string): this {
    const prop = ['notes', 'description', 'summary'].find((p) => this.schemaSpec.getProperty(p));
    return prop ? this.add(prop, text) : this;
  }

  has(prop: string): boolean {
    return (this.props.get(prop)?.length ?? 0) > 0;
  }

  get(prop: string): readonly string[] {
    return this.props.get(prop) ?? [];
  }

  /** Removes the values of `prop` that `other` holds (e.g. aliases equal to the name). */
  drop(prop: string, other: readonly string[]): this {
    const list = this.props.get(prop);
    if (list)
      this.props.set(
        prop,
        list.filter((v) => !other.includes(v)),
      );
    return this;
  }

  build(): ImportedEntity {
    const properties: [string, string[]][] = [];
    for (const [k, v] of this.props) if (v.length) properties.push([k, v]);
    return {
      id: this.id,
      schema: this.schema,
      properties: Object.fromEntries(properties),
      listed: this.listed,
      sourceId: this.sourceId,
      ...(this.ownerId !== undefined ? { ownerId: this.ownerId } : {}),
    };
  }

  private put(prop: string, value: string): void {
    let list = this.props.get(prop);
    if (!list) this.props.set(prop, (list = []));
    if (list.length < IMPORT_LIMITS.maxValuesPerProperty && !list.includes(value)) list.push(value);
  }
}

/** The built entities, each id once (the first kept): two equal addresses of one entry are one Address. */
export function buildAll(entities: readonly ListEntity[]): ImportedEntity[] {
  const seen = new Set<string>();
  const out: ImportedEntity[] = [];
  for (const e of entities) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e.build());
  }
  return out;
}

/** The one file of a single-file format. */
export function onlyPath(source: ImportSource, format: string): string {
  if (source.paths.length !== 1) throw new ImportError(`the ${format} format reads exactly one file, ${source.paths.length} given`);
  return source.paths[0]!;
}
