// Tests of the FollowTheMoney schemata: inheritance, flags, captions and listable schemata.
import { describe, expect, it } from 'vitest';
import { isListable, model } from './schema.js';

describe('model', () => {
  it('knows the FtM schemata and nothing else', () => {
    expect(model.schemata().length).toBeGreaterThanOrEqual(60);
    expect(model.getSchema('Nope')).toBeUndefined();
    expect(model.getSchema('toString')).toBeUndefined();
    expect(model.getSchema('__proto__')).toBeUndefined();
  });

  it('describes a schema with inherited properties', () => {
    const person = model.getSchema('Person')!;
    expect(person.name).toBe('Person');
    expect(person.label).toBe('Person');
    expect(person.plural).toBe('People');
    expect(person.extends).toEqual(['LegalEntity']);
    expect(person.abstract).toBe(false);
    expect(person.matchable).toBe(true);
    expect(person.caption[0]).toBe('name');
    expect(person.featured).toContain('birthDate');
    // own, from LegalEntity and from Thing
    expect(person.getProperty('birthDate')).toMatchObject({ type: 'date', matchable: true, maxLength: 32, schema: 'Person' });
    expect(person.getProperty('idNumber')).toMatchObject({ type: 'identifier', schema: 'LegalEntity' });
    expect(person.getProperty('name')).toMatchObject({ type: 'name', schema: 'Thing' });
    expect(person.getProperty('nationality')?.type).toBe('country');
    expect(person.getProperty('notAProperty')).toBeUndefined();
  });

  it('gives entity properties their range and reverse', () => {
    const passport = model.getSchema('Passport')!;
    expect(passport.getProperty('holder')).toMatchObject({ type: 'entity', range: 'LegalEntity', reverse: 'identification' });
    expect(passport.isA('Identification')).toBe(true);
    expect(passport.isA('Interval')).toBe(true);
    expect(passport.isA('Thing')).toBe(false);
    expect(model.getSchema('Sanction')!.getProperty('entity')?.range).toBe('Thing');
  });

  it('knows abstract schemata and isA across several parents', () => {
    expect(model.getSchema('Thing')!.abstract).toBe(true);
    expect(model.getSchema('LegalEntity')!.abstract).toBe(false);
    const company = model.getSchema('Company')!;
    expect(company.isA('Organization')).toBe(true);
    expect(company.isA('Asset')).toBe(true);
    expect(company.isA(model.getSchema('LegalEntity')!)).toBe(true);
    expect(company.isA('Person')).toBe(false);
    expect(company.getProperty('imoNumber')?.schema).toBe('Organization');
  });

  it('has edges for links between entities', () => {
    expect(model.getSchema('Ownership')!.edge).toMatchObject({ source: 'owner', target: 'asset', directed: true });
    expect(model.getSchema('Person')!.edge).toBeUndefined();
  });

  it('lists the enumerated values of types', () => {
    expect(model.typeValues('gender')).toEqual(new Set(['male', 'female', 'other']));
    expect(model.typeValues('country')?.has('de')).toBe(true);
    expect(model.typeValues('name')).toBeUndefined();
  });

  it('tells listed subjects from auxiliaries', () => {
    const listed = ['Person', 'Organization', 'Company', 'LegalEntity', 'PublicBody', 'Vessel', 'Airplane', 'CryptoWallet'];
    const aux = ['Sanction', 'Address', 'Identification', 'Passport', 'Ownership', 'Family', 'Associate', 'Position', 'Occupancy', 'Thing'];
    for (const name of listed) expect(isListable(model.getSchema(name)!), name).toBe(true);
    for (const name of aux) expect(isListable(model.getSchema(name)!), name).toBe(false);
  });
});
