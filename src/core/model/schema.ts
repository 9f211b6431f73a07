// The FollowTheMoney schemata (from @alephdata/followthemoney's model) with inheritance resolved.
import defaultModel from '@alephdata/followthemoney/dist/defaultModel.json' with { type: 'json' };

/** One property of a schema, own or inherited. */
export interface PropertySpec {
  name: string;
  label: string;
  /** FtM type: name, date, country, entity, identifier, string, … */
  type: string;
  /** For entity properties: the schema the value must be. */
  range?: string;
  /** For entity properties: the property on the range schema pointing back. */
  reverse?: string;
  matchable: boolean;
  /** Longest value FtM accepts, in characters. */
  maxLength: number;
  /** The schema that declares this property. */
  schema: string;
  hidden: boolean;
  /** A reverse stub (e.g. `Person:associates`): never set directly. */
  stub: boolean;
}

export interface EdgeSpec {
  source: string;
  target: string;
  directed: boolean;
  label?: string;
}

export interface Schema {
  name: string;
  label: string;
  plural: string;
  /** Direct parents. */
  extends: readonly string[];
  /** This schema and all its ancestors. */
  ancestors: readonly string[];
  abstract: boolean;
  matchable: boolean;
  featured: readonly string[];
  /** Properties whose first value names an entity, in order of preference. */
  caption: readonly string[];
  required: readonly string[];
  edge?: EdgeSpec;
  /** All properties, inherited ones included, by name. */
  properties: ReadonlyMap<string, PropertySpec>;
  getProperty(name: string): PropertySpec | undefined;
  /** True when this schema is `other` or descends from it. */
  isA(other: string | Schema): boolean;
}

export interface Model {
  getSchema(name: string): Schema | undefined;
  schemata(): Schema[];
  /** Valid values of enumerated types (country, gender, topic, language), by type. */
  typeValues(type: string): ReadonlySet<string> | undefined;
}

interface RawProperty {
  name: string;
  label?: string;
  type: string;
  range?: string;
  reverse?: string;
  matchable?: boolean;
  maxLength?: number;
  hidden?: boolean;
  stub?: boolean;
}
interface RawSchema {
  label?: string;
  plural?: string;
  extends?: string[];
  schemata?: string[];
  abstract?: boolean;
  matchable?: boolean;
  featured?: string[];
  caption?: string[];
  required?: string[];
  edge?: { source: string; target: string; directed?: boolean; label?: string };
  properties: Record<string, RawProperty>;
}
interface RawModel {
  schemata: Record<string, RawSchema>;
  types: Record<string, { maxLength?: number; values?: Record<string, string> }>;
}

function buildModel(raw: RawModel): Model {
  const built = new Map<string, Schema>();
  const building = new Set<string>();

  const build = (name: string): Schema => {
    const done = built.get(name);
    if (done) return done;
    const spec = raw.schemata[name];
    if (!spec) throw new Error(`FtM model: schema ${name} is referenced but not defined`);
    if (building.has(name)) throw new Error(`FtM model: schema ${name} extends itself`);
    building.add(name);
    const parents = (spec.extends ?? []).map(build);
    const properties = new Map<string, PropertySpec>();
    for (const parent of parents) for (const [k, p] of parent.properties) properties.set(k, p);
    for (const [k, p] of Object.entries(spec.properties)) {
      properties.set(k, {
        name: p.name,
        label: p.label ?? p.name,
        type: p.type,
        ...(p.range !== undefined ? { range: p.range } : {}),
        ...(p.reverse !== undefined ? { reverse: p.reverse } : {}),
        matchable: p.matchable === true,
        maxLength: p.maxLength ?? raw.types[p.type]?.maxLength ?? 1024,
        schema: name,
        hidden: p.hidden === true,
        stub: p.stub === true,
      });
    }
    const ancestors = new Set<string>([name]);
    for (const parent of parents) for (const a of parent.ancestors) ancestors.add(a);
    const schema: Schema = {
      name,
      label: spec.label ?? name,
      plural: spec.plural ?? spec.label ?? name,
      extends: Object.freeze([...(spec.extends ?? [])]),
      ancestors: Object.freeze([...ancestors]),
      abstract: spec.abstract === true,
      matchable: spec.matchable === true,
      featured: Object.freeze([...(spec.featured ?? [])]),
      caption: Object.freeze([...(spec.caption ?? [])]),
      required: Object.freeze([...(spec.required ?? [])]),
      ...(spec.edge
        ? {
            edge: {
              source: spec.edge.source,
              target: spec.edge.target,
              directed: spec.edge.directed === true,
              ...(spec.edge.label ? { label: spec.edge.label } : {}),
            },
          }
        : {}),
      properties,
      getProperty: (prop) => properties.get(prop),
      isA: (other) => ancestors.has(typeof other === 'string' ? other : other.name),
    };
    building.delete(name);
    built.set(name, Object.freeze(schema));
    return schema;
  };

  for (const name of Object.keys(raw.schemata)) build(name);
  const values = new Map<string, ReadonlySet<string>>();
  for (const [type, spec] of Object.entries(raw.types)) if (spec.values) values.set(type, new Set(Object.keys(spec.values)));

  return {
    getSchema: (name) => (Object.hasOwn(raw.schemata, name) ? built.get(name) : undefined),
    schemata: () => [...built.values()],
    typeValues: (type) => values.get(type),
  };
}

/** The FollowTheMoney model Vigil uses (the schemata the package ships). */
export const model: Model = buildModel(defaultModel as unknown as RawModel);

/**
 * A schema whose entities a list names as its subjects: a matchable Thing other than
 * an Address or a Position (people, organisations, companies, vessels, aircraft, wallets, accounts…).
 * Sanctions, documents, addresses and links between entities are auxiliaries.
 */
export function isListable(schema: Schema): boolean {
  return schema.matchable && !schema.abstract && schema.isA('Thing') && !schema.isA('Address') && !schema.isA('Position');
}
