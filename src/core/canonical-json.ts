// Canonical JSON: one byte-exact text per JSON value (sorted keys, no whitespace), for hashing and signing.

/**
 * Serialises `value` as JSON with object keys sorted by UTF-16 code units and no whitespace, so equal values
 * always give the same text. As in `JSON.stringify`: `toJSON()` is honoured, object members whose value is
 * `undefined` are dropped and `undefined` array elements become `null`. Unlike it, this rejects what JSON cannot
 * carry faithfully instead of silently changing it: non-finite numbers, bigints, functions, symbols, cycles
 * and objects other than plain objects and arrays (a `Map` would otherwise become `{}`).
 */
export function canonicalJson(value: unknown): string {
  const out = write(value, '', [], '$');
  if (out === undefined) throw new TypeError('canonicalJson: the value at $ is undefined');
  return out;
}

function write(value: unknown, key: string, stack: object[], path: string): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${path}`);
      return JSON.stringify(value);
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: a ${typeof value} at ${path} is not JSON`);
  }
  const obj = value as object;
  const toJSON = (obj as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(obj, key), key, stack, path);
  if (stack.includes(obj)) throw new TypeError(`canonicalJson: cycle at ${path}`);
  stack.push(obj);
  try {
    if (Array.isArray(obj)) {
      return `[${Array.from(obj as unknown[], (item, i) => write(item, String(i), stack, `${path}[${i}]`) ?? 'null').join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`canonicalJson: the ${obj.constructor?.name ?? 'object'} at ${path} is not a plain object`);
    }
    const record = obj as Record<string, unknown>;
    const members: string[] = [];
    for (const name of Object.keys(record).sort(compareCodeUnits)) {
      const text = write(record[name], name, stack, `${path}.${name}`);
      if (text !== undefined) members.push(`${JSON.stringify(name)}:${text}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    stack.pop();
  }
}

/** Orders strings by UTF-16 code units (as RFC 8785), independent of locale. */
const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
