// Twenty realistic targeting rules and the value lists they use (for the bench and as examples of the language).
export const BENCH_LISTS = [
  { name: 'high-risk-routes', version: 1, values: ['SY', 'IQ', 'AF', 'YE', 'LY', 'SO', 'TR', 'AE'] },
  { name: 'watched-airports', version: 1, values: ['IST', 'DXB', 'DOH', 'CAI', 'TBS'] },
  { name: 'watched-carriers', version: 1, values: ['TK', 'EK', 'QR', 'J2'] },
];

export const BENCH_RULES: readonly string[] = [
  'route.countries in list "high-risk-routes" and booking.oneWay and booking.paidCash and booking.hoursBeforeDeparture < 48',
  'flight.departure - booking.created < 24 hours and booking.paidCash',
  'booking.oneWay and booking.travellers == 1 and booking.bags == 0 and route.legCount >= 2',
  'any leg (leg.origin in list "watched-airports" and leg.destinationCountry == "AT")',
  'any document (document.daysToExpiry < 30)',
  'traveller.age < 18 and booking.travellers == 1',
  'route.airports in list "watched-airports" and not booking.ticketed',
  'flight.carrier in list "watched-carriers" and booking.paymentTypes contains "cash"',
  'booking.daysBeforeDeparture < 2 and booking.return and booking.segments >= 4',
  'traveller.nationality != traveller.residence and route.countries in list "high-risk-routes"',
  'all leg (leg.carrier != flight.carrier) and booking.present',
  'booking.split and booking.hoursBeforeDeparture < 72',
  'none document (document.type == "passport") and traveller.role == "passenger"',
  'booking.ticketIssued - booking.created > 30 days',
  'booking.seat startsWith "1" and booking.paidCash',
  'traveller.inTransit and route.countries in list "high-risk-routes"',
  'flight.direction == "inbound" and route.originCountry in list "high-risk-routes" and booking.oneWay',
  'booking.bagWeight > 60 and booking.travellers == 1',
  'any leg (leg.departure - flight.departure > 3 days) and booking.oneWay',
  'traveller.age >= 18 and traveller.age <= 30 and booking.oneWay and booking.paidCash',
];
