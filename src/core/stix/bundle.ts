// Reading STIX input: a bundle, an envelope (`{"objects": [...]}`) or a bare list or object, validated object by object.
import { STIX_LIMITS } from './limits.js';
import type { ObjectVerdict, StixValidator, ValidateOptions } from './validate.js';

export interface ReadResult {
  /** The objects found, in input order (valid or not). */
  objects: unknown[];
  verdicts: ObjectVerdict[];
  /** Problems with the container itself (not an object list, too many objects). */
  problems: { path: string; message: string }[];
}

/** The objects of a parsed JSON value: a bundle, an envelope, an array of objects or one object. */
export function objectsOf(value: unknown): { objects: unknown[]; base: string } | { problem: string } {
  if (Array.isArray(value)) return { objects: value, base: '$' };
  if (!value || typeof value !== 'object') return { problem: 'must be a STIX bundle, a TAXII envelope, an array of objects or one object' };
  const v = value as Record<string, unknown>;
  if (v.type === 'bundle' || (v.objects !== undefined && v.type === undefined)) {
    if (v.objects === undefined) return { objects: [], base: '$.objects' };
    if (!Array.isArray(v.objects)) return { problem: '$.objects must be an array' };
    return { objects: v.objects, base: '$.objects' };
  }
  return { objects: [value], base: '$' };
}

export function readStix(value: unknown, validator: StixValidator, opts: ValidateOptions = {}): ReadResult {
  const found = objectsOf(value);
  if ('problem' in found) return { objects: [], verdicts: [], problems: [{ path: '$', message: found.problem }] };
  if (found.objects.length > STIX_LIMITS.maxObjects) {
    return {
      objects: [],
      verdicts: [],
      problems: [{ path: found.base, message: `holds ${found.objects.length} objects; at most ${STIX_LIMITS.maxObjects} are accepted at once` }],
    };
  }
  const single = found.base === '$' && !Array.isArray(value);
  const verdicts = validator.validateObjects(found.objects, found.base, opts, single);
  return { objects: found.objects, verdicts, problems: [] };
}
