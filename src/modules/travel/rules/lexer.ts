// Lexer of the rule language: names, numbers, strings, operators and keywords, each with its position; bounded in size.
import { fail, spanAt, type Span } from './errors.js';

/** Longest expression accepted (characters) and most tokens: a rule is a few lines, never a program. */
export const MAX_LENGTH = 4000;
export const MAX_TOKENS = 1000;

export type TokenKind = 'name' | 'number' | 'string' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Names: as written; strings: the decoded value; numbers: the digits; ops: the operator. */
  text: string;
  span: Span;
}

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '(', ')', '[', ']', ',', '+', '-', ':'];
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

export function tokenize(source: string): Token[] {
  if (source.length > MAX_LENGTH)
    fail('too-long', `the expression has ${source.length} characters; at most ${MAX_LENGTH} are allowed`, spanAt(source, MAX_LENGTH, 0), '');
  const tokens: Token[] = [];
  // Line and column are tracked as we go, so positions cost nothing extra.
  let line = 1;
  let lineStart = 0;
  const at = (offset: number, length: number): Span => ({ offset, length, line, column: offset - lineStart + 1 });
  const push = (kind: TokenKind, text: string, span: Span) => {
    if (tokens.length >= MAX_TOKENS) fail('too-many-tokens', `the expression has more than ${MAX_TOKENS} tokens`, span, text);
    tokens.push({ kind, text, span });
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (NAME_START.test(c)) {
      const start = i;
      // A dotted name: `booking.oneWay`, `leg.origin.country` is read as one name.
      while (i < source.length && (NAME_PART.test(source[i]!) || (source[i] === '.' && i + 1 < source.length && NAME_START.test(source[i + 1]!)))) i++;
      push('name', source.slice(start, i), at(start, i - start));
      continue;
    }
    if (c >= '0' && c <= '9') {
      const start = i;
      while (i < source.length && source[i]! >= '0' && source[i]! <= '9') i++;
      if (source[i] === '.' && source[i + 1] !== undefined && source[i + 1]! >= '0' && source[i + 1]! <= '9') {
        i++;
        while (i < source.length && source[i]! >= '0' && source[i]! <= '9') i++;
      }
      const text = source.slice(start, i);
      if (text.length > 15) fail('bad-number', `the number ${text.slice(0, 20)} is too long`, at(start, i - start), text);
      if (i < source.length && NAME_START.test(source[i]!))
        fail('bad-number', `a number runs into "${source[i]}"; put a space between a number and a word`, at(start, i - start + 1), source.slice(start, i + 1));
      push('number', text, at(start, i - start));
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length || source[i] === '\n')
          fail('bad-string', 'a string is not closed: end it with the quote it began with', at(start, i - start), source.slice(start, i));
        const d = source[i]!;
        if (d === c) {
          i++;
          break;
        }
        if (d === '\\') {
          const e = source[i + 1];
          if (e !== '\\' && e !== '"' && e !== "'")
            fail('bad-string', 'only \\\\, \\" and \\\' may follow a backslash in a string', at(i, 2), source.slice(i, i + 2));
          value += e;
          i += 2;
          continue;
        }
        value += d;
        i++;
      }
      push('string', value, at(start, i - start));
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      push('op', op, at(i, op.length));
      i += op.length;
      continue;
    }
    if (c === '=') fail('bad-character', 'use == to compare', at(i, 1), c);
    if (c === '&' || c === '|' || c === '!') fail('bad-character', `use the words and, or, not instead of "${c}"`, at(i, 1), c);
    const cp = source.codePointAt(i)!;
    fail('bad-character', `unexpected character "${String.fromCodePoint(cp)}"`, at(i, cp > 0xffff ? 2 : 1), String.fromCodePoint(cp));
  }
  tokens.push({ kind: 'eof', text: '', span: at(source.length, 0) });
  return tokens;
}
