// STIX 2.1 validation: the OASIS JSON schemas (compiled once) plus the rules schemas cannot express, with a JSON path per issue.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { checkRelationshipType, NOT_RELATABLE } from './relationships.js';
import { isStixTimestamp, timestampKey } from './timestamps.js';
import { TLP_MARKINGS, TLP2_EXTENSION, markingRefsOf } from './tlp.js';
import { childPath, exceedsLimits } from './limits.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export type Severity = 'error' | 'warning';
export interface StixIssue {
  path: string;
  message: string;
  severity: Severity;
}
export interface ObjectVerdict {
  index: number;
  path: string;
  id: string | undefined;
  type: string | undefined;
  /** The version: `modified`, else `created`; undefined for objects without either (most SCOs). */
  version: string | undefined;
  /** 2.1, or 2.0 for an SDO/SRO without `spec_version` (STIX 2.0 content: common rules only, no 2.0 schemas are shipped). */
  specVersion: '2.0' | '2.1';
  ok: boolean;
  issues: StixIssue[];
}

export const STIX_ID = /^([a-z][a-z0-9-]+[a-z0-9])--([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$/;
const TIMESTAMP_PROPS = ['created', 'modified', 'valid_from', 'valid_until', 'first_seen', 'last_seen', 'published', 'first_observed', 'last_observed'];
const SAFE_TYPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-?$/;
const PATTERN_BOUNDS: readonly [string, number][] = [
  ['lang', 64],
  ['cpe', 1000],
  ['value', 100_000],
];
const SCHEMA_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

/** A JSON schema as loaded from disk: only `$id` matters here. */
export type JsonSchema = { $id?: string } & Record<string, unknown>;

export interface ValidateOptions {
  /** Whether a marking-definition id not in the batch exists already (the store). */
  knownMarking?: (id: string) => boolean;
}

export class StixValidator {
  readonly #ajv: Ajv2020;
  readonly #byType = new Map<string, string>();
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #scoTypes = new Set<string>();

  constructor(schemas: readonly JsonSchema[]) {
    this.#ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true, unicodeRegExp: false });
    addFormats(this.#ajv);
    this.#ajv.addFormat('idn-hostname', true);
    for (const s of schemas) {
      if (!s.$id) continue;
      this.#ajv.addSchema(s);
      const m = /\/schemas\/(sdos|sros|observables|common)\/([a-z0-9-]+)\.json$/.exec(s.$id);
      if (!m) continue;
      const [, kind, name] = m as unknown as [string, string, string];
      if (kind !== 'common' || ['marking-definition', 'language-content', 'extension-definition', 'bundle'].includes(name)) this.#byType.set(name, s.$id);
      if (kind === 'observables') this.#scoTypes.add(name);
    }
    if (!this.#byType.has('indicator')) throw new Error('the STIX 2.1 schemas are missing (no indicator schema)');
  }

  isSco = (type: string): boolean => this.#scoTypes.has(type);

  #validator(schemaId: string): ValidateFunction {
    let v = this.#compiled.get(schemaId);
    if (!v) {
      v = this.#ajv.getSchema(schemaId);
      if (!v) throw new Error(`schema ${schemaId} is not loaded`);
      this.#compiled.set(schemaId, v);
    }
    return v;
  }

  /** Compiles every schema now (at start), so the first request does not pay for it. */
  warm(): this {
    for (const id of this.#byType.values()) this.#validator(id);
    this.#validator(SCHEMA_BASE + 'common/core.json');
    this.#validator(SCHEMA_BASE + 'common/cyber-observable-core.json');
    return this;
  }

  /** Validates a list of objects (a bundle's or envelope's `objects`); markings defined in the list count as existing. */
  validateObjects(objects: readonly unknown[], basePath: string, opts: ValidateOptions = {}, single = false): ObjectVerdict[] {
    const inBatch = new Set<string>();
    const types = new Map<string, string>();
    for (const o of objects) {
      if (o && typeof o === 'object' && !Array.isArray(o)) {
        const { id, type } = o as Record<string, unknown>;
        if (typeof id === 'string' && typeof type === 'string') {
          types.set(id, type);
          if (type === 'marking-definition') inBatch.add(id);
        }
      }
    }
    const known = (id: string) => inBatch.has(id) || !!TLP_MARKINGS[id] || (opts.knownMarking?.(id) ?? false);
    return objects.map((o, i) => this.validateObject(o, single ? basePath : `${basePath}[${i}]`, i, known));
  }

  validateObject(value: unknown, path: string, index = 0, knownMarking: (id: string) => boolean = (id) => !!TLP_MARKINGS[id]): ObjectVerdict {
    const issues: StixIssue[] = [];
    const error = (p: string, message: string) => issues.push({ path: p, message, severity: 'error' });
    const verdict = (id?: string, type?: string, version?: string, specVersion: '2.0' | '2.1' = '2.1'): ObjectVerdict => ({
      index,
      path,
      id,
      type,
      version,
      specVersion,
      ok: !issues.some((x) => x.severity === 'error'),
      issues,
    });
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      error(path, 'must be a JSON object');
      return verdict();
    }
    const o = value as Record<string, unknown>;
    const id = typeof o.id === 'string' ? o.id.slice(0, 300) : undefined;
    const type = typeof o.type === 'string' ? o.type.slice(0, 300) : undefined;
    const bound = exceedsLimits(o, path);
    if (bound) {
      error(bound.path, bound.message);
      return verdict(id, type);
    }
    if (!type) error(childPath(path, 'type'), 'is required and must be a string');
    if (!id) error(childPath(path, 'id'), 'is required and must be a string');
    if (!type || !id) return verdict(id, type);
    // The schemas' own patterns for these backtrack badly on long input: bound them first.
    if (type.length > 250 || !SAFE_TYPE.test(type)) {
      error(childPath(path, 'type'), 'must be 3-250 lower-case letters, digits and hyphens, starting with a letter');
      return verdict(id, type);
    }
    for (const [prop, max] of PATTERN_BOUNDS) {
      if (typeof o[prop] === 'string' && (o[prop] as string).length > max) error(childPath(path, prop), `is longer than ${max} characters`);
    }
    if (issues.length) return verdict(id, type);
    const m = STIX_ID.exec(id);
    if (!m) error(childPath(path, 'id'), 'must be `<type>--<UUID>` with an RFC 4122 UUID');
    else if (m[1] !== type) error(childPath(path, 'id'), `its prefix "${m[1]}" must equal the type "${type}"`);
    const sco = this.isSco(type) || (!this.#byType.has(type) && o.created === undefined && o.modified === undefined && type.startsWith('x-') === false);
    const specVersion: '2.0' | '2.1' = o.spec_version === '2.0' || (o.spec_version === undefined && !sco && type !== 'marking-definition') ? '2.0' : '2.1';
    if (o.spec_version !== undefined && o.spec_version !== '2.0' && o.spec_version !== '2.1')
      error(childPath(path, 'spec_version'), 'must be "2.1" (or "2.0")');

    for (const prop of TIMESTAMP_PROPS) {
      if (o[prop] !== undefined && !isStixTimestamp(o[prop]))
        error(childPath(path, prop), 'must be a UTC timestamp ending in Z, e.g. 2024-05-01T09:00:00.000Z');
    }
    const created = timestampKey(o.created);
    const modified = timestampKey(o.modified);
    if (created && modified && modified < created) error(childPath(path, 'modified'), 'must not be earlier than created');
    const vf = timestampKey(o.valid_from);
    const vu = timestampKey(o.valid_until);
    if (vf && vu && vu <= vf) error(childPath(path, 'valid_until'), 'must be later than valid_from');

    if (specVersion === '2.1') this.#schemaIssues(o, type, sco, path, issues);
    else if (!created || !modified) error(path, 'a STIX 2.0 object needs created and modified (STIX 2.0 objects get the common checks only)');

    markingRefsOf(o).forEach((ref) => {
      if (!ref.startsWith('marking-definition--')) error(childPath(path, 'object_marking_refs'), `${ref} is not a marking-definition id`);
      else if (!knownMarking(ref))
        error(childPath(path, 'object_marking_refs'), `${ref} is neither a TLP marking nor a marking-definition in this bundle or collection`);
    });
    if (type === 'marking-definition') this.#fixedTlp(o, path, issues);
    if (type === 'relationship') this.#relationship(o, path, issues);
    return verdict(id, type, typeof o.modified === 'string' ? o.modified : typeof o.created === 'string' ? o.created : undefined, specVersion);
  }

  #schemaIssues(o: Record<string, unknown>, type: string, sco: boolean, path: string, issues: StixIssue[]): void {
    const schemaId = this.#byType.get(type) ?? SCHEMA_BASE + (sco ? 'common/cyber-observable-core.json' : 'common/core.json');
    const validate = this.#validator(schemaId);
    if (validate(o)) return;
    const seen = new Set<string>();
    for (const e of (validate.errors ?? []) as ErrorObject[]) {
      const where = pointerToPath(path, e.instancePath);
      const missing = typeof e.params.missingProperty === 'string' ? e.params.missingProperty : undefined;
      const p = missing ? childPath(where, missing) : where;
      const message = missing
        ? 'is required'
        : `${e.message ?? 'is not valid'}${e.params.allowedValues ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`;
      const key = `${p} ${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({ path: p, message, severity: 'error' });
    }
  }

  #fixedTlp(o: Record<string, unknown>, path: string, issues: StixIssue[]): void {
    const fixed = TLP_MARKINGS[String(o.id)];
    if (!fixed) return;
    const word = fixed.name.slice(4).toLowerCase();
    const ok =
      fixed.version === '1.0'
        ? o.definition_type === 'tlp' && (o.definition as Record<string, unknown> | undefined)?.tlp === word
        : ((o.extensions as Record<string, Record<string, unknown>> | undefined)?.[TLP2_EXTENSION]?.tlp_2_0 ?? '') === word;
    if (!ok)
      issues.push({
        path,
        message: `${o.id} is the fixed ${fixed.name} (TLP ${fixed.version}) marking and must carry exactly that definition`,
        severity: 'error',
      });
  }

  #relationship(o: Record<string, unknown>, path: string, issues: StixIssue[]): void {
    const rt = o.relationship_type;
    const src = typeof o.source_ref === 'string' ? STIX_ID.exec(o.source_ref)?.[1] : undefined;
    const dst = typeof o.target_ref === 'string' ? STIX_ID.exec(o.target_ref)?.[1] : undefined;
    if (typeof rt === 'string' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rt)) {
      issues.push({ path: childPath(path, 'relationship_type'), message: 'must be lower-case ASCII words joined by hyphens', severity: 'error' });
    }
    for (const [field, t] of [
      ['source_ref', src],
      ['target_ref', dst],
    ] as const) {
      if (t && NOT_RELATABLE.has(t)) issues.push({ path: childPath(path, field), message: `a relationship cannot point to a ${t}`, severity: 'error' });
    }
    if (typeof rt === 'string' && src && dst && !NOT_RELATABLE.has(src) && !NOT_RELATABLE.has(dst)) {
      const v = checkRelationshipType(src, rt, dst, this.isSco);
      if (!v.ok) issues.push({ path: childPath(path, 'relationship_type'), message: v.reason, severity: 'warning' });
    }
  }
}

/** `/objects/0/created` under `$.objects[3]` → `$.objects[3].objects[0].created`. */
function pointerToPath(base: string, pointer: string): string {
  if (!pointer) return base;
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((p, seg) => (/^\d+$/.test(seg) ? `${p}[${seg}]` : childPath(p, seg)), base);
}
