// Generator of realistic invented traffic: real airports and carriers, invented people; PAXLST and PNRGOV per flight, by seed.
import { planFlight, type FlightPlan, type PlanOptions } from './plan.js';

export { planFlight, type FlightPlan, type PlannedPnr, type PlannedTraveller, type PlanOptions } from './plan.js';
export { paxlstFor, paxlstParts, type PaxlstOptions } from './paxlst.js';
export { pnrgovFor, type PnrgovOptions } from './pnrgov.js';
export { INVENTED_SURNAMES } from './people.js';
export type { Quirks } from './write.js';

export interface TrafficOptions extends Omit<PlanOptions, 'date'> {
  flights?: number;
  /** First day `YYYY-MM-DD` (default 2026-12-01); flights are spread over `days` days. */
  from?: string;
  days?: number;
}

/** `flights` flight plans, each from its own seed derived from `seed`: the same seed gives the same traffic. */
export function planTraffic(seed: number, o: TrafficOptions = {}): FlightPlan[] {
  const { flights = 10, from = '2026-12-01', days = 1, ...plan } = o;
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: flights }, (_, i) => {
    const date = new Date(start + (i % Math.max(1, days)) * 86400000).toISOString().slice(0, 10);
    return planFlight((Math.imul(seed, 1000003) + i * 7919) >>> 0, { ...plan, date });
  });
}
