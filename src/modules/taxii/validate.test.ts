// STIX 2.1 validation against the OASIS schemas and the rules they cannot express, on real data and on fuzzed input.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, readStix } from '../../core/stix/index.js';
import { stixValidator } from './schemas.js';
import { SHARED_STIX } from './test-support/fixtures.js';

const v = stixValidator();
const base = { spec_version: '2.1', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' };
const errors = (o: unknown) => readStix(o, v).verdicts.flatMap((x) => x.issues.filter((i) => i.severity === 'error').map((i) => `${i.path} ${i.message}`));

describe('STIX validation', () => {
  const shared = existsSync(SHARED_STIX) ? readdirSync(SHARED_STIX).filter((f) => f.endsWith('.json')) : [];
  if (!shared.length) console.warn(`[skipped] real STIX files: ${SHARED_STIX} is absent`);
  for (const f of shared) {
    it(`${f}: ${f.startsWith('invalid') ? 'rejects the broken relationship' : 'accepts every object'}`, () => {
      const r = readStix(JSON.parse(readFileSync(join(SHARED_STIX, f), 'utf8')), v);
      const bad = r.verdicts.filter((x) => !x.ok);
      if (f.startsWith('invalid')) expect(bad.map((b) => b.issues[0]!.path)).toEqual(['$.objects[2].created']);
      else expect(bad).toEqual([]);
    });
  }

  it('accepts the committed demo bundles', () => {
    const dir = join(import.meta.dirname, 'demo');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) expect(errors(JSON.parse(readFileSync(join(dir, f), 'utf8')))).toEqual([]);
  });

  it('names each problem with its JSON path', () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--00000000-0000-4000-8000-000000000000',
      objects: [
        { ...base, type: 'malware', id: 'tool--00000000-0000-4000-8000-000000000001', name: 'x', is_family: false },
        { ...base, type: 'malware', id: 'malware--00000000-0000-4000-8000-000000000002', is_family: 'yes' },
        { ...base, type: 'tool', id: 'tool--00000000-0000-4000-8000-000000000003', name: 't', created: '2024-01-02T00:00:00.000Z' },
        {
          ...base,
          type: 'tool',
          id: 'tool--00000000-0000-4000-8000-000000000004',
          name: 't',
          object_marking_refs: ['marking-definition--00000000-0000-4000-8000-00000000dead'],
        },
        { ...base, type: 'tool', id: 'tool--00000000-0000-4000-8000-000000000005', name: 't', created: '2024-01-01T00:00:00+02:00' },
      ],
    };
    const e = errors(bundle);
    expect(e).toContain('$.objects[0].id its prefix "tool" must equal the type "malware"');
    expect(e).toContain('$.objects[1].is_family must be boolean');
    expect(e).toContain('$.objects[2].modified must not be earlier than created');
    expect(e.some((x) => x.startsWith('$.objects[3].object_marking_refs') && x.includes('neither a TLP marking'))).toBe(true);
    expect(e.some((x) => x.startsWith('$.objects[4].created must be a UTC timestamp'))).toBe(true);
  });

  it('accepts TLP 1.0 and 2.0 markings, and refuses a fixed TLP id with another definition', () => {
    const tool = (ref: string) => ({ ...base, type: 'tool', id: 'tool--00000000-0000-4000-8000-000000000009', name: 't', object_marking_refs: [ref] });
    expect(errors(tool('marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'))).toEqual([]);
    expect(errors(tool('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003'))).toEqual([]);
    const fake = {
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      definition: { tlp: 'green' },
    };
    expect(errors(fake).some((e) => e.includes('is the fixed TLP:RED (TLP 1.0) marking'))).toBe(true);
  });

  it('warns, without refusing, on a relationship type STIX does not define for the pair', () => {
    const rel = {
      ...base,
      type: 'relationship',
      id: 'relationship--00000000-0000-4000-8000-000000000010',
      relationship_type: 'uses',
      source_ref: 'indicator--00000000-0000-4000-8000-000000000011',
      target_ref: 'malware--00000000-0000-4000-8000-000000000012',
    };
    const [verdict] = readStix(rel, v).verdicts;
    expect(verdict!.ok).toBe(true);
    expect(verdict!.issues).toEqual([{ path: '$.relationship_type', severity: 'warning', message: expect.stringContaining('indicator uses') }]);
    expect(readStix({ ...rel, target_ref: 'marking-definition--00000000-0000-4000-8000-000000000013' }, v).verdicts[0]!.ok).toBe(false);
  });

  it('bounds depth and size', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { a: deep };
    expect(errors({ ...base, type: 'tool', id: 'tool--00000000-0000-4000-8000-000000000020', name: 't', x_deep: deep })[0]).toContain('nests deeper than');
    expect(errors({ ...base, type: 'a'.repeat(60) + '!', id: 'x' })[0]).toContain('$.type');
  });

  it('reports a JSON syntax error with line and column', () => {
    expect(parseJson('{\n  "type": "bundle",\n  "objects": [,]\n}')).toMatchObject({ ok: false, line: 3, column: 15 });
  });

  it('takes ids that are names of object properties ("__proto__", "constructor") for what they are: ids of no fixed marking', () => {
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const r = readStix(
        {
          objects: [
            { type: 'marking-definition', id },
            { type: 'indicator', id: 'indicator--1', object_marking_refs: [id] },
          ],
        },
        v,
      );
      expect(r.verdicts).toHaveLength(2);
      expect(r.verdicts[1]!.issues.map((i) => i.message).join(' ')).toContain(`${id} is not a marking-definition id`);
    }
  });

  it('never throws on arbitrary input (fuzz)', () => {
    const stixish = fc.record(
      {
        type: fc.oneof(fc.constantFrom('indicator', 'relationship', 'marking-definition', 'file', 'x-custom', 'bundle'), fc.string({ maxLength: 40 })),
        id: fc.oneof(fc.constant('indicator--00000000-0000-4000-8000-000000000001'), fc.string({ maxLength: 60 })),
        spec_version: fc.constantFrom('2.1', '2.0', '3', undefined),
        created: fc.oneof(fc.constant('2024-01-01T00:00:00.000Z'), fc.string({ maxLength: 30 })),
        modified: fc.oneof(fc.constant('2023-01-01T00:00:00.000Z'), fc.string({ maxLength: 30 })),
        object_marking_refs: fc.array(fc.string({ maxLength: 60 }), { maxLength: 3 }),
        extra: fc.jsonValue({ maxDepth: 6 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue({ maxDepth: 5 }), stixish, fc.array(stixish, { maxLength: 5 }), fc.record({ objects: fc.array(stixish, { maxLength: 5 }) })),
        (value) => {
          const r = readStix(value, v);
          for (const verdict of r.verdicts) for (const i of verdict.issues) expect(i.path.startsWith('$')).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const p = parseJson(text);
        if (!p.ok) expect(typeof p.message).toBe('string');
      }),
    );
  });
});
