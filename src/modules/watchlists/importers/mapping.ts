// FollowTheMoney mappings (YAML, as `ftm map` and Aleph use them): parsed safely and checked against the model.
import { isListable, model, type Schema } from '../../../core/model/index.js';
import { compileDateFormat, type DateFormat } from './mapping-dates.js';
import { isObj, one, readYaml, readYamlFile, strings, type YamlPath as Path, type YamlTree } from './mapping-yaml.js';

export { MAX_ALIASES, MAX_MAPPING_BYTES } from './mapping-yaml.js';

export interface PropertyMapping {
  /** FtM property name. */
  property: string;
  type: string;
  /** 1-based line of the property in the mapping. */
  line: number;
  columns: string[];
  literals: string[];
  join?: string;
  split?: string;
  /** `{{column}}` placeholders are replaced by the row's values. */
  template?: string;
  /** Name of another entity of the same query whose id this property takes. */
  entity?: string;
  /** strptime-style formats for dates (`%d.%m.%Y`), tried in order before the usual notations. */
  formats: DateFormat[];
  /** The entity is not made from a row where this property has no value. */
  required: boolean;
}

export interface EntityMapping {
  /** The entity's name in the mapping (what `entity:` references use). */
  name: string;
  schema: Schema;
  line: number;
  keys: string[];
  keyLiteral: string;
  idColumn?: string;
  properties: PropertyMapping[];
  /** A subject of the list (matchable Thing), or an auxiliary. */
  listed: boolean;
}

export interface QueryMapping {
  line: number;
  /** Column → accepted values: a row is used only when each filter column holds one of them. */
  filters: [string, string[]][];
  /** Column → refused values: a row holding one of them is skipped. */
  filtersNot: [string, string[]][];
  entities: EntityMapping[];
  /** Every column the query reads, with the mapping line that names it first. */
  columns: Map<string, number>;
}

export interface Mapping {
  file: string;
  queries: QueryMapping[];
}

const QUERY_IGNORED = new Set(['csv_url', 'csv_urls', 'label', 'title', 'description', 'info_url']);
const ENTITY_KEYS = new Set(['schema', 'key', 'keys', 'key_literal', 'id_column', 'properties', 'label', 'description']);
const PROPERTY_KEYS = new Set([
  'column',
  'columns',
  'join',
  'split',
  'literal',
  'literals',
  'template',
  'entity',
  'format',
  'formats',
  'required',
  'fuzzy',
  'description',
]);
const TEMPLATE_REF = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Reads a mapping's text; throws ImportError naming the mapping line of any problem. */
export function parseMapping(text: string, file: string): Mapping {
  return mappingOf(readYaml(text, file), file);
}

/** Reads a mapping file (at most MAX_MAPPING_BYTES, UTF-8). */
export async function loadMapping(path: string): Promise<Mapping> {
  return mappingOf(await readYamlFile(path), path);
}

function mappingOf(tree: YamlTree, file: string): Mapping {
  const { root, failAt } = tree;
  const lineAt = (path: Path) => tree.lineAt(path);
  if (!isObj(root)) return failAt([])('the mapping must be a YAML map: a dataset name holding `queries:` or `query:`');
  const datasets: [Path, Record<string, unknown>][] =
    'queries' in root || 'query' in root
      ? [[[], root]]
      : Object.entries(root).map(([k, v]) => [[k], isObj(v) ? v : failAt([k])(`dataset ${k} must be a map holding queries`)]);
  const queries: QueryMapping[] = [];
  for (const [path, dataset] of datasets) {
    const list = dataset.queries !== undefined ? dataset.queries : dataset.query;
    const base = [...path, dataset.queries !== undefined ? 'queries' : 'query'];
    if (Array.isArray(list)) list.forEach((q, i) => queries.push(readQuery(q, [...base, i], failAt, lineAt([...base, i]))));
    else if (isObj(list)) queries.push(readQuery(list, base, failAt, lineAt(base)));
    else failAt(path)('a dataset needs `queries:` (a list) or `query:` (a map)');
  }
  if (!queries.length) failAt([])('the mapping has no query');
  return { file, queries };

  function readQuery(q: unknown, path: Path, fail: typeof failAt, line: number): QueryMapping {
    if (!isObj(q)) return fail(path)('a query must be a map');
    for (const sql of ['database', 'table', 'tables', 'joins'])
      if (sql in q) fail([...path, sql])(`SQL queries (${sql}) are not supported: the rows come from the CSV file given on the command line`);
    const columns = new Map<string, number>();
    const use = (col: string, p: Path) => columns.has(col.trim()) || columns.set(col.trim(), lineAt(p));
    const filters = (key: string): [string, string[]][] => {
      const raw = q[key] ?? q[key.replace(/s(_not)?$/, '$1')];
      if (raw === undefined || raw === null) return [];
      if (!isObj(raw)) return fail([...path, key])(`${key} must map columns to values`);
      return Object.entries(raw).map(([col, v]) => (use(col, [...path, key, col]), [col.trim(), strings(v, fail([...path, key, col]), `${key} ${col}`)]));
    };
    for (const k of Object.keys(q))
      if (!QUERY_IGNORED.has(k) && !['entities', 'filters', 'filter', 'filters_not', 'filter_not'].includes(k)) fail([...path, k])(`unknown query key ${k}`);
    const entitiesRaw = q.entities;
    if (!isObj(entitiesRaw) || !Object.keys(entitiesRaw).length) return fail(path)('a query needs `entities:`, a map of entity names to their mapping');
    const names = new Set(Object.keys(entitiesRaw));
    const entities = Object.entries(entitiesRaw).map(([name, e]) => readEntity(name, e, [...path, 'entities', name], names, use, fail));
    return { line, filters: filters('filters'), filtersNot: filters('filters_not'), entities, columns };
  }

  function readEntity(name: string, e: unknown, path: Path, names: Set<string>, use: (c: string, p: Path) => unknown, fail: typeof failAt): EntityMapping {
    if (!isObj(e)) return fail(path)(`entity ${name} must be a map`);
    for (const k of Object.keys(e)) if (!ENTITY_KEYS.has(k)) fail([...path, k])(`entity ${name}: unknown key ${k}`);
    const schemaName = one(e.schema, fail([...path, 'schema']), `entity ${name}: schema`);
    const schema = schemaName ? model.getSchema(schemaName) : undefined;
    if (!schema) return fail([...path, 'schema'])(`entity ${name}: ${schemaName ? `unknown schema ${schemaName}` : 'no schema'}`);
    if (schema.abstract) fail([...path, 'schema'])(`entity ${name}: schema ${schema.name} is abstract`);
    const keyPath = [...path, e.keys !== undefined ? 'keys' : 'key'];
    const keys = [...strings(e.key, fail([...path, 'key']), 'key'), ...strings(e.keys, fail([...path, 'keys']), 'keys')].map((k) => k.trim());
    keys.forEach((k) => use(k, keyPath));
    const idColumn = one(e.id_column, fail([...path, 'id_column']), 'id_column')?.trim();
    if (idColumn) use(idColumn, [...path, 'id_column']);
    if (!keys.length && !idColumn) fail(path)(`entity ${name}: needs \`keys:\` (columns hashed into its id) or \`id_column:\``);
    const props = e.properties ?? {};
    if (!isObj(props)) return fail([...path, 'properties'])(`entity ${name}: properties must be a map`);
    const properties = Object.entries(props).map(([prop, p]) => readProperty(schema, name, prop, p, [...path, 'properties', prop], names, use, fail));
    const keyLiteral = one(e.key_literal, fail([...path, 'key_literal']), 'key_literal') ?? '';
    return { name, schema, line: lineAt(path), keys, keyLiteral, ...(idColumn ? { idColumn } : {}), properties, listed: isListable(schema) };
  }

  function readProperty(
    schema: Schema,
    entity: string,
    prop: string,
    p: unknown,
    path: Path,
    names: Set<string>,
    use: (c: string, p: Path) => unknown,
    fail: typeof failAt,
  ): PropertyMapping {
    const spec = schema.getProperty(prop);
    const at = (k?: string) => fail(k ? [...path, k] : path);
    if (!spec || spec.stub) return at()(`entity ${entity}: ${schema.name} has no property ${prop}`);
    if (!isObj(p)) return at()(`entity ${entity}, property ${prop}: must be a map (column, literal, template or entity)`);
    for (const k of Object.keys(p)) if (!PROPERTY_KEYS.has(k)) at(k)(`entity ${entity}, property ${prop}: unknown key ${k}`);
    const columns = [...strings(p.column, at('column'), 'column'), ...strings(p.columns, at('columns'), 'columns')].map((c) => c.trim());
    columns.forEach((c) => use(c, [...path, p.columns !== undefined ? 'columns' : 'column']));
    const template = one(p.template, at('template'), 'template');
    for (const m of template?.matchAll(TEMPLATE_REF) ?? []) use(m[1]!, [...path, 'template']);
    const ref = one(p.entity, at('entity'), 'entity');
    if (ref !== undefined && !names.has(ref)) at('entity')(`entity ${entity}, property ${prop}: no entity named ${ref} in this query`);
    if (ref !== undefined && spec.type !== 'entity') at('entity')(`entity ${entity}, property ${prop}: only entity properties take \`entity:\``);
    const literals = [...strings(p.literal, at('literal'), 'literal'), ...strings(p.literals, at('literals'), 'literals')];
    if (spec.type === 'entity' && ref === undefined)
      at()(`entity ${entity}, property ${prop}: reference another entity of the mapping with \`entity: <name>\``);
    if (ref === undefined && !columns.length && !literals.length && template === undefined)
      at()(`entity ${entity}, property ${prop}: needs column, columns, literal, literals, template or entity`);
    const formats = [...strings(p.format, at('format'), 'format'), ...strings(p.formats, at('formats'), 'formats')].map((f) => {
      try {
        return compileDateFormat(f);
      } catch (e) {
        return at(p.formats !== undefined ? 'formats' : 'format')(`entity ${entity}, property ${prop}: ${(e as Error).message}`);
      }
    });
    const join = one(p.join, at('join'), 'join');
    const split = one(p.split, at('split'), 'split');
    if (split === '') at('split')('split must not be empty');
    return {
      property: prop,
      type: spec.type,
      line: lineAt(path),
      columns,
      literals,
      ...(join !== undefined ? { join } : {}),
      ...(split !== undefined ? { split } : {}),
      ...(template !== undefined ? { template } : {}),
      ...(ref !== undefined ? { entity: ref } : {}),
      formats,
      required: p.required === true,
    };
  }
}
