// The candidate index: retrieval across scripts, romanisations and word order; incremental updates; memory report.
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidates.js';
import { screen } from './screen.js';
import type { MatchEntity } from './subject.js';

const LISTED: MatchEntity[] = [
  { id: 'x-1', schema: 'Person', properties: { name: ['Borislav Quxenko'], alias: ['Борислав Куксенко'], birthDate: ['1961-03-14'], nationality: ['ru'] } },
  { id: 'x-2', schema: 'Person', properties: { name: ['Testperson Quuxley'], birthDate: ['1970'] } },
  { id: 'x-3', schema: 'Company', properties: { name: ['Quuxwerk Trading LLC'] } },
  { id: 'x-4', schema: 'Person', properties: { name: ['Borislav Zembrovski'] } },
  { id: 'x-5', schema: 'Organization', properties: { name: ['Brigade 44 of Quux'] } },
  { id: 'x-7', schema: 'Person', properties: { name: ['Dmitriy Zorbovskiy'] } },
];

describe('CandidateIndex', () => {
  const index = CandidateIndex.build(LISTED);

  it('finds a listed person from another script, another romanisation and another word order, with the explanation', () => {
    for (const name of ['Борислав Куксенко', 'Kuksenko Borislav', 'QUXENKO, Borislav']) {
      const r = screen(index, { name });
      expect(r.matches[0]?.entityId, name).toBe('x-1');
      const lines = r.matches[0]!.explanation;
      expect(lines.find((e) => e.feature === 'nameSimilarity')?.detail).toMatch(/BORISLAV|БОРИСЛАВ/);
    }
    // Listed in Latin only: the Cyrillic query is compared through its romanisations.
    const r = screen(index, { name: 'Зорбовский Дмитрий' });
    expect(r.matches[0]?.entityId).toBe('x-7');
    expect(r.matches[0]!.explanation.find((e) => e.feature === 'romanised')?.detail).toMatch(/ZORBOVSKIY|ZORBOVSKII|ZORBOVSKY/);
    const cyrillic = screen(index, { name: 'Куксенко Борислав', birthDate: '1961-03-14' }).matches[0]!;
    expect(cyrillic.explanation.map((e) => e.feature)).toContain('birthDateExact');
  });

  it('finds a listed person when two of its name parts each have two letters swapped', () => {
    const typed = CandidateIndex.build([
      ...LISTED,
      { id: 'x-8', schema: 'Person', properties: { name: ['Gorbel S. Quelmy'] } },
      { id: 'x-9', schema: 'Person', properties: { name: ['Gorbov Quimbly'] } },
    ]);
    // GOBREL and QUEMLY share too few trigrams with GORBEL and QUELMY for the fuzzy search, and sound otherwise.
    expect(typed.search({ name: 'Gobrel S. Quemly' }, { limit: 5 }).map((c) => c.entityId)).toContain('x-8');
    expect(screen(typed, { name: 'Gobrel S. Quemly' }).matches[0]?.entityId).toBe('x-8');
  });

  it('reports the best candidate below the threshold only when asked (evaluations), the best match otherwise', () => {
    // Borislav Zembrovski shares the given name only: scored, below the threshold.
    const below = screen(index, { name: 'Borislav Zemvrobski Testfeld' }, { best: true });
    expect(below.matches).toEqual([]);
    expect(below.bestEntityId).toBe('x-4');
    expect(below.best).toBeGreaterThan(0);
    const plain = screen(index, { name: 'Borislav Zemvrobski Testfeld' });
    expect([plain.matches, plain.best, plain.bestEntityId]).toEqual([[], 0, undefined]);
    for (const best of [true, false]) {
      const r = screen(index, { name: 'Kuksenko Borislav' }, { best });
      expect([r.bestEntityId, r.best]).toEqual([r.matches[0]!.entityId, r.matches[0]!.score]);
    }
  });

  it('retrieves every plausible candidate, best first, and skips schemata that cannot match', () => {
    const found = index.search({ name: 'Borislav Quxenko' }, { limit: 10 });
    expect(found[0]?.entityId).toBe('x-1');
    expect(found.map((c) => c.entityId)).toContain('x-4');
    expect(index.search({ name: 'Quuxwerk Trading', schema: 'Person' }).map((c) => c.entityId)).not.toContain('x-3');
    expect(index.search({ name: 'Quuxwerk Tradng', schema: 'Company' })[0]?.entityId).toBe('x-3');
  });

  it('takes a particle for a misspelling only of a word no longer than it, not for a name that sounds like it', () => {
    const names = CandidateIndex.build([
      { id: 'p-1', schema: 'Person', properties: { name: ['Al Quuxara'] } },
      { id: 'p-2', schema: 'Person', properties: { name: ['Yulia Testova'] } },
    ]);
    // JULIA and LEE sound like AL (as YULIA does), but a name is not a particle: AL QUUXARA is not retrieved for them.
    expect(names.search({ name: 'Julia' }).map((c) => c.entityId)).toEqual(['p-2']);
    expect(names.search({ name: 'Lee' }).map((c) => c.entityId)).not.toContain('p-1');
    // YL may be a misspelt AL.
    expect(names.search({ name: 'Yl' }).map((c) => c.entityId)).toContain('p-1');
  });

  it('adds, replaces and removes entities', () => {
    const ix = CandidateIndex.build(LISTED);
    ix.add({ id: 'x-6', schema: 'Person', properties: { name: ['Zorblat Mironkov'] } }, ['test-list']);
    expect(ix.search({ name: 'Zorblat Mironkov' })[0]?.entityId).toBe('x-6');
    expect(ix.get('x-6')?.lists).toEqual(['test-list']);
    ix.add({ id: 'x-6', schema: 'Person', properties: { name: ['Zorblat Quxemov'] } });
    expect(ix.get('x-6')?.subject.caption).toBe('Zorblat Quxemov');
    expect(ix.search({ name: 'Mironkov' }).map((c) => c.entityId)).not.toContain('x-6');
    expect(ix.remove('x-2')).toBe(true);
    expect(ix.remove('x-2')).toBe(false);
    expect(ix.search({ name: 'Testperson Quuxley' }).map((c) => c.entityId)).not.toContain('x-2');
    expect(ix.size).toBe(LISTED.length);
  });

  it('stays correct after entities are added and removed one by one', () => {
    const ix = CandidateIndex.build([]);
    for (let i = 0; i < 300; i++) ix.add({ id: `g-${i}`, schema: 'Person', properties: { name: [`Quux${i} Testperson`] } });
    for (let i = 0; i < 300; i += 2) ix.remove(`g-${i}`);
    expect(ix.search({ name: 'Quux7 Testperson' })[0]?.entityId).toBe('g-7');
    expect(ix.search({ name: 'Quux8 Testperson' }).map((c) => c.entityId)).not.toContain('g-8');
    expect(ix.size).toBe(150);
  });

  it('reports its memory', () => {
    const s = index.stats();
    expect(s.entities).toBe(LISTED.length);
    expect(s.names).toBeGreaterThanOrEqual(5);
    expect(s.tokens).toBeGreaterThan(5);
    expect(s.bytes).toBeGreaterThan(0);
  });

  it('finds a name given with initials among many shorter names holding its last word', () => {
    // Two hundred listed Quxleys of two words: by its one word, A. W. QUXLEY retrieves the shortest names first.
    const many: MatchEntity[] = Array.from({ length: 200 }, (_, i) => ({
      id: `q-${i}`,
      schema: 'Person',
      properties: { name: [`${['Borislav', 'Testperson', 'Zembro', 'Dmitriy'][i % 4]}${i} Quxley`] },
    }));
    const wanted = { id: 'q-aw', schema: 'Person', properties: { name: ['Atiquxa Wilbertin Quxley'] } };
    const ix = CandidateIndex.build([...many, wanted]);
    const found = ix.search({ name: 'A. W. Quxley' }, { limit: 10 });
    expect(found[0]?.entityId).toBe('q-aw');
    expect(screen(ix, { name: 'A W QUXLEY' }, { candidates: 10 }).matches[0]?.entityId).toBe('q-aw');
    // Initials alone find nothing, and without them the two-word names come first.
    expect(ix.search({ name: 'A. W.' }, { limit: 10 })).toEqual([]);
    expect(ix.search({ name: 'Quxley' }, { limit: 10 }).map((c) => c.entityId)).not.toContain('q-aw');
  });

  it('skips the postings of a token most names hold only when that cannot change the result', () => {
    const given = ['Quentin', 'Borislav', 'Erika', 'Testa', 'Zorblat', 'Dmitriy', 'Abdul', 'Quxana'];
    const family = ['Quxenko', 'Quuxley', 'Musterfrau', 'Specimen', 'Testfield', 'Zorbovskiy', 'Mironkov', 'Quuxleigh', 'Rahman'];
    const entities: MatchEntity[] = [];
    for (let i = 0; i < 3000; i++) {
      const name = `${given[i % given.length]} al ${family[(i * 7) % family.length]}${i % 97}`;
      entities.push({ id: `al-${i}`, schema: i % 5 ? 'Person' : 'Company', properties: { name: [name] } });
    }
    const deferring = CandidateIndex.build(entities, { deferMin: 1000 });
    const reading = CandidateIndex.build(entities, { deferMin: Infinity });
    const found = (ix: CandidateIndex, name: string, schema?: string) =>
      ix.search({ name, ...(schema ? { schema } : {}) }, { limit: 20 }).map((c) => ({ ...c, retrieval: 0, share: 0, score: c.retrieval }));
    for (const name of ['Quentin al Quxenko5', 'Erika Musterfrau', 'al Specimen12', 'Abdul al-Rahman', 'al', 'Zorblat Quuxleigh40 al', 'Borislav'])
      for (const schema of [undefined, 'Company']) {
        const a = found(deferring, name, schema);
        const b = found(reading, name, schema);
        // The same candidates in the same order; scores equal but for float32 rounding (the long postings are added last).
        expect(
          a.map(({ score: _, ...c }) => c),
          `${name} ${schema}`,
        ).toEqual(b.map(({ score: _, ...c }) => c));
        a.forEach((c, i) => expect(c.score).toBeCloseTo(b[i]!.score, 6));
      }
    expect(deferring.retrievalCounts.deferred).toBeGreaterThan(0);
    expect(reading.retrievalCounts.deferred + reading.retrievalCounts.fellBack).toBe(0);
  });

  it('reads the postings of low-weight spellings only for names two query words find, when that cannot change the result', () => {
    // Invented names from 60 given and 60 family names, each also spelled with one letter changed: 40 names hold each.
    const word = (k: number, tail: string) => `${'BDGKMPTZ'[k % 8]}${'aeiou'[(k >> 3) % 5]}rb${'aeiou'[(k >> 1) % 5]}${tail}`;
    const given = Array.from({ length: 30 }, (_, k) => [word(k, 'lav'), word(k, 'lev')]).flat();
    const family = Array.from({ length: 30 }, (_, k) => [word(k + 7, 'quxenko'), word(k + 7, 'quxenka')]).flat();
    const entities: MatchEntity[] = [];
    for (let i = 0; i < 2400; i++) {
      const name = `${given[i % given.length]} ${family[(i * 7 + Math.floor(i / 60)) % family.length]}`;
      entities.push({ id: `sp-${i}`, schema: 'Person', properties: { name: [name] } });
    }
    const sparse = CandidateIndex.build(entities, { sparseNames: 0, sparseMin: 1 });
    const reading = CandidateIndex.build(entities, { deferMin: Infinity, sparseNames: Infinity });
    const names = [...entities.slice(0, 5).map((e) => e.properties.name![0]!), `${given[3]}`, `B. ${family[4]}`, `${given[5]!.slice(0, -1)}x ${family[6]}`];
    for (const name of names) expect(sparse.search({ name }, { limit: 20 }), name).toEqual(reading.search({ name }, { limit: 20 }));
    const counts = sparse.retrievalCounts;
    expect(counts.sparse).toBeGreaterThan(0);
    expect(reading.retrievalCounts.sparse).toBe(0);
  });
});
