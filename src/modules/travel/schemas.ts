// Zod schemas of the parts of the parsing contract (types.ts) the HTTP API answers with: they serialise the responses and
// give the OpenAPI document the web client is typed by. Each is checked below to be exactly its type in types.ts, so a
// field added there (or here) without the other fails the type check instead of being dropped from a response.
import { z } from 'zod';
import type * as T from './types.js';

export const Finding = z.object({
  code: z.string(),
  segment: z.number().nullable(),
  tag: z.string().nullable(),
  offset: z.number().nullable(),
  detail: z.string(),
});

export const ParseError = z.object({
  code: z.string(),
  segment: z.number().nullable(),
  tag: z.string().nullable(),
  element: z.number().nullable(),
  component: z.number().nullable(),
  offset: z.number().nullable(),
  detail: z.string(),
});

/** Local time at the airport as sent, and UTC when the airport's zone is known. */
export const ScheduledTime = z.object({ local: z.string(), utc: z.string().nullable() });

export const FlightLeg = z.object({
  origin: z.string().nullable(),
  destination: z.string().nullable(),
  departure: ScheduledTime.nullable(),
  arrival: ScheduledTime.nullable(),
  border: z.boolean(),
});

export const TravelDocument = z.object({
  code: z.string(),
  kind: z.enum(['passport', 'visa', 'identity-card', 'crew-certificate', 'residence-permit', 'other']),
  number: z.string().nullable(),
  issuingCountry: z.string().nullable(),
  expiry: z.string().nullable(),
  issued: z.string().nullable(),
  source: z.enum(['DOC', 'DOCS', 'DOCO', 'FOID']),
  surname: z.string().nullable().optional(),
  givenNames: z.string().nullable().optional(),
  applicableCountry: z.string().nullable().optional(),
  placeOfIssue: z.string().nullable().optional(),
});

export const Address = z.object({
  kind: z.enum(['residence', 'destination', 'contact', 'other']),
  street: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
});

export const ItinerarySegment = z.object({
  flight: z.string(),
  carrier: z.string(),
  number: z.string(),
  operatingCarrier: z.string().nullable(),
  operatingNumber: z.string().nullable(),
  origin: z.string().nullable(),
  destination: z.string().nullable(),
  departure: ScheduledTime.nullable(),
  arrival: ScheduledTime.nullable(),
  bookingClass: z.string().nullable(),
  status: z.string().nullable(),
});

const Ticket = z.object({ number: z.string(), issued: z.string().nullable(), total: z.string().nullable(), currency: z.string().nullable() });
const Payment = z.object({ type: z.string(), amount: z.string().nullable(), vendor: z.string().nullable(), accountLast4: z.string().nullable() });
const Contact = z.object({ kind: z.enum(['email', 'phone', 'address', 'other']), value: z.string(), source: z.string() });
const Bags = z.object({ count: z.number().nullable(), weight: z.number().nullable(), unit: z.string().nullable(), tags: z.array(z.string()) });

export const Booking = z.object({
  recordLocator: z.string().nullable(),
  otherLocators: z.array(z.string()),
  created: z.string().nullable(),
  lastModified: z.string().nullable(),
  tickets: z.array(Ticket),
  payments: z.array(Payment),
  contacts: z.array(Contact),
  seats: z.array(z.object({ flight: z.string().nullable(), seat: z.string() })),
  bags: z.array(Bags),
  itinerary: z.array(ItinerarySegment),
  ssr: z.array(z.object({ code: z.string(), text: z.string() })),
  remarks: z.array(z.string()),
  split: z.array(z.string()),
  frequentFlyer: z.array(z.string()),
});

export const Traveller = z.object({
  ref: z.string(),
  role: z.enum(['passenger', 'crew']),
  inTransit: z.boolean(),
  passengerType: z.string().nullable(),
  surname: z.string(),
  givenNames: z.string(),
  title: z.string().nullable(),
  sex: z.enum(['M', 'F', 'X', 'U']).nullable(),
  birthDate: z.string().nullable(),
  birthPlace: z.string().nullable(),
  nationality: z.string().nullable(),
  residence: z.string().nullable(),
  embarkation: z.string().nullable(),
  debarkation: z.string().nullable(),
  clearance: z.string().nullable(),
  addresses: z.array(Address),
  documents: z.array(TravelDocument),
  booking: Booking.nullable(),
  references: z.array(z.object({ qualifier: z.string(), value: z.string() })),
});

/** True when A and B are assignable both ways: the schema and the contract describe the same values. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time: `same<A, B>(true)` type-checks only when A and B are the same shape. */
export const same = <A, B>(ok: Same<A, B>) => ok;
same<z.infer<typeof Finding>, T.Finding>(true);
same<z.infer<typeof ParseError>, T.ParseError>(true);
same<z.infer<typeof FlightLeg>, T.FlightLeg>(true);
same<z.infer<typeof TravelDocument>, T.TravelDocument>(true);
same<z.infer<typeof Address>, T.Address>(true);
same<z.infer<typeof Booking>, T.Booking>(true);
same<z.infer<typeof Traveller>, T.Traveller>(true);
