// Content identity of a stored entity: a hash over what it says (value sets, not their order), and FtM-style merging.
import { hash } from 'node:crypto';
import { model } from '../../core/model/schema.js';
import type { ImportedEntity } from './importers/types.js';

export interface EntityContent {
  schema: string;
  listed: boolean;
  properties: Record<string, string[]>;
}

/**
 * 128 bits of sha256 (base64url) over schema, listed flag and each property's distinct values, sorted: the order of
 * values is not content, nor is the owner (derived from links the content holds). Separators are control characters,
 * which cleaned values never contain.
 */
export function contentHash(e: EntityContent): string {
  let text = `${e.schema}\u0000${e.listed ? 1 : 0}`;
  for (const key of Object.keys(e.properties).sort()) {
    const values = e.properties[key]!;
    if (!values.length) continue;
    text += `\u0001${key}\u0002${(values.length === 1 ? values : [...new Set(values)].sort()).join('\u0003')}`;
  }
  return hash('sha256', text, 'base64url').slice(0, 22);
}

/** The more specific of two schemata when one descends from the other; undefined when they are unrelated. */
export function commonSchema(a: string, b: string): string | undefined {
  if (a === b) return a;
  const sa = model.getSchema(a);
  const sb = model.getSchema(b);
  if (!sa || !sb) return undefined;
  if (sa.isA(sb)) return a;
  if (sb.isA(sa)) return b;
  return undefined;
}

/**
 * Merges two records with the same id, as FtM aggregation does: the more specific schema, the union of each
 * property's values (first record's order first), listed when either is, the first owner given.
 * Returns undefined when the schemata are unrelated (e.g. Person and Vessel), which the caller rejects.
 */
export function mergeEntities(a: ImportedEntity, b: ImportedEntity): ImportedEntity | undefined {
  const schema = commonSchema(a.schema, b.schema);
  if (!schema) return undefined;
  const properties: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(a.properties)) properties[k] = [...v];
  for (const [k, v] of Object.entries(b.properties)) {
    const into = (properties[k] ??= []);
    for (const value of v) if (!into.includes(value)) into.push(value);
  }
  const ownerId = a.ownerId ?? b.ownerId;
  return {
    id: a.id,
    schema,
    properties,
    listed: a.listed || b.listed,
    ...(ownerId !== undefined ? { ownerId } : {}),
    sourceId: a.sourceId,
  };
}
