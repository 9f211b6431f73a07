// Invented travellers and flights for the rule language's tests and bench (JOHN SPECIMEN style, real airports).
import type { Traveller } from '../types.js';
import type { FlightFacts } from './view.js';

export const TK1885: FlightFacts = {
  id: 'TK1885-2026-12-01',
  carrier: 'TK',
  number: '1885',
  date: '2026-12-01',
  direction: 'inbound',
  departureUtc: '2026-12-01T09:00:00Z',
  arrivalUtc: '2026-12-01T11:00:00Z',
  legs: [
    {
      origin: 'IST',
      destination: 'VIE',
      departure: { local: '2026-12-01T12:00', utc: '2026-12-01T09:00:00Z' },
      arrival: { local: '2026-12-01T12:00', utc: '2026-12-01T11:00:00Z' },
      border: true,
    },
  ],
};

const segment = (flight: string, origin: string, destination: string, utc: string) => ({
  flight,
  carrier: flight.slice(0, 2),
  number: flight.slice(2).replace(/^0+/, ''),
  operatingCarrier: null,
  operatingNumber: null,
  origin,
  destination,
  departure: { local: utc.slice(0, 16), utc },
  arrival: null,
  bookingClass: 'Y',
  status: 'HK',
});

/** JOHN SPECIMEN: booked the day before, paid cash, one way Dubai–Istanbul–Vienna, passport expiring in 19 days. */
export function specimen(overrides: Partial<Traveller> = {}): Traveller {
  return {
    ref: '1',
    role: 'passenger',
    inTransit: false,
    passengerType: 'A',
    surname: 'SPECIMEN',
    givenNames: 'JOHN',
    title: 'MR',
    sex: 'M',
    birthDate: '1990-05-01',
    birthPlace: null,
    nationality: 'DEU',
    residence: 'AUT',
    embarkation: 'IST',
    debarkation: 'VIE',
    clearance: null,
    addresses: [],
    documents: [{ code: 'P', kind: 'passport', number: 'C01X00T47', issuingCountry: 'D', expiry: '2026-12-20', issued: '2016-12-20', source: 'DOC' }],
    references: [],
    booking: {
      recordLocator: 'ZZX9Y8',
      otherLocators: [],
      created: '2026-11-30T10:00',
      lastModified: null,
      tickets: [{ number: '2352100000001', issued: '2026-11-30', total: null, currency: null }],
      payments: [{ type: 'CA', amount: '900.00', vendor: null, accountLast4: null }],
      contacts: [],
      seats: [{ flight: 'TK1885', seat: '15A' }],
      bags: [{ count: 2, weight: 40, unit: 'K', tags: [] }],
      itinerary: [segment('TK0763', 'DXB', 'IST', '2026-12-01T02:00:00Z'), segment('TK1885', 'IST', 'VIE', '2026-12-01T09:00:00Z')],
      ssr: [{ code: 'MOML', text: '' }],
      remarks: ['CTCE JOHN.SPECIMEN//EXAMPLE.ORG'],
      split: [],
      frequentFlyer: [],
    },
    ...overrides,
  };
}
