// The scorer on the anchors' known failures, saturation, cannot-compare, schemata and documents.
import { describe, expect, it } from 'vitest';
import { match } from './scorer.js';
import type { MatchEntity } from './subject.js';

const person = (name: string, props: Record<string, string[]> = {}): MatchEntity => ({
  id: `p-${name}`,
  schema: 'Person',
  properties: { name: [name], ...props },
});
const company = (name: string): MatchEntity => ({ id: `c-${name}`, schema: 'Company', properties: { name: [name] } });
const feature = (r: ReturnType<typeof match>, f: string) => r.explanation.find((e) => e.feature === f);

describe('match', () => {
  it('does not alert George Bush for George Habbash, and says why', () => {
    const r = match({ name: 'George Bush' }, person('George Habbash'));
    expect(r.match).toBe(false);
    expect(r.score).toBeLessThan(0.2);
    expect(feature(r, 'unmatchedBoth')?.detail).toBe('surname HABBASH does not match BUSH');
  });

  it('reads a title only where it opens a name: a family name that is also a title stays a name', () => {
    // BISHOP read as a title left QUENTIN H., which any Quentin H… matched through the initial.
    const r = match({ name: 'Quentin Hoxworth' }, person('Quentin H. Bishop'));
    expect(r.match).toBe(false);
    expect(feature(r, 'unmatchedBoth')?.detail).toMatch(/BISHOP/);
    expect(match({ name: 'Roger Marshal' }, person('Roger Testwilliams')).match).toBe(false);
    // Where it opens the name, or its part after a comma, the title is left out.
    for (const listed of ['Dr. Quentin Bishop', 'BISHOP, Dr. Quentin', 'General Quentin Bishop'])
      expect(match({ name: 'Quentin Bishop' }, person(listed)).match, listed).toBe(true);
  });

  it('also reads a title that opens a name as the name it may be: BISHOP, Quentin is Quentin Bishop', () => {
    // Left out, BISHOP left QUENTIN alone, which matched every Quentin as well as Quentin Bishop.
    for (const query of ['BISHOP, Quentin', 'Bishop Quentin']) {
      const r = match({ name: query }, person('Quentin Bishop'));
      expect(r.score, query).toBeGreaterThan(0.9);
      expect(feature(r, 'nameSimilarity')?.detail, query).toContain('BISHOP = BISHOP');
      expect(r.score, query).toBeGreaterThan(match({ name: query }, person('Quentin Testwilliams')).score + 0.2);
    }
    // A plain title is never a name; the name without its title is no weaker for the title kept as a name.
    expect(feature(match({ name: 'Mr Quentin Bishop' }, person('Quentin Bishop')), 'exactName')).toBeDefined();
    const president = match({ name: 'Testoğlu' }, person('President Testoğlu'));
    expect(president.match).toBe(true);
    expect(feature(president, 'weakAlias')).toBeUndefined();
  });

  it('weighs a one-part alias of a person with fuller names as a weak alias', () => {
    const listed = person('Adam Testkhan Achezzai', { alias: ['Maulavi Adam'] });
    const r = match({ name: 'Adam Quuxley' }, listed);
    expect(r.match).toBe(false);
    expect(feature(r, 'weakAlias')?.detail).toMatch(/one name part of a person with fuller names/);
    // Asked for by that name alone, the person is still found.
    expect(match({ name: 'Maulavi Adam' }, listed).match).toBe(true);
    // The title read as a name does not make the alias stronger: a query with that title and name among others is no match.
    const titled = match({ name: 'Maulavi Testmohammad Adam Testomari' }, listed);
    expect(titled.match).toBe(false);
    expect(feature(titled, 'weakAlias')).toBeDefined();
  });

  it("reads a person's name word as a name, not as the initials of the other's words; letters without a vowel still abbreviate", () => {
    // HAQ spelled by the initials of Hajj Abdullah Qardash made Abd al-Haq Muhammad an alert on that alias.
    const r = match({ name: 'Abd al-Haq Muhammad' }, person('Quuxley Testani', { alias: ['al-Hajj Abdullah Qardash'] }));
    expect(r.match).toBe(false);
    expect(feature(r, 'nameSimilarity')?.detail).not.toMatch(/abbreviation/);
    const jc = match({ name: 'JC Testuncker' }, person('Jean-Claude Testuncker'));
    expect(jc.match).toBe(true);
    expect(feature(jc, 'nameSimilarity')?.detail).toMatch(/JC ~ JEAN CLAUDE \(abbreviation\)/);
    // An organisation's acronym may be a word with vowels.
    const org = (name: string): MatchEntity => ({ id: `o-${name}`, schema: 'Organization', properties: { name: [name] } });
    const pla = match(org('HAQ Quuxgroup'), org('Hajj Abdullah Qardash Quuxgroup'));
    expect(pla.match).toBe(true);
    expect(feature(pla, 'nameSimilarity')?.detail).toMatch(/HAQ ~ HAJJ ABDULLAH QARDASH \(abbreviation\)/);
  });

  it("does not let a middle initial take the other name's family name", () => {
    // A paired with ADAMS would leave SMITH alone: the family names differ.
    for (const [a, b] of [
      ['John A. Smith', 'John Adams'],
      ['Ivo Adams', 'Ivo A. Kettler'],
    ]) {
      const r = match({ name: a! }, person(b!));
      expect(r.match, `${a} / ${b}`).toBe(false);
      expect(feature(r, 'conflict')?.score, `${a} / ${b}`).toBeLessThan(0);
    }
    // A middle name written out on one side, an initial or nothing on the other; a leading initial for the given name.
    for (const [a, b] of [
      ['John A. Smith', 'John Smith'],
      ['John Adams Smith', 'John A. Smith'],
      ['John Smith', 'J. Adams Smith'],
      // With a particle the name may be given + father's name without the nisba.
      ['Mohammed A. al-Masri', 'Mohammed Abdullah'],
    ])
      expect(match({ name: a! }, person(b!)).match, `${a} / ${b}`).toBe(true);
  });

  it('keeps numbers decisive: BELLETECH CORP is not 11420 CORP.', () => {
    const r = match({ name: 'BELLETECH CORP', schema: 'Company' }, company('11420 CORP.'));
    expect(r.match).toBe(false);
    expect(r.score).toBeLessThan(0.05);
    const numbered = match({ name: 'Testworks Holding 12', schema: 'Company' }, company('Testworks Holding 21'));
    expect(numbered.match).toBe(false);
    expect(feature(numbered, 'numberConflict')?.score).toBeLessThan(0);
  });

  it('counts a value missing on either side neither for nor against', () => {
    const plain = match({ name: 'Testperson Quuxley' }, person('Testperson Quuxley'));
    const queryOnly = match(
      { name: 'Testperson Quuxley', birthDate: '1965-04-29', nationality: 'fr', gender: 'male', documents: ['X1234567'] },
      person('Testperson Quuxley'),
    );
    const listOnly = match({ name: 'Testperson Quuxley' }, person('Testperson Quuxley', { birthDate: ['1965-04-29'], nationality: ['fr'] }));
    expect(queryOnly.score).toBe(plain.score);
    expect(listOnly.score).toBe(plain.score);
    for (const f of ['birthDate', 'nationality', 'gender', 'document']) {
      expect(feature(queryOnly, f)?.score).toBe(0);
      expect(feature(queryOnly, f)?.detail).toMatch(/cannot compare/);
    }
  });

  it('does not saturate: an exact name alone ranks below an exact name with an equal birth date', () => {
    const listed = person('Testperson Quuxley', { birthDate: ['1965-04-29'] });
    const nameOnly = match({ name: 'Testperson Quuxley' }, listed);
    const withDate = match({ name: 'Testperson Quuxley', birthDate: '1965-04-29' }, listed);
    const otherDate = match({ name: 'Testperson Quuxley', birthDate: '1931-11-02' }, listed);
    expect(nameOnly.score).toBeLessThan(withDate.score);
    expect(nameOnly.score).toBeLessThan(0.99);
    expect(withDate.score).toBeLessThan(1);
    expect(otherDate.score).toBeLessThan(nameOnly.score);
    expect(feature(withDate, 'birthDateExact')?.detail).toBe('birth date 1965-04-29 equals 1965-04-29');
  });

  it('relates birth dates by precision, swapped day and month, and distance', () => {
    const listed = person('Testperson Quuxley', { birthDate: ['1965-04-09'] });
    expect(feature(match({ name: 'Testperson Quuxley', birthDate: '1965' }, listed), 'birthDatePartial')).toBeDefined();
    expect(feature(match({ name: 'Testperson Quuxley', birthDate: '1965-09-04' }, listed), 'birthDateSwapped')).toBeDefined();
    expect(feature(match({ name: 'Testperson Quuxley', birthDate: '1966' }, listed), 'birthDateNear')).toBeDefined();
    expect(feature(match({ name: 'Testperson Quuxley', birthDate: '1980' }, listed), 'birthDateConflict')).toBeDefined();
  });

  it('never matches a person with a company, but a legal entity with either', () => {
    expect(match({ name: 'Quuxley Trading', schema: 'Person' }, company('Quuxley Trading')).score).toBe(0);
    expect(match({ name: 'Quuxley Trading', schema: 'LegalEntity' }, company('Quuxley Trading')).score).toBeGreaterThan(0.5);
    expect(match({ name: 'Quuxley Trading', schema: 'LegalEntity' }, person('Quuxley Trading')).score).toBeGreaterThan(0.5);
  });

  it('takes a shared document number as strong evidence and a different one of the same type and country against', () => {
    const listed: MatchEntity = { ...person('Testperson Quuxley'), documents: [{ type: 'passport', number: 'QX-123 456', country: 'fr' }] };
    const base = match({ name: 'Testperson Quuxlee' }, listed).score;
    const same = match({ name: 'Testperson Quuxlee', documents: [{ type: 'passport', number: 'qx123456', country: 'FRA' }] }, listed);
    const other = match({ name: 'Testperson Quuxlee', documents: [{ type: 'passport', number: 'QX999999', country: 'fr' }] }, listed);
    expect(same.score).toBeGreaterThan(base);
    expect(feature(same, 'documentMatch')).toBeDefined();
    expect(other.score).toBeLessThan(base);
  });

  it('uses a threshold per use and per list', () => {
    const r = match({ name: 'Testperson Quuxley' }, person('Testperson Quuxley'), { use: 'finance', config: { uses: { finance: 0.42 } } });
    expect(r.threshold).toBe(0.42);
    expect(match({ name: 'A' }, person('B'), { lists: ['x', 'y'], config: { lists: { x: 0.8, y: 0.6 } } }).threshold).toBe(0.6);
    expect(match({ name: 'A' }, person('B'), { threshold: 0.9 }).threshold).toBe(0.9);
  });

  it('drops legal forms but counts a conflicting kind slightly against', () => {
    const same = match({ name: 'Quuxwerk AG', schema: 'Company' }, company('Quuxwerk Aktiengesellschaft'));
    const other = match({ name: 'Quuxwerk AG', schema: 'Company' }, company('Quuxwerk GmbH'));
    expect(same.score).toBeGreaterThan(other.score);
    expect(feature(other, 'legalFormConflict')?.score).toBeLessThan(0);
  });
});
