// Observable values from SCOs and indicator patterns; arbitrary patterns never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observablesOf } from './observables.js';

describe('observablesOf', () => {
  it('reads SCO values', () => {
    expect(observablesOf({ type: 'ipv4-addr', value: '198.51.100.7' })).toEqual([{ kind: 'ip', value: '198.51.100.7' }]);
    expect(observablesOf({ type: 'cryptocurrency-wallet', address: 'bc1qexampleexampleexample' })).toEqual([
      { kind: 'wallet', value: 'bc1qexampleexampleexample' },
    ]);
    expect(observablesOf({ type: 'malware', name: 'x' })).toEqual([]);
  });
  it('reads equality comparisons of STIX patterns, with escapes, once each', () => {
    const pattern =
      "[ipv4-addr:value = '203.0.113.9'] OR [domain-name:value = 'c2.example.org' AND url:value = 'http://x.example/a\\'b'] OR [ipv4-addr:value = '203.0.113.9']";
    expect(observablesOf({ type: 'indicator', pattern_type: 'stix', pattern })).toEqual([
      { kind: 'ip', value: '203.0.113.9' },
      { kind: 'domain', value: 'c2.example.org' },
      { kind: 'url', value: "http://x.example/a'b" },
    ]);
    expect(observablesOf({ type: 'indicator', pattern_type: 'sigma', pattern: "ipv4-addr:value = '1.2.3.4'" })).toEqual([]);
  });
  it('never throws (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.jsonValue({ maxDepth: 2 }), (pattern, value) => {
        observablesOf({ type: 'indicator', pattern });
        observablesOf({ type: 'ipv4-addr', value });
      }),
    );
  });
});
