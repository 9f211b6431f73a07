// Syntax tree of the rule language, as the parser builds it; every node keeps its place in the source for errors.
import type { Span } from './errors.js';

export type Operand =
  | { kind: 'field'; name: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  /** `48 hours`, `2 days`, `30 minutes`: milliseconds. */
  | { kind: 'duration'; ms: number; text: string; span: Span }
  | { kind: 'arith'; op: '+' | '-'; left: Operand; right: Operand; span: Span };

export type Literal = Extract<Operand, { kind: 'string' | 'number' | 'bool' | 'duration' }>;

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type StringOp = 'startsWith' | 'endsWith' | 'contains';
export type Quantifier = 'any' | 'all' | 'none';

export type Expr =
  | { kind: 'or' | 'and'; items: Expr[]; span: Span }
  | { kind: 'not'; expr: Expr; span: Span }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand; span: Span }
  | { kind: 'in'; left: Operand; values: Literal[]; negated: boolean; span: Span }
  | { kind: 'in-list'; left: Operand; list: string; listSpan: Span; negated: boolean; span: Span }
  | { kind: 'text'; op: StringOp; left: Operand; right: Operand; span: Span }
  | { kind: 'is'; left: Operand; present: boolean; span: Span }
  /** A boolean field used as a condition: `booking.oneWay`. */
  | { kind: 'truthy'; operand: Operand; span: Span }
  | { kind: 'quantified'; quantifier: Quantifier; collection: string; collectionSpan: Span; body: Expr; span: Span };

/** Every operand of an expression, in source order (for the validator and the hit explanation). */
export function operandsOf(e: Expr, out: Operand[] = []): Operand[] {
  const walk = (o: Operand) => {
    if (o.kind === 'arith') {
      walk(o.left);
      walk(o.right);
    } else out.push(o);
  };
  switch (e.kind) {
    case 'or':
    case 'and':
      for (const x of e.items) operandsOf(x, out);
      break;
    case 'not':
      operandsOf(e.expr, out);
      break;
    case 'compare':
    case 'text':
      walk(e.left);
      walk(e.right);
      break;
    case 'in':
      walk(e.left);
      for (const v of e.values) out.push(v);
      break;
    case 'in-list':
      walk(e.left);
      break;
    case 'is':
      walk(e.left);
      break;
    case 'truthy':
      walk(e.operand);
      break;
    case 'quantified':
      operandsOf(e.body, out);
      break;
  }
  return out;
}

/** Names of the lists an expression uses. */
export function listsOf(e: Expr, out = new Set<string>()): Set<string> {
  if (e.kind === 'in-list') out.add(e.list);
  else if (e.kind === 'or' || e.kind === 'and') for (const x of e.items) listsOf(x, out);
  else if (e.kind === 'not') listsOf(e.expr, out);
  else if (e.kind === 'quantified') listsOf(e.body, out);
  return out;
}
