// Errors of the rule language: what is wrong, where (line, column, offset into the expression) and which part.

export type RuleErrorCode =
  | 'too-long'
  | 'too-deep'
  | 'too-many-tokens'
  | 'bad-character'
  | 'bad-string'
  | 'bad-number'
  | 'syntax'
  | 'unknown-field'
  | 'type-mismatch'
  | 'bad-value'
  | 'unknown-list'
  | 'sensitive-characteristic';

export interface RuleProblem {
  code: RuleErrorCode;
  detail: string;
  /** 1-based line and column of the offending part. */
  line: number;
  column: number;
  /** 0-based character offset and length of the offending part. */
  offset: number;
  length: number;
  /** The offending text as written (a field name, a literal, a token). */
  part: string;
  /** For `sensitive-characteristic`: which art. 6(4) category (`religion`, `health`, `sex` …). */
  category?: string;
}

/** Thrown by the lexer, parser, validator and compiler; never anything else. */
export class RuleError extends Error {
  constructor(readonly problem: RuleProblem) {
    super(`${problem.line}:${problem.column}: ${problem.detail}`);
    this.name = 'RuleError';
  }
}

/** A position in the source (0-based offset, 1-based line and column). */
export interface Span {
  offset: number;
  length: number;
  line: number;
  column: number;
}

export function spanAt(source: string, offset: number, length: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, length, line, column: offset - lineStart + 1 };
}

export function fail(code: RuleErrorCode, detail: string, span: Span, part: string, category?: string): never {
  throw new RuleError({
    code,
    detail,
    line: span.line,
    column: span.column,
    offset: span.offset,
    length: span.length,
    part,
    ...(category ? { category } : {}),
  });
}
