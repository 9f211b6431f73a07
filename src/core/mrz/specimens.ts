// The ICAO Doc 9303 specimen MRZs (parts 4-7, issuing state Utopia), for tests, the demo and other modules' tests.
import type { MrzFormat } from './types.js';

/** Doc 9303 part 4 (TD3 passport), part 5 (TD1 card), part 6 (TD2 card), part 7 (MRV-A and MRV-B visas). */
export const DOC9303_SPECIMENS: Readonly<Record<MrzFormat, readonly string[]>> = {
  TD3: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  TD1: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  TD2: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  MRVA: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
  MRVB: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
};
