// Tests of entity captions, validation against the schema, and cleaning.
import { describe, expect, it } from 'vitest';
import { caption, cleanEntity, validateEntity } from './entity.js';

const person = { id: 'p1', schema: 'Person', properties: { name: ['Testperson Quuxley'], birthDate: ['1965-04-29'], nationality: ['de'] } };

describe('caption', () => {
  it('takes the first value of the first caption property that has one', () => {
    expect(caption(person)).toBe('Testperson Quuxley');
    expect(caption({ id: 'p2', schema: 'Person', properties: { lastName: ['Quuxley'], email: ['q@example.org'] } })).toBe('Quuxley');
    expect(caption({ id: 'p3', schema: 'Person', properties: { name: ['B', 'A longer name'] } })).toBe('B');
    expect(caption({ id: 'pp', schema: 'Passport', properties: { number: ['X1'], passportNumber: ['P1'] } })).toBe('P1');
  });

  it('falls back to the schema label, or the id for an unknown schema', () => {
    expect(caption({ id: 's1', schema: 'Sanction', properties: {} })).toBe('Sanction');
    expect(caption({ id: 'z1', schema: 'Nope', properties: {} })).toBe('z1');
  });
});

describe('validateEntity', () => {
  it('accepts a valid entity', () => {
    expect(validateEntity(person)).toEqual([]);
    expect(validateEntity({ id: 'x', schema: 'Passport', properties: { holder: ['p1'], number: ['X1'], country: ['xk'] } })).toEqual([]);
  });

  it('names an unknown or abstract schema', () => {
    expect(validateEntity({ id: 'x', schema: 'Nope', properties: {} })).toEqual([{ property: null, detail: 'unknown schema "Nope"' }]);
    expect(validateEntity({ id: 'x', schema: 'Thing', properties: {} })[0]?.detail).toMatch(/abstract/);
    expect(validateEntity({ id: '', schema: 'Person', properties: {} })[0]?.detail).toMatch(/no id/);
  });

  it('names properties the schema lacks and values of the wrong type', () => {
    const problems = validateEntity({
      id: 'x',
      schema: 'Person',
      properties: {
        imoNumber: ['1'],
        birthDate: ['29/04/1965'],
        nationality: ['Germany'],
        gender: ['M'],
        addressEntity: [' '],
        name: ['n'.repeat(400)],
      },
    });
    expect(problems.map((p) => p.property)).toEqual(['imoNumber', 'birthDate', 'nationality', 'gender', 'addressEntity', 'name']);
    expect(problems[0]!.detail).toBe('Person has no property imoNumber');
    expect(problems[5]!.detail).toMatch(/over the 384 allowed/);
  });

  it('names values that are not strings', () => {
    const bad = { id: 'x', schema: 'Person', properties: { name: [1], alias: 'Solo' } } as unknown as typeof person;
    expect(validateEntity(bad).map((p) => p.detail)).toEqual(['a value is not a string', 'values must be a list of strings']);
  });
});

describe('cleanEntity', () => {
  it('normalises dates, countries and genders, drops empties and duplicates, keeps order', () => {
    const cleaned = cleanEntity({
      id: ' p1 ',
      schema: 'Person',
      properties: {
        name: [' Testperson Quuxley ', 'Testperson Quuxley', '', 'Тестперсон Квуксли'],
        birthDate: ['29 APR 1965', '1965-04-29', 'between 1960 and 1961', 'sometime'],
        nationality: ['Russian Federation', 'D', 'XXA', 'ru'],
        gender: ['F'],
        alias: ['  '],
      },
    });
    expect(cleaned).toEqual({
      id: 'p1',
      schema: 'Person',
      properties: {
        name: ['Testperson Quuxley', 'Тестперсон Квуксли'],
        birthDate: ['1965-04-29', '1960', '1961', 'sometime'],
        nationality: ['ru', 'de', 'XXA'],
        gender: ['female'],
      },
    });
    expect(validateEntity(cleaned).map((p) => p.property)).toEqual(['birthDate', 'nationality']);
  });

  it('keeps a property called __proto__ as a plain key', () => {
    const raw = JSON.parse('{"id":"x","schema":"Person","properties":{"__proto__":["a"]}}');
    const cleaned = cleanEntity(raw);
    expect(Object.keys(cleaned.properties)).toEqual(['__proto__']);
    expect(validateEntity(cleaned)[0]).toEqual({ property: '__proto__', detail: 'Person has no property __proto__' });
  });
});
