// Incremental updates of the candidate index: after applying a version's changes, searches equal those of a fresh build.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidates.js';
import { screen } from './screen.js';
import type { MatchEntity } from './subject.js';

const GIVEN = ['Borislav', 'Testperson', 'Quentin', 'Abdul', 'Abdoul', 'Erika', 'John', 'Dmitriy', 'Борислав', 'Zorblat'];
const FAMILY = ['Quxenko', 'Quuxley', 'Musterfrau', 'Specimen', 'Testfield', 'Zorbovskiy', 'Куксенко', 'Mironkov', 'Quuxleigh'];
const ORGS = ['Quuxwerk Trading LLC', 'Brigade 44 of Quux', 'Specimen Shipping GmbH', 'Testfield Holdings S.A.'];

type Listed = MatchEntity & { lists: string[] };

const person = fc.record({
  given: fc.constantFrom(...GIVEN),
  family: fc.constantFrom(...FAMILY),
  alias: fc.option(fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...GIVEN)), { nil: undefined }),
  born: fc.option(fc.integer({ min: 1940, max: 1999 }), { nil: undefined }),
});
const entity = (id: string) =>
  fc.oneof(
    person.map((p): Listed => ({
      id,
      schema: 'Person',
      lists: ['list-a'],
      properties: {
        name: [`${p.given} ${p.family}`],
        ...(p.alias ? { alias: [p.alias.join(' ')] } : {}),
        ...(p.born ? { birthDate: [String(p.born)] } : {}),
      },
    })),
    fc.constantFrom(...ORGS).map((name): Listed => ({ id, schema: 'Company', lists: ['list-b'], properties: { name: [name] } })),
  );

/** A version: some of 24 entity slots filled. */
const version = fc
  .array(fc.option(fc.nat(), { nil: undefined }), { minLength: 24, maxLength: 24 })
  .chain((slots) => fc.tuple(...slots.map((s, i) => (s === undefined ? fc.constant(undefined) : entity(`e-${i}`)))));

const QUERIES = ['Borislav Quxenko', 'Куксенко Борислав', 'Quuxley Testperson', 'Abdul Testfield', 'Jon Specimen', 'Quuxwerk Tradng', 'Musterfrau', 'Zorblat'];

/** What a search and a screen find, independent of the index's internal numbering. */
function findings(index: CandidateIndex) {
  return QUERIES.map((name) => {
    const found = index
      .search({ name, schema: 'LegalEntity' }, { limit: 1000 })
      .map((c) => `${c.entityId} ${c.retrieval} ${c.share} ${c.name.text} ${c.lists.join(',')}`)
      .sort();
    const screened = screen(index, { name }, { minScore: 0, candidates: 1000 });
    return { found, matches: screened.matches, best: screened.best };
  });
}

describe('CandidateIndex.update', () => {
  it('gives the same search and screening results as a fresh build of the new version', () => {
    fc.assert(
      fc.property(version, version, (v1, v2) => {
        const before = v1.filter((e): e is Listed => !!e);
        const after = v2.filter((e): e is Listed => !!e);
        const index = CandidateIndex.build(before);
        const old = new Map(before.map((e) => [e.id, JSON.stringify(e)]));
        const upsert = after.filter((e) => old.get(e.id) !== JSON.stringify(e));
        const kept = new Set(after.map((e) => e.id));
        const remove = before.filter((e) => !kept.has(e.id)).map((e) => e.id);
        const counts = index.update({ upsert, remove });
        expect(counts.added + counts.changed).toBe(upsert.length);
        expect(counts.removed).toBe(remove.length);
        const fresh = CandidateIndex.build(after);
        expect(index.size).toBe(fresh.size);
        expect(index.stats().names).toBe(fresh.stats().names);
        expect(findings(index)).toEqual(findings(fresh));
      }),
      { numRuns: 60 },
    );
  });

  it('gives what a fresh build gives after so many updates that its postings are rebuilt and its names placed again', () => {
    const named = (i: number, round: number): Listed => ({
      id: `bulk-${i}`,
      schema: 'Person',
      lists: ['list-a'],
      properties: { name: [`${GIVEN[(i + round) % GIVEN.length]} ${FAMILY[(i * 7 + round) % FAMILY.length]}`] },
    });
    const index = CandidateIndex.build(Array.from({ length: 300 }, (_, i) => named(i, 0)));
    // 300 entities changed 20 times: about 12,000 postings added and 6,000 names removed, past the rebuild threshold.
    let last: Listed[] = [];
    for (let round = 1; round <= 20; round++) {
      last = Array.from({ length: 300 }, (_, i) => named(i, round));
      index.update({ upsert: last });
    }
    expect(findings(index)).toEqual(findings(CandidateIndex.build(last)));
  });

  it('reports what it changed and its memory', () => {
    const index = CandidateIndex.build([{ id: 'a', schema: 'Person', properties: { name: ['Erika Musterfrau'] } }]);
    const bytes = index.stats().bytes;
    const r = index.update({
      upsert: [
        { id: 'a', schema: 'Person', properties: { name: ['Erika Mustermann'] } },
        { id: 'b', schema: 'Person', properties: { name: ['John Specimen'] }, lists: ['list-a'] },
      ],
      remove: ['zz'],
    });
    expect(r).toEqual({ added: 1, changed: 1, removed: 0 });
    // The old name is gone: only the new spelling is held for the entity.
    expect(index.search({ name: 'Erika Musterfrau' }).map((c) => c.name.text)).toEqual(['Erika Mustermann']);
    expect(index.get('a')?.subject.caption).toBe('Erika Mustermann');
    expect(index.get('b')?.lists).toEqual(['list-a']);
    expect(index.stats().bytes).toBeGreaterThan(bytes);
  });
});
