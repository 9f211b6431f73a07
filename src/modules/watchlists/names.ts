// Name forms for `q` search: accent-folded, lower-case, punctuation-free; the same function folds queries and names.
import { model } from '../../core/model/schema.js';

/** Letters that carry no combining mark in Unicode, so NFKD alone does not fold them. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't' };
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/** Lower case, accents and other combining marks removed, every run of non-letters/digits as one space. */
export function foldName(text: string): string {
  // Plain ASCII (most names of most lists) needs no Unicode normalisation.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD[c]!)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const nameProps = new Map<string, readonly string[]>();
const entityProps = new Map<string, readonly string[]>();

/** Properties of FtM type `name` of a schema (name, alias, weakAlias, previousName, …). */
export function namePropertiesOf(schema: string): readonly string[] {
  let props = nameProps.get(schema);
  if (!props) {
    const s = model.getSchema(schema);
    props = s ? [...s.properties.values()].filter((p) => p.type === 'name').map((p) => p.name) : ['name'];
    nameProps.set(schema, props);
  }
  return props;
}

/** Properties of FtM type `entity` (links to other entities) of a schema, reverse stubs excluded. */
export function entityPropertiesOf(schema: string): readonly string[] {
  let props = entityProps.get(schema);
  if (!props) {
    const s = model.getSchema(schema);
    props = s ? [...s.properties.values()].filter((p) => p.type === 'entity' && !p.stub).map((p) => p.name) : [];
    entityProps.set(schema, props);
  }
  return props;
}

/** The distinct folded name forms of an entity, each at most 400 characters. */
export function nameForms(schema: string, properties: Record<string, string[]>): string[] {
  const out = new Set<string>();
  for (const prop of namePropertiesOf(schema)) {
    for (const value of properties[prop] ?? []) {
      const folded = foldName(value).slice(0, 400);
      if (folded) out.add(folded);
    }
  }
  return [...out];
}

/** Escapes a folded query for a LIKE pattern with `\` as the escape character. */
export const likePattern = (folded: string): string => `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
