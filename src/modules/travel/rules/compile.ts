// The rule compiler: checks types and values once, refuses sensitive characteristics, and turns the tree into fast closures.
import type { Expr, Literal, Operand } from './ast.js';
import { fail, RuleError, type Span } from './errors.js';
import { COLLECTIONS, TOP_FIELDS, type ValueType } from './fields.js';
import { parseRule } from './parser.js';
import { checkSensitive } from './sensitive.js';
import { countryOf, instant, type TravellerView } from './view.js';

/** A named value list as the compiler binds it: the version in force when the rule set was compiled. */
export interface ListValues {
  name: string;
  version: number;
  values: readonly string[];
}

export interface CompileEnv {
  list(name: string): ListValues | undefined;
}

export interface CompiledExpr {
  source: string;
  test(v: TravellerView): boolean;
  /** What the rule read from this traveller, for the hit's explanation: `booking.oneWay = true; route.countries = [at, sy]`. */
  explain(v: TravellerView): string;
  /** Lists used, with the versions bound. */
  lists: Record<string, number>;
}

type Items = unknown[];
type Get = (v: TravellerView, items: Items) => unknown;
interface Typed {
  type: ValueType;
  set: boolean;
  values?: readonly string[] | undefined;
  get: Get;
  /** Literals are converted to the type they meet; fields and calculations are not. */
  literal?: Literal;
  span: Span;
  label: string;
}
type Test = (v: TravellerView, items: Items) => boolean;

const TYPE_NAMES: Record<ValueType, string> = {
  number: 'a number',
  string: 'text',
  country: 'a country',
  airport: 'an airport',
  bool: 'true or false',
  instant: 'a date and time',
  duration: 'a duration (48 hours, 2 days)',
};

/** Converts a literal to a value of `type` (folded for comparison), or fails naming the literal. */
function convert(l: Literal, type: ValueType, values: readonly string[] | undefined, context: string): unknown {
  const bad = (why: string): never => fail('bad-value', `${why} (${context})`, l.span, l.kind === 'string' ? l.value : String('value' in l ? l.value : l.text));
  switch (type) {
    case 'number':
      if (l.kind !== 'number') bad(`expected a number, not ${describe(l)}`);
      return (l as { value: number }).value;
    case 'bool':
      if (l.kind !== 'bool') bad(`expected true or false, not ${describe(l)}`);
      return (l as { value: boolean }).value;
    case 'duration':
      if (l.kind !== 'duration') bad(`expected a duration such as 48 hours or 2 days, not ${describe(l)}`);
      return (l as { ms: number }).ms;
    case 'instant': {
      const t = l.kind === 'string' ? instant(l.value) : null;
      if (t === null) bad(`expected a date as "2026-12-01" or "2026-12-01T14:05", not ${describe(l)}`);
      return t;
    }
    case 'country': {
      const c = l.kind === 'string' ? countryOf(l.value) : null;
      if (!c) bad(`"${l.kind === 'string' ? l.value : describe(l)}" is not a country (use ISO codes such as "sy", "SYR" or a name)`);
      return c;
    }
    case 'airport':
      if (l.kind !== 'string' || !/^[A-Za-z]{3,4}$/.test(l.value)) bad(`expected an airport code such as "VIE", not ${describe(l)}`);
      return (l as { value: string }).value.toUpperCase();
    case 'string': {
      if (l.kind !== 'string') bad(`expected text in quotes, not ${describe(l)}`);
      const s = (l as { value: string }).value;
      if (values) {
        const v = s.toLowerCase();
        if (!values.includes(v)) bad(`"${s}" is not one of ${values.join(', ')}`);
        return v;
      }
      return s.toUpperCase();
    }
  }
}

function describe(l: Literal): string {
  return l.kind === 'string' ? `the text "${l.value}"` : l.kind === 'duration' ? l.text : String(l.value);
}

/** String fields compare without regard to case: values of open string fields are upper-cased, of enumerations lower-cased. */
const fold = (t: Typed) =>
  t.type === 'string'
    ? t.values
      ? (x: unknown) => (typeof x === 'string' ? x.toLowerCase() : x)
      : (x: unknown) => (typeof x === 'string' ? x.toUpperCase() : x)
    : null;

class Compiler {
  readonly lists: Record<string, number> = {};
  readonly fields = new Map<string, { scope: number; get: Get }>();
  private scope: string[] = [];
  constructor(private readonly env: CompileEnv) {}

  operand(o: Operand): Typed {
    switch (o.kind) {
      case 'field':
        return this.field(o.name, o.span);
      case 'string':
        return { type: 'string', set: false, get: () => o.value, literal: o, span: o.span, label: `"${o.value}"` };
      case 'number':
        return { type: 'number', set: false, get: () => o.value, literal: o, span: o.span, label: String(o.value) };
      case 'bool':
        return { type: 'bool', set: false, get: () => o.value, literal: o, span: o.span, label: String(o.value) };
      case 'duration':
        return { type: 'duration', set: false, get: () => o.ms, literal: o, span: o.span, label: o.text };
      case 'arith':
        return this.arith(o);
    }
  }

  private field(name: string, span: Span): Typed {
    const dot = name.indexOf('.');
    const head = dot < 0 ? name : name.slice(0, dot);
    const collection = COLLECTIONS.get(head);
    if (collection) {
      const depth = this.scope.lastIndexOf(head);
      const def = collection.fields.get(name);
      if (!def)
        fail(
          'unknown-field',
          `${head} has no field ${name.slice(head.length + 1) || '(none named)'}; ${head} fields: ${[...collection.fields.keys()].join(', ')}`,
          span,
          name,
        );
      if (depth < 0)
        fail('unknown-field', `${name} is a field of each ${head}: use it inside any ${head} (…), all ${head} (…) or none ${head} (…)`, span, name);
      const get: Get = (_v, items) => def.get(items[depth]);
      this.fields.set(name, { scope: depth, get });
      return { type: def.type, set: !!def.set, values: def.values, get, span, label: name };
    }
    const def = TOP_FIELDS.get(name);
    if (!def) {
      const near = [...TOP_FIELDS.keys()].filter((k) => k.startsWith(`${head}.`) || k.toLowerCase().includes(name.toLowerCase().split('.').pop()!));
      fail('unknown-field', `unknown field ${name}${near.length ? `; did you mean ${near.slice(0, 6).join(', ')}?` : ''}`, span, name);
    }
    const get: Get = (v) => def.get(v);
    this.fields.set(name, { scope: -1, get });
    return { type: def.type, set: !!def.set, values: def.values, get, span, label: name };
  }

  private arith(o: Extract<Operand, { kind: 'arith' }>): Typed {
    const l = this.operand(o.left);
    const r = this.operand(o.right);
    // A quoted date in a calculation is an instant: `flight.departure - "2026-12-01"`.
    const lt = l.literal?.kind === 'string' ? 'instant' : l.type;
    const rt = r.literal?.kind === 'string' ? 'instant' : r.type;
    if (l.set || r.set) fail('type-mismatch', `${l.set ? l.label : r.label} holds several values and cannot be calculated with`, o.span, '');
    let type: ValueType | null = null;
    if (o.op === '-' && lt === 'instant' && rt === 'instant') type = 'duration';
    else if (lt === 'instant' && rt === 'duration') type = 'instant';
    else if (o.op === '+' && lt === 'duration' && rt === 'instant') type = 'instant';
    else if (lt === rt && (lt === 'number' || lt === 'duration')) type = lt;
    if (!type) fail('type-mismatch', `cannot calculate ${TYPE_NAMES[lt]} ${o.op} ${TYPE_NAMES[rt]}`, o.span, `${l.label} ${o.op} ${r.label}`);
    const constant = (t: Typed, type: ValueType): Get => {
      if (!t.literal) return t.get;
      const value = convert(t.literal, type, undefined, 'date arithmetic');
      return () => value;
    };
    const left = constant(l, lt);
    const right = constant(r, rt);
    const get: Get =
      o.op === '+'
        ? (v, i) => {
            const x = left(v, i);
            const y = right(v, i);
            return x === null || y === null || x === undefined || y === undefined ? null : (x as number) + (y as number);
          }
        : (v, i) => {
            const x = left(v, i);
            const y = right(v, i);
            return x === null || y === null || x === undefined || y === undefined ? null : (x as number) - (y as number);
          };
    return { type, set: false, get, span: o.span, label: `${l.label} ${o.op} ${r.label}` };
  }

  /** The other side of a comparison, typed like `target`: literals converted, fields and calculations checked. */
  private against(target: Typed, other: Typed, context: string): Get {
    if (other.literal) {
      const value = convert(other.literal, target.type, target.values, context);
      return () => value;
    }
    if (other.set) fail('type-mismatch', `${other.label} holds several values; test it with in or contains`, other.span, other.label);
    if (other.type !== target.type)
      fail('type-mismatch', `${target.label} is ${TYPE_NAMES[target.type]} but ${other.label} is ${TYPE_NAMES[other.type]}`, other.span, other.label);
    const f = fold(other);
    return f ? (v, i) => f(other.get(v, i)) : other.get;
  }

  expr(e: Expr): Test {
    switch (e.kind) {
      case 'or': {
        const parts = e.items.map((x) => this.expr(x));
        return (v, i) => parts.some((p) => p(v, i));
      }
      case 'and': {
        const parts = e.items.map((x) => this.expr(x));
        return (v, i) => parts.every((p) => p(v, i));
      }
      case 'not': {
        const inner = this.expr(e.expr);
        return (v, i) => !inner(v, i);
      }
      case 'truthy': {
        const t = this.operand(e.operand);
        if (t.type !== 'bool' || t.set || t.literal)
          fail('type-mismatch', `${t.label} is ${TYPE_NAMES[t.type]}, not a condition: compare it (e.g. ${t.label} == …)`, t.span, t.label);
        return (v, i) => t.get(v, i) === true;
      }
      case 'is': {
        const t = this.operand(e.left);
        if (t.literal) fail('type-mismatch', 'is missing / is present tests a field', t.span, t.label);
        const missing = (x: unknown) => x === null || x === undefined || (Array.isArray(x) && x.length === 0);
        return e.present ? (v, i) => !missing(t.get(v, i)) : (v, i) => missing(t.get(v, i));
      }
      case 'compare':
        return this.compare(e);
      case 'in': {
        const left = this.operand(e.left);
        if (left.literal) fail('type-mismatch', `the left side of in must be a field, not ${left.label}`, left.span, left.label);
        const set = new Set(e.values.map((l) => convert(l, left.type, left.values, `values for ${left.label}`)));
        return this.member(left, (x) => set.has(x), e.negated);
      }
      case 'in-list': {
        const left = this.operand(e.left);
        if (left.literal) fail('type-mismatch', `the left side of in must be a field, not ${left.label}`, left.span, left.label);
        const list = this.env.list(e.list);
        if (!list) fail('unknown-list', `there is no value list named "${e.list}"`, e.listSpan, e.list);
        this.lists[list.name] = list.version;
        const set = new Set(
          list.values.map((value, n) => {
            try {
              return convert({ kind: 'string', value, span: e.listSpan }, left.type, left.values, `entry ${n + 1} of list "${e.list}" version ${list.version}`);
            } catch (err) {
              if (err instanceof RuleError) fail('bad-value', err.problem.detail, e.listSpan, value);
              throw err;
            }
          }),
        );
        return this.member(left, (x) => set.has(x), e.negated);
      }
      case 'text': {
        const left = this.operand(e.left);
        const right = this.operand(e.right);
        // `route.countries contains "SY"`: membership in a field holding several values, of any type.
        if (left.set && e.op === 'contains' && right.literal) {
          const value = convert(right.literal, left.type, left.values, `values for ${left.label}`);
          return this.member(left, (x) => x === value, false);
        }
        if (left.type !== 'string' && left.type !== 'airport')
          fail('type-mismatch', `${e.op} works on text, but ${left.label} is ${TYPE_NAMES[left.type]}`, left.span, left.label);
        const r = this.against({ ...left, set: false }, right, `${e.op} of ${left.label}`);
        const f = fold(left) ?? ((x: unknown) => x);
        const op = e.op;
        const check = (x: unknown, y: unknown) =>
          typeof x === 'string' && typeof y === 'string' && (op === 'startsWith' ? x.startsWith(y) : op === 'endsWith' ? x.endsWith(y) : x.includes(y));
        if (left.set) return (v, i) => ((left.get(v, i) as unknown[]) ?? []).some((x) => check(f(x), r(v, i)));
        return (v, i) => check(f(left.get(v, i)), r(v, i));
      }
      case 'quantified':
        return this.quantified(e);
    }
  }

  /** `in`: for a field holding several values, true when any of them is a member ("the route touches"). */
  private member(left: Typed, has: (x: unknown) => boolean, negated: boolean): Test {
    const f = fold(left) ?? ((x: unknown) => x);
    if (left.set) {
      return negated
        ? (v, i) => !((left.get(v, i) as unknown[]) ?? []).some((x) => has(f(x)))
        : (v, i) => ((left.get(v, i) as unknown[]) ?? []).some((x) => has(f(x)));
    }
    return negated
      ? (v, i) => {
          const x = left.get(v, i);
          return x !== null && x !== undefined && !has(f(x));
        }
      : (v, i) => has(f(left.get(v, i)));
  }

  private compare(e: Extract<Expr, { kind: 'compare' }>): Test {
    const lo = this.operand(e.left);
    const ro = this.operand(e.right);
    if (lo.literal && ro.literal) fail('type-mismatch', 'a comparison needs at least one field', e.span, '');
    // `48 < booking.hoursBeforeDeparture` is read as `booking.hoursBeforeDeparture > 48`.
    const swapped = !!lo.literal;
    const left = swapped ? ro : lo;
    const right = swapped ? lo : ro;
    if (left.set) fail('type-mismatch', `${left.label} holds several values; test it with in or contains`, left.span, left.label);
    const ordered = left.type === 'number' || left.type === 'instant' || left.type === 'duration';
    if (!ordered && e.op !== '==' && e.op !== '!=') fail('type-mismatch', `${left.label} is ${TYPE_NAMES[left.type]}: only == and != apply`, e.span, e.op);
    const r = this.against(left, right, `compared with ${left.label}`);
    const f = fold(left);
    const l: Get = f ? (v, i) => f(left.get(v, i)) : left.get;
    const op = swapped ? ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' } as const)[e.op] : e.op;
    const known = (x: unknown): x is number | string | boolean => x !== null && x !== undefined;
    switch (op) {
      case '==':
        return (v, i) => {
          const x = l(v, i);
          return known(x) && x === r(v, i);
        };
      case '!=':
        return (v, i) => {
          const x = l(v, i);
          const y = r(v, i);
          return known(x) && known(y) && x !== y;
        };
      case '<':
        return (v, i) => {
          const x = l(v, i);
          const y = r(v, i);
          return known(x) && known(y) && x < y;
        };
      case '<=':
        return (v, i) => {
          const x = l(v, i);
          const y = r(v, i);
          return known(x) && known(y) && x <= y;
        };
      case '>':
        return (v, i) => {
          const x = l(v, i);
          const y = r(v, i);
          return known(x) && known(y) && x > y;
        };
      case '>=':
        return (v, i) => {
          const x = l(v, i);
          const y = r(v, i);
          return known(x) && known(y) && x >= y;
        };
    }
  }

  private quantified(e: Extract<Expr, { kind: 'quantified' }>): Test {
    const c = COLLECTIONS.get(e.collection);
    if (!c) fail('unknown-field', `cannot range over ${e.collection}: use ${[...COLLECTIONS.keys()].join(' or ')}`, e.collectionSpan, e.collection);
    const depth = this.scope.length;
    this.scope.push(e.collection);
    const body = this.expr(e.body);
    this.scope.pop();
    const q = e.quantifier;
    return (v, outer) => {
      const items = c.items(v);
      const scope = outer.slice(0, depth);
      let hits = 0;
      for (const item of items) {
        scope[depth] = item;
        if (body(v, scope)) {
          if (q === 'any') return true;
          if (q === 'none') return false;
          hits++;
        } else if (q === 'all') return false;
      }
      return q === 'none' ? true : q === 'all' ? items.length > 0 && hits === items.length : false;
    };
  }
}

function show(x: unknown, name: string): string {
  if (x === null || x === undefined) return 'unknown';
  if (Array.isArray(x)) return `[${x.map((y) => show(y, name)).join(', ')}]`;
  if (typeof x === 'number') {
    const def = TOP_FIELDS.get(name) ?? COLLECTIONS.get(name.split('.')[0]!)?.fields.get(name);
    if (def?.type === 'instant') return new Date(x).toISOString().replace(':00.000Z', 'Z');
    return Number.isInteger(x) ? String(x) : x.toFixed(1);
  }
  return String(x);
}

/** Parses, validates and compiles one rule. Throws RuleError naming line, column and the offending part. */
export function compileRule(source: string, env: CompileEnv): CompiledExpr {
  const tree = parseRule(source);
  checkSensitive(tree);
  const compiler = new Compiler(env);
  const test = compiler.expr(tree);
  const fields = [...compiler.fields.entries()];
  return {
    source,
    lists: compiler.lists,
    test: (v) => test(v, []),
    explain(v) {
      return fields
        .map(([name, { scope, get }]) => {
          if (scope < 0) return `${name} = ${show(get(v, []), name)}`;
          const items = COLLECTIONS.get(name.split('.')[0]!)!.items(v);
          return `${name} = ${show(
            items.map((it) =>
              get(
                v,
                Array.from({ length: scope + 1 }, () => it),
              ),
            ),
            name,
          )}`;
        })
        .join('; ');
    },
  };
}
