// TLP levels: parsing as people write them, WHITE as CLEAR, and the highest marking of an object.
import { describe, expect, it } from 'vitest';
import { objectTlp, parseTlpLevel, tlpOfMarkingDefinition, TLP_MARKINGS } from './tlp.js';
import { isStixTimestamp, timestampKey } from './timestamps.js';
import { checkRelationshipType } from './relationships.js';

describe('TLP', () => {
  it('parses levels, mapping WHITE to CLEAR', () => {
    expect(parseTlpLevel('TLP:WHITE')).toBe('clear');
    expect(parseTlpLevel('amber+strict')).toBe('amber+strict');
    expect(parseTlpLevel('TLP:AMBER+STRICT')).toBe('amber+strict');
    expect(parseTlpLevel('Red')).toBe('red');
    expect(parseTlpLevel('purple')).toBeUndefined();
  });
  it('knows the five TLP 2.0 and four TLP 1.0 fixed ids', () => {
    const byVersion = (v: string) =>
      Object.values(TLP_MARKINGS)
        .filter((m) => m.version === v)
        .map((m) => m.level);
    expect(byVersion('2.0')).toEqual(['clear', 'green', 'amber', 'amber+strict', 'red']);
    expect(byVersion('1.0')).toEqual(['clear', 'green', 'amber', 'red']);
  });
  it('takes the highest level among object and granular markings; unmarked is CLEAR', () => {
    expect(objectTlp({ type: 'indicator' })).toBe('clear');
    expect(
      objectTlp({
        object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'],
        granular_markings: [{ marking_ref: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', selectors: ['name'] }],
      }),
    ).toBe('red');
    expect(objectTlp({ object_marking_refs: ['marking-definition--00000000-0000-4000-8000-000000000001'] }, () => 'amber')).toBe('amber');
  });
  it('reads the level a TLP 1.0 style or TLP 2.0 extension marking declares', () => {
    expect(tlpOfMarkingDefinition({ id: 'marking-definition--x', definition_type: 'tlp', definition: { tlp: 'white' } })).toBe('clear');
    expect(
      tlpOfMarkingDefinition({
        id: 'marking-definition--y',
        extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { tlp_2_0: 'amber+strict' } },
      }),
    ).toBe('amber+strict');
  });
});

describe('timestamps', () => {
  it('accepts UTC instants with Z and real dates only', () => {
    expect(isStixTimestamp('2016-02-29T12:00:00Z')).toBe(true);
    expect(isStixTimestamp('2015-02-29T12:00:00Z')).toBe(false);
    expect(isStixTimestamp('2016-01-01T12:00:00+01:00')).toBe(false);
    expect(isStixTimestamp('2022-101-27T00:00:00.000Z')).toBe(false);
  });
  it('orders by a key with nanosecond precision', () => {
    expect(timestampKey('2016-11-03T12:30:59.1Z')).toBe('2016-11-03T12:30:59.100000000Z');
    expect(timestampKey('2016-11-03T12:30:59Z')! < timestampKey('2016-11-03T12:30:59.001Z')!).toBe(true);
  });
});

describe('relationship types', () => {
  const isSco = (t: string) => t === 'ipv4-addr' || t === 'file';
  it('accepts the pairs STIX 2.1 defines and the common types', () => {
    expect(checkRelationshipType('indicator', 'indicates', 'malware', isSco).ok).toBe(true);
    expect(checkRelationshipType('malware', 'communicates-with', 'ipv4-addr', isSco).ok).toBe(true);
    expect(checkRelationshipType('report', 'related-to', 'tool', isSco).ok).toBe(true);
  });
  it('flags undefined pairs, and derived-from across types', () => {
    expect(checkRelationshipType('indicator', 'uses', 'malware', isSco).ok).toBe(false);
    expect(checkRelationshipType('malware', 'derived-from', 'tool', isSco).ok).toBe(false);
  });
  it('does not judge custom types', () => {
    expect(checkRelationshipType('x-mitre-data-component', 'detects', 'attack-pattern', isSco).ok).toBe(true);
  });
});
