// Recursive-descent parser of the rule language: tokens to a syntax tree, nesting bounded, every error with line and column.
import type { CompareOp, Expr, Literal, Operand, Quantifier, StringOp } from './ast.js';
import { fail, type Span } from './errors.js';
import { tokenize, type Token } from './lexer.js';

/** Deepest nesting of parentheses, `not` and quantifiers. */
export const MAX_DEPTH = 32;

export const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'list',
  'any',
  'all',
  'none',
  'is',
  'missing',
  'present',
  'true',
  'false',
  'startsWith',
  'endsWith',
  'contains',
]);
const COMPARE = new Set(['==', '!=', '<', '<=', '>', '>=']);
const TEXT_OPS = new Set(['startsWith', 'endsWith', 'contains']);
const UNITS: Record<string, number> = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };

const join = (a: Span, b: Span): Span => ({ offset: a.offset, line: a.line, column: a.column, length: b.offset + b.length - a.offset });

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(n = 0): Token {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  private isWord(t: Token, w: string) {
    return t.kind === 'name' && t.text === w;
  }
  private isOp(t: Token, o: string) {
    return t.kind === 'op' && t.text === o;
  }
  private describe(t: Token) {
    return t.kind === 'eof' ? 'the end of the expression' : t.kind === 'string' ? `the string "${t.text}"` : `"${t.text}"`;
  }
  private expected(what: string): never {
    const t = this.peek();
    return fail('syntax', `expected ${what} but found ${this.describe(t)}`, t.span, t.text);
  }
  private expectOp(o: string, what = `"${o}"`): Token {
    if (!this.isOp(this.peek(), o)) this.expected(what);
    return this.next();
  }
  private enter(t: Token) {
    if (++this.depth > MAX_DEPTH) fail('too-deep', `the expression nests deeper than ${MAX_DEPTH} levels`, t.span, t.text);
  }

  rule(): Expr {
    if (this.peek().kind === 'eof') this.expected('a condition');
    const e = this.or();
    if (this.peek().kind !== 'eof') this.expected('and, or, or the end of the expression');
    return e;
  }

  private or(): Expr {
    const first = this.and();
    const items = [first];
    while (this.isWord(this.peek(), 'or')) {
      this.next();
      items.push(this.and());
    }
    return items.length === 1 ? first : { kind: 'or', items, span: join(first.span, items.at(-1)!.span) };
  }

  private and(): Expr {
    const first = this.unary();
    const items = [first];
    while (this.isWord(this.peek(), 'and')) {
      this.next();
      items.push(this.unary());
    }
    return items.length === 1 ? first : { kind: 'and', items, span: join(first.span, items.at(-1)!.span) };
  }

  private unary(): Expr {
    const t = this.peek();
    if (this.isWord(t, 'not')) {
      this.next();
      this.enter(t);
      const expr = this.unary();
      this.depth--;
      return { kind: 'not', expr, span: join(t.span, expr.span) };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.peek();
    if (this.isOp(t, '(')) {
      this.next();
      this.enter(t);
      const e = this.or();
      this.depth--;
      const close = this.expectOp(')', '")" to close the "(" at ' + `${t.span.line}:${t.span.column}`);
      return { ...e, span: join(t.span, close.span) };
    }
    if (t.kind === 'name' && (t.text === 'any' || t.text === 'all' || t.text === 'none')) {
      this.next();
      const c = this.peek();
      if (c.kind !== 'name' || KEYWORDS.has(c.text)) this.expected(`what ${t.text} ranges over (leg or document)`);
      this.next();
      const open = this.expectOp('(', `"(" and a condition on each ${c.text}`);
      this.enter(open);
      const body = this.or();
      this.depth--;
      const close = this.expectOp(')', `")" to close the "(" at ${open.span.line}:${open.span.column}`);
      return { kind: 'quantified', quantifier: t.text as Quantifier, collection: c.text, collectionSpan: c.span, body, span: join(t.span, close.span) };
    }
    return this.predicate();
  }

  private predicate(): Expr {
    const left = this.sum();
    const t = this.peek();
    if (t.kind === 'op' && COMPARE.has(t.text)) {
      this.next();
      const right = this.sum();
      return { kind: 'compare', op: t.text as CompareOp, left, right, span: join(left.span, right.span) };
    }
    if (this.isWord(t, 'not') && this.isWord(this.peek(1), 'in')) {
      this.next();
      return this.membership(left, true);
    }
    if (this.isWord(t, 'in')) return this.membership(left, false);
    if (t.kind === 'name' && TEXT_OPS.has(t.text)) {
      this.next();
      const right = this.sum();
      return { kind: 'text', op: t.text as StringOp, left, right, span: join(left.span, right.span) };
    }
    if (this.isWord(t, 'is')) {
      this.next();
      const negated = this.isWord(this.peek(), 'not');
      if (negated) this.next();
      const w = this.peek();
      if (!this.isWord(w, 'missing') && !this.isWord(w, 'present')) this.expected('missing or present after is');
      this.next();
      return { kind: 'is', left, present: (w.text === 'present') !== negated, span: join(left.span, w.span) };
    }
    return { kind: 'truthy', operand: left, span: left.span };
  }

  private membership(left: Operand, negated: boolean): Expr {
    this.next(); // in
    if (this.isWord(this.peek(), 'list')) {
      this.next();
      const name = this.peek();
      if (name.kind !== 'string') this.expected('the list name in quotes, e.g. list "high-risk-routes"');
      this.next();
      return { kind: 'in-list', left, list: name.text, listSpan: name.span, negated, span: join(left.span, name.span) };
    }
    // `"cash" in booking.paymentTypes`: a value in a field holding several values is `contains`.
    const t = this.peek();
    if (t.kind === 'name' && !KEYWORDS.has(t.text) && left.kind !== 'field' && left.kind !== 'arith') {
      this.next();
      const field: Operand = { kind: 'field', name: t.text, span: t.span };
      const e: Expr = { kind: 'text', op: 'contains', left: field, right: left, span: join(left.span, t.span) };
      return negated ? { kind: 'not', expr: e, span: e.span } : e;
    }
    this.expectOp('[', '"[" and values, or list "name"');
    const values: Literal[] = [];
    if (!this.isOp(this.peek(), ']')) {
      for (;;) {
        values.push(this.literal());
        if (!this.isOp(this.peek(), ',')) break;
        this.next();
      }
    }
    const close = this.expectOp(']', '"," or "]"');
    return { kind: 'in', left, values, negated, span: join(left.span, close.span) };
  }

  private literal(): Literal {
    const o = this.term();
    if (o.kind === 'field' || o.kind === 'arith')
      fail('syntax', `a list holds values (strings, numbers, true, false), not ${o.kind === 'field' ? 'the field ' + o.name : 'a calculation'}`, o.span, '');
    return o;
  }

  private sum(): Operand {
    let left = this.term();
    while (this.isOp(this.peek(), '+') || this.isOp(this.peek(), '-')) {
      const op = this.next().text as '+' | '-';
      const right = this.term();
      left = { kind: 'arith', op, left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private term(): Operand {
    const t = this.peek();
    if (t.kind === 'string') {
      this.next();
      return { kind: 'string', value: t.text, span: t.span };
    }
    if (t.kind === 'number' || (this.isOp(t, '-') && this.peek(1).kind === 'number')) {
      const minus = this.isOp(t, '-');
      if (minus) this.next();
      const n = this.next();
      const value = Number(n.text) * (minus ? -1 : 1);
      const unit = this.peek();
      if (unit.kind === 'name' && UNITS[unit.text] !== undefined) {
        this.next();
        return { kind: 'duration', ms: value * UNITS[unit.text]!, text: `${minus ? '-' : ''}${n.text} ${unit.text}`, span: join(t.span, unit.span) };
      }
      return { kind: 'number', value, span: join(t.span, n.span) };
    }
    if (this.isWord(t, 'true') || this.isWord(t, 'false')) {
      this.next();
      return { kind: 'bool', value: t.text === 'true', span: t.span };
    }
    if (t.kind === 'name' && !KEYWORDS.has(t.text)) {
      this.next();
      return { kind: 'field', name: t.text, span: t.span };
    }
    return this.expected('a field, a string or a number');
  }
}

/** Parses one rule expression. Throws RuleError (never anything else) naming line, column and the offending part. */
export function parseRule(source: string): Expr {
  return new Parser(tokenize(source)).rule();
}
