// Invented travellers: surnames that are words for "example" or "specimen", so nobody can mistake them for real people.
import type { Random } from './random.js';

/** Words meaning "example", "specimen" or "test person" in several languages. */
export const INVENTED_SURNAMES = [
  'MUSTERMANN',
  'MUSTERFRAU',
  'SPECIMEN',
  'TESTPERSON',
  'EXAMPLE',
  'SAMPLE',
  'BEISPIEL',
  'EXEMPLE',
  'ESEMPIO',
  'EJEMPLO',
  'PRZYKLAD',
  'PRIMJER',
  'ORNEK',
  'PARADEIGMA',
  'VOORBEELD',
  'EXEMPLAR',
  'PROBANDA',
  'MODELPERSON',
] as const;

/** NATO spelling alphabet, used as a second surname part ("SPECIMEN-KILO") and as given names. */
const NATO = [
  'ALPHA',
  'BRAVO',
  'CHARLIE',
  'DELTA',
  'ECHO',
  'FOXTROT',
  'GOLF',
  'HOTEL',
  'INDIA',
  'JULIETT',
  'KILO',
  'LIMA',
  'MIKE',
  'NOVEMBER',
  'OSCAR',
  'PAPA',
  'QUEBEC',
  'ROMEO',
  'SIERRA',
  'TANGO',
  'UNIFORM',
  'VICTOR',
  'WHISKEY',
  'XRAY',
  'YANKEE',
  'ZULU',
];
const GIVEN_F = ['ERIKA', 'JANE', 'ANNA', 'MARIA', 'ELENA', 'SOFIA', 'LEA', 'NINA', 'AIGUL', 'NINO', 'AYSE', 'IOANA'];
const GIVEN_M = ['MAX', 'JOHN', 'JAN', 'PAUL', 'IVAN', 'LUCA', 'ALI', 'GIORGI', 'ARMAN', 'MEHMET', 'ANDREI', 'MARKO'];

export interface InventedPerson {
  surname: string;
  givenNames: string;
  sex: 'M' | 'F';
  /** ISO date. */
  birthDate: string;
}

export function inventPerson(r: Random, year: number, adult = true): InventedPerson {
  const sex = r.chance(0.5) ? 'F' : 'M';
  const surname = r.chance(0.6) ? `${r.pick(INVENTED_SURNAMES)}-${r.pick(NATO)}` : r.pick(INVENTED_SURNAMES);
  const first = r.chance(0.3) ? r.pick(NATO) : r.pick(sex === 'F' ? GIVEN_F : GIVEN_M);
  const givenNames = r.chance(0.2) ? `${first} ${r.pick(NATO)}` : first;
  const age = adult ? r.int(18, 85) : r.int(0, 17);
  const birthDate = `${year - age}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  return { surname, givenNames, sex, birthDate };
}
