// Bounds on untrusted STIX input: sizes, nesting depth and node counts, checked before anything walks the data.
export const STIX_LIMITS = {
  /** Deepest nesting of arrays/objects inside one STIX object. */
  maxDepth: 32,
  /** Values (objects, arrays, scalars) inside one STIX object. */
  maxNodes: 50_000,
  /** Longest string value. */
  maxStringLength: 1_000_000,
  /** Objects in one bundle or envelope. */
  maxObjects: 200_000,
} as const;

interface Step {
  v: unknown;
  depth: number;
  parent: Step | undefined;
  key: string | number;
}

const pathOf = (root: string, step: Step): string => {
  const keys: (string | number)[] = [];
  for (let s: Step | undefined = step; s?.parent; s = s.parent) keys.push(s.key);
  return keys.reverse().reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : childPath(p, k)), root);
};

/** The first bound `value` breaks, with the JSON path where, or undefined. Iterative: never recurses on the input; paths are built only on failure. */
export function exceedsLimits(value: unknown, path: string, limits = STIX_LIMITS): { path: string; message: string } | undefined {
  const stack: Step[] = [{ v: value, depth: 0, parent: undefined, key: '' }];
  let nodes = 0;
  while (stack.length) {
    const step = stack.pop()!;
    const v = step.v;
    if (++nodes > limits.maxNodes) return { path, message: `has more than ${limits.maxNodes} values` };
    if (typeof v === 'string') {
      if (v.length > limits.maxStringLength) return { path: pathOf(path, step), message: `is longer than ${limits.maxStringLength} characters` };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (step.depth >= limits.maxDepth) return { path: pathOf(path, step), message: `nests deeper than ${limits.maxDepth} levels` };
    const depth = step.depth + 1;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth, parent: step, key: i });
    else for (const k in v) if (Object.hasOwn(v, k)) stack.push({ v: (v as Record<string, unknown>)[k], depth, parent: step, key: k });
  }
  return undefined;
}

/** `$.objects[2]` + `created` → `$.objects[2].created`; odd keys are quoted. */
export const childPath = (p: string, key: string): string => (/^[A-Za-z_$][\w$-]*$/.test(key) ? `${p}.${key}` : `${p}[${JSON.stringify(key)}]`);

/** Parses JSON text; a syntax error names its line, column and offset. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number; offset?: number } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).replace(/, "[\s\S]*" is not valid JSON$/, '').slice(0, 200);
    const offset = syntaxErrorOffset(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { ok: false, message, line, column, offset };
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters inside strings
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** Where JSON text stops being valid (iterative scan; only called after JSON.parse failed). */
export function syntaxErrorOffset(text: string): number {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  // expect: 'value' | 'key' | 'colon' | 'after' (comma or close) ; first: just opened a container
  let expect: 'value' | 'key' | 'colon' | 'after' = 'value';
  let first = false;
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  for (;;) {
    skip();
    if (i >= text.length) return text.length;
    const c = text[i]!;
    if (expect === 'value') {
      if (first && c === ']' && stack[stack.length - 1] === '[') {
        stack.pop();
        i++;
        expect = 'after';
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        expect = c === '{' ? 'key' : 'value';
        first = true;
        continue;
      } else if (c === '"') {
        STRING.lastIndex = i;
        if (!STRING.test(text)) return i;
        i = STRING.lastIndex;
        expect = 'after';
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return i;
        i = NUMBER.lastIndex;
        expect = 'after';
      } else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) return i;
        i += word.length;
        expect = 'after';
      }
    } else if (expect === 'key') {
      if (first && c === '}') {
        stack.pop();
        i++;
        expect = 'after';
      } else {
        STRING.lastIndex = i;
        if (c !== '"' || !STRING.test(text)) return i;
        i = STRING.lastIndex;
        expect = 'colon';
      }
    } else if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (!top) return i; // trailing content after the document
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
        expect = 'after';
      } else return i;
    }
    first = false;
    if (expect === 'after' && stack.length === 0) {
      skip();
      return i; // a complete document followed by something else (or nothing, if JSON.parse failed elsewhere)
    }
  }
}
