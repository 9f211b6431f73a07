// HTTP routes of link charts: saved charts of a case (list, create, open, update, delete), a chart's seed from a selection, dates and grades.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { chartFacts, chartSeed, ChartState, createChart, deleteChart, getChart, listCharts, updateChart } from './charts.js';
import { CaseParams, callerOf, GraphLink, GraphNode, tags } from './http.js';
import { INTEL_USE } from './permissions.js';

const config = { permission: INTEL_USE };
const ChartParams = CaseParams.extend({ chartId: z.string().min(1).max(100) });
const ChartSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  name: z.string(),
  nodes: z.number(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
});
const SubGraph = z.object({ nodes: z.array(GraphNode), links: z.array(GraphLink), missing: z.array(z.string()) });

export function chartRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/api/intel/cases/:caseId/charts',
    {
      schema: { tags, summary: 'The link charts saved in a case', params: CaseParams, response: { 200: z.object({ items: z.array(ChartSummary) }) } },
      config,
    },
    async (req) => ({ items: await listCharts(ctx, req.params.caseId, callerOf(req)) }),
  );
  app.post(
    '/api/intel/cases/:caseId/charts',
    {
      schema: {
        tags,
        summary: 'Save a link chart in a case (analysts and owners)',
        params: CaseParams,
        body: z.object({ name: z.string().min(1).max(100), state: ChartState }),
        response: { 201: ChartSummary },
      },
      config,
    },
    async (req, reply) => reply.code(201).send(await createChart(ctx, req.params.caseId, req.body, callerOf(req))),
  );
  app.get(
    '/api/intel/cases/:caseId/charts/:chartId',
    {
      schema: {
        tags,
        summary: 'Open a saved chart: its state and the entities and links it shows as the case has them now (audited)',
        params: ChartParams,
        response: { 200: ChartSummary.extend({ state: ChartState, graph: SubGraph }) },
      },
      config,
    },
    async (req) => getChart(ctx, req.params.caseId, req.params.chartId, callerOf(req)),
  );
  app.put(
    '/api/intel/cases/:caseId/charts/:chartId',
    {
      schema: {
        tags,
        summary: 'Rename a saved chart or replace its state',
        params: ChartParams,
        body: z.object({ name: z.string().min(1).max(100).optional(), state: ChartState.optional() }),
        response: { 200: ChartSummary },
      },
      config,
    },
    async (req) => updateChart(ctx, req.params.caseId, req.params.chartId, req.body, callerOf(req)),
  );
  app.delete(
    '/api/intel/cases/:caseId/charts/:chartId',
    {
      schema: { tags, summary: 'Delete a saved chart', params: ChartParams },
      config,
    },
    async (req, reply) => {
      await deleteChart(ctx, req.params.caseId, req.params.chartId, callerOf(req));
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/intel/cases/:caseId/chart-seed',
    {
      schema: {
        tags,
        summary: 'Entities given by id (a selection, a search, a path) and the links among them, to start a chart',
        params: CaseParams,
        querystring: z.object({
          ids: z
            .string()
            .min(1)
            .max(8000)
            .transform((s) => s.split(',').filter(Boolean)),
        }),
        response: { 200: SubGraph },
      },
      config,
    },
    async (req) => chartSeed(ctx, req.params.caseId, req.query.ids, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/chart-facts',
    {
      schema: {
        tags,
        summary: "Dates and report grades of a case's entities and links, for a chart's timeline and filters",
        params: CaseParams,
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), start: z.string().optional(), end: z.string().optional(), grades: z.array(z.string()) })),
            grades: z.array(z.string()),
          }),
        },
      },
      config,
    },
    async (req) => chartFacts(ctx, req.params.caseId, callerOf(req)),
  );
}
