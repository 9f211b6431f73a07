// The rule language: what rules mean over a traveller, the examples of the issue, and errors that say where and why.
import { describe, expect, it } from 'vitest';
import { compileRule, type ListValues } from './compile.js';
import { RuleError, type RuleProblem } from './errors.js';
import { specimen, TK1885 } from './fixtures.js';
import { travellerView } from './view.js';

const LISTS = new Map<string, ListValues>([
  ['high-risk-routes', { name: 'high-risk-routes', version: 3, values: ['SY', 'Iraq', 'ARE'] }],
  ['watched-airports', { name: 'watched-airports', version: 1, values: ['dxb', 'DOH'] }],
]);
const env = { list: (n: string) => LISTS.get(n) };
const view = travellerView('t1', specimen(), TK1885, 1);
const returning = travellerView(
  't2',
  specimen({
    booking: {
      ...specimen().booking!,
      created: '2026-10-01T08:00',
      payments: [{ type: 'CC', amount: null, vendor: 'VI', accountLast4: '1111' }],
      itinerary: [...specimen().booking!.itinerary, { ...specimen().booking!.itinerary[1]!, origin: 'VIE', destination: 'DXB' }],
    },
  }),
  TK1885,
  3,
);
const test = (src: string, v = view) => compileRule(src, env).test(v);
const problem = (src: string): RuleProblem => {
  try {
    compileRule(src, env);
  } catch (err) {
    if (err instanceof RuleError) return err.problem;
    throw err;
  }
  throw new Error(`no error for ${src}`);
};

describe('rule language', () => {
  it('expresses the issue example: touches a listed country, one-way, cash, booked under 48 h before departure', () => {
    const src = 'route.countries in list "high-risk-routes" and booking.oneWay and booking.paidCash and booking.hoursBeforeDeparture < 48';
    expect(test(src)).toBe(true);
    expect(test(src, returning)).toBe(false);
    expect(test('flight.departure - booking.created < 48 hours')).toBe(true);
    expect(test('flight.departure - booking.created < 2 days', returning)).toBe(false);
    const c = compileRule(src, env);
    expect(c.lists).toEqual({ 'high-risk-routes': 3 });
    expect(c.explain(view)).toBe('route.countries = [ae, tr, at]; booking.oneWay = true; booking.paidCash = true; booking.hoursBeforeDeparture = 23');
  });

  it('reads countries in any notation and airports without regard to case', () => {
    expect(test('traveller.nationality == "de"')).toBe(true);
    expect(test('traveller.nationality == "Germany"')).toBe(true);
    expect(test('traveller.nationality == "DEU" and traveller.residence in ["AT", "CH"]')).toBe(true);
    expect(test('route.origin == "dxb" and route.airports in list "watched-airports"')).toBe(true);
    expect(test('route.countries contains "SY"')).toBe(false);
    expect(test('route.countries not in list "high-risk-routes"')).toBe(false);
  });

  it('quantifies over legs and documents', () => {
    expect(test('any leg (leg.originCountry == "AE" and leg.destination == "IST")')).toBe(true);
    expect(test('all leg (leg.carrier == "TK")')).toBe(true);
    expect(test('none leg (leg.destinationCountry == "SY")')).toBe(true);
    expect(test('any document (document.type == "passport" and document.daysToExpiry < 30 and document.issuingCountry == "de")')).toBe(true);
    expect(test('any document (document.expiry < flight.date + 30 days)')).toBe(true);
    expect(test('any document (document.expiry < "2026-12-01")')).toBe(false);
  });

  it('compares numbers, strings, booleans, payments and party size', () => {
    expect(test('traveller.age >= 36 and traveller.age < 37')).toBe(true);
    expect(test('37 > traveller.age')).toBe(true);
    expect(test('flight.carrier == "tk" and flight.number startsWith "18"')).toBe(true);
    expect(test('booking.seat == "15A" and booking.bags >= 2 and booking.travellers == 1')).toBe(true);
    expect(test('"cash" in booking.paymentTypes', returning)).toBe(false);
    expect(test('booking.paymentTypes contains "card" and booking.travellers > 2', returning)).toBe(true);
    expect(test('not booking.return or booking.daysBeforeDeparture > 30', returning)).toBe(true);
    expect(test('flight.direction == "inbound" and traveller.role != "crew"')).toBe(true);
  });

  it('never matches on what is missing, unless asked', () => {
    const noPnr = travellerView('t3', specimen({ booking: null, birthDate: null }), TK1885);
    expect(test('booking.paidCash', noPnr)).toBe(false);
    expect(test('booking.hoursBeforeDeparture < 48', noPnr)).toBe(false);
    expect(test('traveller.age != 30', noPnr)).toBe(false);
    expect(test('booking.created is missing and traveller.age is missing', noPnr)).toBe(true);
    expect(test('booking.present', noPnr)).toBe(false);
    expect(test('booking.created is present')).toBe(true);
  });

  it('allows comments and several lines', () => {
    expect(test('# one way, cash\nbooking.oneWay\n  and booking.paidCash # both\n')).toBe(true);
  });

  it('names line, column and part of every error', () => {
    expect(problem('booking.oneWay and\n  booking.paidCsh')).toMatchObject({ code: 'unknown-field', line: 2, column: 3, part: 'booking.paidCsh' });
    expect(problem('traveller.age > "old"')).toMatchObject({ code: 'bad-value', line: 1, column: 17 });
    expect(problem('traveller.nationality == "Atlantis"')).toMatchObject({ code: 'bad-value', part: 'Atlantis' });
    expect(problem('flight.carrier < "LH"')).toMatchObject({ code: 'type-mismatch' });
    expect(problem('route.countries == "SY"')).toMatchObject({ code: 'type-mismatch', part: 'route.countries' });
    expect(problem('leg.origin == "VIE"')).toMatchObject({ code: 'unknown-field', part: 'leg.origin' });
    expect(problem('route.countries in list "nope"')).toMatchObject({ code: 'unknown-list', column: 25 });
    expect(problem('traveller.age')).toMatchObject({ code: 'type-mismatch' });
    expect(problem('flight.carrier = "LH"')).toMatchObject({ code: 'bad-character', column: 16 });
    expect(problem('flight.carrier == "LH')).toMatchObject({ code: 'bad-string', column: 19 });
    expect(problem('(booking.oneWay')).toMatchObject({ code: 'syntax', column: 16 });
    expect(problem('booking.oneWay booking.paidCash')).toMatchObject({ code: 'syntax', column: 16 });
    expect(problem('flight.departure + flight.departure > "2026-01-01"')).toMatchObject({ code: 'type-mismatch' });
    expect(problem('"x" == "y"')).toMatchObject({ code: 'type-mismatch' });
    expect(problem('"x".repeat')).toMatchObject({ code: 'bad-character', column: 4 });
    expect(problem('')).toMatchObject({ code: 'syntax', line: 1, column: 1 });
    expect(problem(`${'not '.repeat(40)}booking.oneWay`)).toMatchObject({ code: 'too-deep' });
    expect(problem(`booking.oneWay${' '.repeat(4000)}`)).toMatchObject({ code: 'too-long' });
  });
});

describe('sensitive characteristics', () => {
  it.each([
    ['traveller.sex == "F"', 'sex', 'traveller.sex'],
    ['traveller.gender == "M"', 'sex', 'traveller.gender'],
    ['traveller.title == "MRS"', 'sex', 'traveller.title'],
    ['booking.ssr contains "KSML"', 'freeText', 'booking.ssr'],
    ['booking.remarks contains "x"', 'freeText', 'booking.remarks'],
    ['traveller.mealPreference == "AVML"', 'religion', 'traveller.mealPreference'],
    ['flight.carrier == "MOML"', 'religion', 'MOML'],
    ['booking.seat in ["12A", "WCHR"]', 'health', 'WCHR'],
    ['traveller.surname startsWith "AL"', 'ethnic', 'traveller.surname'],
    ['traveller.religion == "x"', 'religion', 'traveller.religion'],
    ['route.countries in list "muslim-countries"', 'religion', 'muslim-countries'],
    ['booking.recordLocator == "halal meal"', 'religion', 'halal meal'],
    ['any leg (leg.carrier == "gay")', 'sexLife', 'gay'],
    ['traveller.tradeUnion == "x"', 'union', 'traveller.tradeUnion'],
  ])('refuses %s', (src, category, part) => {
    const p = problem(src);
    expect(p).toMatchObject({ code: 'sensitive-characteristic', category, part });
    expect(p.detail).toMatch(/C-817\/19/);
  });

  it('accepts country and airport names that merely look like beliefs', () => {
    expect(test('route.countries contains "Islamic Republic of Iran"')).toBe(false);
    expect(test('route.airports contains "MRS"')).toBe(false);
  });
});
