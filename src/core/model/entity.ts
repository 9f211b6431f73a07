// FollowTheMoney entities: caption, validation against the schema, and cleaning of values.
import { COUNTRY_CODES, normaliseCountry } from './countries.js';
import { isFtmDate, normaliseDate } from './dates.js';
import { model } from './schema.js';
import type { EntityData } from './types.js';

/** One thing wrong with an entity: the property (null for the entity itself) and what is wrong. */
export interface EntityProblem {
  property: string | null;
  detail: string;
}

/** Gender values FtM accepts, and the forms lists use for them. */
const GENDERS: Readonly<Record<string, string>> = {
  male: 'male',
  m: 'male',
  man: 'male',
  female: 'female',
  f: 'female',
  woman: 'female',
  other: 'other',
  x: 'other',
};

/**
 * The entity's caption, as FtM computes it: the first value of the first caption property
 * of its schema that has one; else the schema's label (or the id for an unknown schema).
 */
export function caption(entity: EntityData): string {
  const schema = model.getSchema(entity.schema);
  if (!schema) return entity.id;
  for (const prop of schema.caption) {
    const first = entity.properties[prop]?.[0];
    if (first) return first;
  }
  return schema.label;
}

function isCountry(value: string): boolean {
  return COUNTRY_CODES.has(value) || (model.typeValues('country')?.has(value) ?? false);
}

function checkValue(type: string, value: string): string | null {
  switch (type) {
    case 'date':
      return isFtmDate(value) ? null : `"${clip(value)}" is not an ISO 8601 date`;
    case 'country':
      return isCountry(value) ? null : `"${clip(value)}" is not a country code`;
    case 'gender':
      return model.typeValues('gender')?.has(value) ? null : `"${clip(value)}" is not a gender (male, female, other)`;
    case 'entity':
      return value.trim() ? null : 'an entity reference is empty';
    default:
      return null;
  }
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/**
 * Checks an entity against its schema: a known, non-abstract schema; only properties of that
 * schema; every value a string within the property's maxLength; dates, countries and genders
 * in FtM form; entity references not empty. Returns the problems found, none when valid.
 */
export function validateEntity(entity: EntityData): EntityProblem[] {
  const problems: EntityProblem[] = [];
  if (typeof entity.id !== 'string' || !entity.id.trim()) problems.push({ property: null, detail: 'the entity has no id' });
  const schema = typeof entity.schema === 'string' ? model.getSchema(entity.schema) : undefined;
  if (!schema) return [...problems, { property: null, detail: `unknown schema "${clip(String(entity.schema))}"` }];
  if (schema.abstract) problems.push({ property: null, detail: `schema ${schema.name} is abstract: an entity needs a concrete schema` });
  if (!entity.properties || typeof entity.properties !== 'object' || Array.isArray(entity.properties))
    return [...problems, { property: null, detail: 'properties must be an object of value lists' }];
  for (const [name, values] of Object.entries(entity.properties)) {
    const prop = schema.getProperty(name);
    if (!prop) {
      problems.push({ property: name, detail: `${schema.name} has no property ${name}` });
      continue;
    }
    if (!Array.isArray(values)) {
      problems.push({ property: name, detail: 'values must be a list of strings' });
      continue;
    }
    for (const value of values) {
      if (typeof value !== 'string') {
        problems.push({ property: name, detail: 'a value is not a string' });
        continue;
      }
      if (value.length > prop.maxLength) problems.push({ property: name, detail: `a value is ${value.length} characters, over the ${prop.maxLength} allowed` });
      const wrong = checkValue(prop.type, value);
      if (wrong) problems.push({ property: name, detail: wrong });
    }
  }
  return problems;
}

function cleanValue(type: string, raw: string): string[] {
  const value = raw.trim();
  if (!value) return [];
  switch (type) {
    case 'date':
      return isFtmDate(value) ? [value] : (normaliseDate(value) ?? [value]);
    case 'country': {
      if (isCountry(value)) return [value];
      const found = normaliseCountry(value);
      return found?.code ? [found.code] : [value];
    }
    case 'gender':
      return [Object.hasOwn(GENDERS, value.toLowerCase()) ? GENDERS[value.toLowerCase()]! : value];
    default:
      return [value];
  }
}

/**
 * A copy of the entity with values trimmed, dates and countries and genders in FtM form, empty
 * values, empty properties and duplicates dropped, order kept. A value that cannot be normalised
 * is kept as written, so validateEntity can name it. Properties the schema lacks are kept as they are.
 */
export function cleanEntity(entity: EntityData): EntityData {
  const schema = model.getSchema(entity.schema);
  const entries: [string, string[]][] = [];
  for (const [name, values] of Object.entries(entity.properties ?? {})) {
    if (!Array.isArray(values)) continue;
    const type = schema?.getProperty(name)?.type ?? 'string';
    const seen = new Set<string>();
    const out: string[] = [];
    for (const raw of values) {
      if (typeof raw !== 'string') continue;
      for (const value of cleanValue(type, raw)) {
        if (seen.has(value)) continue;
        seen.add(value);
        out.push(value);
      }
    }
    if (out.length) entries.push([name, out]);
  }
  // fromEntries defines each key as an own property, so even `__proto__` stays a plain key.
  return { id: String(entity.id).trim(), schema: entity.schema, properties: Object.fromEntries(entries) };
}
