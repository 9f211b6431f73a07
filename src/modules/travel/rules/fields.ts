// The fields rules may read: name, type, meaning and how to read it from the traveller view (the catalogue the docs and the editor show).
import { PAYMENT_TYPES, type DocumentView, type LegView, type TravellerView } from './view.js';

export type ValueType = 'number' | 'string' | 'country' | 'airport' | 'bool' | 'instant' | 'duration';

export interface FieldDef {
  name: string;
  type: ValueType;
  /** Holds several values (`route.countries`): `in` and `contains` test whether any of them matches. */
  set?: boolean;
  /** The values a string field takes, checked when a rule is saved. */
  values?: readonly string[];
  description: string;
}

type Getter<S> = (s: S) => unknown;
interface Def<S> extends FieldDef {
  get: Getter<S>;
}

const f = <S>(name: string, type: ValueType, description: string, get: Getter<S>, extra: Partial<FieldDef> = {}): Def<S> => ({
  name,
  type,
  description,
  get,
  ...extra,
});

export const DOCUMENT_TYPES = ['passport', 'visa', 'identity-card', 'crew-certificate', 'residence-permit', 'other'] as const;
export const DIRECTIONS = ['inbound', 'outbound', 'overflight', 'domestic', 'unknown'] as const;

const TOP: Def<TravellerView>[] = [
  f('traveller.age', 'number', 'Age in whole years on the flight date (from the birth date)', (v) => v.traveller.age),
  f('traveller.nationality', 'country', 'Nationality', (v) => v.traveller.nationality),
  f('traveller.residence', 'country', 'Country of residence', (v) => v.traveller.residence),
  f('traveller.role', 'string', 'passenger or crew', (v) => v.traveller.role, { values: ['passenger', 'crew'] }),
  f('traveller.inTransit', 'bool', 'In transit through the country (API)', (v) => v.traveller.inTransit),
  f('traveller.passengerType', 'string', 'PNR passenger type as sent (A adult, C child, IN infant …)', (v) => v.traveller.passengerType),
  f('traveller.embarkation', 'airport', 'Airport where the traveller boards', (v) => v.traveller.embarkation),
  f('traveller.debarkation', 'airport', 'Airport where the traveller leaves the flight', (v) => v.traveller.debarkation),
  f('traveller.documentCount', 'number', 'Number of travel documents reported', (v) => v.traveller.documentCount),
  f('booking.present', 'bool', 'PNR data was received for the traveller', (v) => v.booking.present),
  f('booking.recordLocator', 'string', 'PNR record locator', (v) => v.booking.recordLocator),
  f('booking.created', 'instant', 'When the booking was made (PNR creation, UTC)', (v) => v.booking.created),
  f('booking.lastModified', 'instant', 'Last change of the PNR', (v) => v.booking.lastModified),
  f('booking.hoursBeforeDeparture', 'number', 'Hours between booking and departure', (v) => v.booking.hoursBeforeDeparture),
  f('booking.daysBeforeDeparture', 'number', 'Days between booking and departure', (v) => v.booking.daysBeforeDeparture),
  f('booking.paymentTypes', 'string', 'Forms of payment', (v) => v.booking.paymentTypes, { set: true, values: PAYMENT_TYPES }),
  f('booking.paidCash', 'bool', 'Paid (at least partly) in cash', (v) => v.booking.paidCash),
  f('booking.oneWay', 'bool', 'The itinerary does not come back to its first origin', (v) => v.booking.oneWay),
  f('booking.return', 'bool', 'The itinerary comes back to its first origin (airport or country)', (v) => v.booking.return),
  f('booking.travellers', 'number', 'Travellers in the same PNR on this flight', (v) => v.booking.travellers),
  f('booking.ticketed', 'bool', 'A ticket was issued', (v) => v.booking.ticketed),
  f('booking.ticketIssued', 'instant', 'Date the (first) ticket was issued', (v) => v.booking.ticketIssued),
  f('booking.bags', 'number', 'Checked bags', (v) => v.booking.bags),
  f('booking.bagWeight', 'number', 'Total checked bag weight as sent', (v) => v.booking.bagWeight),
  f('booking.seat', 'string', 'Seat on this flight (`15A`)', (v) => v.booking.seat),
  f('booking.segments', 'number', 'Flights in the booked itinerary', (v) => v.booking.segments),
  f('booking.frequentFlyer', 'bool', 'A frequent-flyer number is in the PNR', (v) => v.booking.frequentFlyer),
  f('booking.split', 'bool', 'The PNR was split from or into another', (v) => v.booking.split),
  f('route.origin', 'airport', 'First airport of the itinerary (else of the flight)', (v) => v.route.origin),
  f('route.destination', 'airport', 'Last airport of the itinerary (else of the flight)', (v) => v.route.destination),
  f('route.originCountry', 'country', 'Country of the first airport', (v) => v.route.originCountry),
  f('route.destinationCountry', 'country', 'Country of the last airport', (v) => v.route.destinationCountry),
  f('route.airports', 'airport', 'Every airport the itinerary and the flight touch', (v) => v.route.airports, { set: true }),
  f('route.countries', 'country', 'Every country the itinerary and the flight touch', (v) => v.route.countries, { set: true }),
  f('route.legCount', 'number', 'Legs of the itinerary (else of the flight)', (v) => v.route.legCount),
  f('flight.id', 'string', 'Flight id (`LH0400-2026-12-01`)', (v) => v.flight.id),
  f('flight.carrier', 'string', 'Carrier code (`LH`)', (v) => v.flight.carrier),
  f('flight.number', 'string', 'Flight number without carrier (`400`)', (v) => v.flight.number),
  f('flight.direction', 'string', 'inbound, outbound, overflight, domestic or unknown', (v) => v.flight.direction, { values: DIRECTIONS }),
  f('flight.date', 'instant', 'Scheduled date of the flight (local date of the first leg)', (v) => v.flight.date),
  f('flight.departure', 'instant', 'Scheduled departure (UTC)', (v) => v.flight.departure),
  f('flight.arrival', 'instant', 'Scheduled arrival (UTC)', (v) => v.flight.arrival),
  f('flight.origin', 'airport', 'First airport of the flight', (v) => v.flight.origin),
  f('flight.destination', 'airport', 'Last airport of the flight', (v) => v.flight.destination),
  f('flight.originCountry', 'country', 'Country of the first airport of the flight', (v) => v.flight.originCountry),
  f('flight.destinationCountry', 'country', 'Country of the last airport of the flight', (v) => v.flight.destinationCountry),
];

const LEG: Def<LegView>[] = [
  f('leg.origin', 'airport', 'Airport the leg leaves from', (l) => l.origin),
  f('leg.destination', 'airport', 'Airport the leg goes to', (l) => l.destination),
  f('leg.originCountry', 'country', 'Country the leg leaves from', (l) => l.originCountry),
  f('leg.destinationCountry', 'country', 'Country the leg goes to', (l) => l.destinationCountry),
  f('leg.departure', 'instant', 'Scheduled departure of the leg (UTC)', (l) => l.departure),
  f('leg.arrival', 'instant', 'Scheduled arrival of the leg (UTC)', (l) => l.arrival),
  f('leg.carrier', 'string', 'Carrier of the leg', (l) => l.carrier),
  f('leg.number', 'string', 'Flight number of the leg', (l) => l.number),
];

const DOCUMENT: Def<DocumentView>[] = [
  f('document.type', 'string', 'passport, visa, identity-card, crew-certificate, residence-permit or other', (d) => d.type, { values: DOCUMENT_TYPES }),
  f('document.code', 'string', 'Document code as sent (`P`, `V`, `I` …)', (d) => d.code),
  f('document.number', 'string', 'Document number', (d) => d.number),
  f('document.issuingCountry', 'country', 'Issuing country', (d) => d.issuingCountry),
  f('document.expiry', 'instant', 'Expiry date', (d) => d.expiry),
  f('document.daysToExpiry', 'number', 'Days from the flight date to expiry (negative: expired)', (d) => d.daysToExpiry),
  f('document.issued', 'instant', 'Issue date', (d) => d.issued),
];

/** Collections a quantifier ranges over: `any leg (…)`, `all document (…)`. */
export interface CollectionDef<S> {
  name: string;
  description: string;
  items: (v: TravellerView) => readonly S[];
  fields: ReadonlyMap<string, Def<S>>;
}

const byName = <S>(defs: Def<S>[]) => new Map(defs.map((d) => [d.name, d]));

export const TOP_FIELDS: ReadonlyMap<string, Def<TravellerView>> = byName(TOP);
export const COLLECTIONS: ReadonlyMap<string, CollectionDef<unknown>> = new Map<string, CollectionDef<unknown>>([
  [
    'leg',
    {
      name: 'leg',
      description: 'each leg of the itinerary (else of the flight)',
      items: (v) => v.legs,
      fields: byName(LEG) as ReadonlyMap<string, Def<unknown>>,
    },
  ],
  [
    'document',
    { name: 'document', description: 'each travel document', items: (v) => v.documents, fields: byName(DOCUMENT) as ReadonlyMap<string, Def<unknown>> },
  ],
]);

/** The catalogue without the readers, for docs, the API and the editor. */
type PlainField = Omit<FieldDef, 'values'> & { values?: string[] };
export function fieldCatalogue(): { fields: PlainField[]; collections: Array<{ name: string; description: string; fields: PlainField[] }> } {
  const plain = ({ get: _get, values, ...d }: Def<unknown>): PlainField => (values ? { ...d, values: [...values] } : d);
  return {
    fields: TOP.map((d) => plain(d as Def<unknown>)),
    collections: [...COLLECTIONS.values()].map((c) => ({ name: c.name, description: c.description, fields: [...c.fields.values()].map(plain) })),
  };
}
