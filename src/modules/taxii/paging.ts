// TAXII `next` tokens: the position after a page, bound to the query that produced it, signed and expiring.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const NEXT_TTL_MS = 60 * 60_000;

export interface Position {
  dateAdded: string;
  seq: number;
}

interface Payload {
  q: string; // hash of the query (collection, object, filters)
  d: string;
  s: number;
  x: number; // expiry, ms since epoch
}

export class NextTokens {
  constructor(private readonly key: string) {}

  static queryHash(parts: readonly unknown[]): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
  }

  #mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  issue(query: string, at: Position, now: Date): string {
    const body = Buffer.from(JSON.stringify({ q: query, d: at.dateAdded, s: at.seq, x: now.getTime() + NEXT_TTL_MS } satisfies Payload)).toString('base64url');
    return `${body}.${this.#mac(body)}`;
  }

  /** The position a token stands for, or why it cannot be used. */
  read(token: string, query: string, now: Date): { ok: true; at: Position } | { ok: false; reason: string } {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined || token.length > 600) return { ok: false, reason: 'the next token is malformed' };
    const want = Buffer.from(this.#mac(body));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'the next token was not issued by this server' };
    let p: Payload;
    try {
      p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    } catch {
      return { ok: false, reason: 'the next token is malformed' };
    }
    if (p.x < now.getTime()) return { ok: false, reason: 'the next token has expired; start again without next' };
    if (p.q !== query) return { ok: false, reason: 'the next token belongs to a request with other filters; repeat the same filters' };
    return { ok: true, at: { dateAdded: p.d, seq: p.s } };
  }
}
