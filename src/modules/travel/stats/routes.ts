// HTTP routes of passenger-data statistics: traffic, hits, decisions by sex (travel.stats); art. 20 figures (travel.dpo).
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { HttpApp } from '../../../platform/http/types.js';
import { TRAVEL_DPO, TRAVEL_STATS } from '../permissions.js';
import { art20, Art20Report, rangeOf, StatsReport, statsReport } from './report.js';

const tags = ['travel'];
const Range = z.object({ from: z.string().max(10).optional(), to: z.string().max(10).optional() });

export async function statsRoutes(app: HttpApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/travel/stats',
    {
      schema: {
        tags,
        summary:
          'Statistics of a period (default: the last 30 days): messages and travellers per carrier and day, hits per list and rule, decisions and decision times, by sex',
        querystring: Range,
        response: { 200: StatsReport },
      },
      config: { permission: TRAVEL_STATS },
    },
    async (req) => statsReport(ctx, rangeOf(ctx, req.query)),
  );

  app.get(
    '/api/travel/dpo/art20',
    {
      schema: {
        tags,
        summary: 'EU PNR Directive art. 20 statistics per month: travellers whose data was collected, identified for further review, confirmed',
        querystring: Range,
        response: { 200: Art20Report },
      },
      config: { permission: TRAVEL_DPO },
    },
    async (req) => art20(ctx, rangeOf(ctx, req.query)),
  );
}
