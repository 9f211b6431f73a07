// `next` tokens: bound to their query, signed, expiring, and never a crash on garbage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEXT_TTL_MS, NextTokens } from './paging.js';

describe('next tokens', () => {
  const tokens = new NextTokens('a-test-key-of-sufficient-length-0123456789');
  const now = new Date('2026-04-01T00:00:00Z');
  const q = NextTokens.queryHash(['objects', 'c1', null, ['last'], ['2.1']]);

  it('round-trips a position for the same query before expiry', () => {
    const t = tokens.issue(q, { dateAdded: '2026-03-31T00:00:00.000001Z', seq: 42 }, now);
    expect(tokens.read(t, q, new Date(now.getTime() + NEXT_TTL_MS - 1))).toEqual({ ok: true, at: { dateAdded: '2026-03-31T00:00:00.000001Z', seq: 42 } });
  });
  it('refuses other filters, expiry, another key and edits', () => {
    const t = tokens.issue(q, { dateAdded: 'x', seq: 1 }, now);
    expect(tokens.read(t, NextTokens.queryHash(['objects', 'c1', null, ['first'], ['2.1']]), now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('other filters'),
    });
    expect(tokens.read(t, q, new Date(now.getTime() + NEXT_TTL_MS + 1))).toMatchObject({ ok: false, reason: expect.stringContaining('expired') });
    expect(new NextTokens('another-key').read(t, q, now)).toMatchObject({ ok: false, reason: expect.stringContaining('not issued') });
    const [body, mac] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), s: 999 })).toString('base64url');
    expect(tokens.read(`${forged}.${mac}`, q, now).ok).toBe(false);
  });
  it('never throws on arbitrary tokens (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 700 }), (s) => {
        expect(tokens.read(s, q, now).ok).toBe(false);
      }),
    );
  });
});
