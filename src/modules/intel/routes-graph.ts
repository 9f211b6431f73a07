// HTTP routes of a case's graph: paths, neighbourhood, common neighbours, centrality and communities, ownership, exports.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { analyse, common, expand, findPaths, owners } from './graph.js';
import { exportCase, EXPORT_FORMATS, EXPORT_TYPES } from './export.js';
import { CaseParams, callerOf, GraphLink, GraphNode, idList, tags, TimeQuery } from './http.js';
import { INTEL_USE } from './permissions.js';

const config = { permission: INTEL_USE };

export function graphRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/api/intel/cases/:caseId/paths',
    {
      schema: {
        tags,
        summary: 'Shortest path (or all paths with all=true) between two entities, as ids with the link entities between them',
        params: CaseParams,
        querystring: z.object({
          from: z.string().min(1).max(200),
          to: z.string().min(1).max(200),
          maxLength: z.coerce.number().int().min(1).max(10).optional(),
          all: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          ...TimeQuery,
        }),
        response: { 200: z.object({ paths: z.array(z.array(z.string())), total: z.number(), exact: z.boolean() }) },
      },
      config,
    },
    async (req) => findPaths(ctx, req.params.caseId, { ...req.query, all: req.query.all === 'true' }, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/neighbourhood',
    {
      schema: {
        tags,
        summary: 'Entities within some hops of the given ones; "shown of total" when a limit applies',
        params: CaseParams,
        querystring: z.object({
          ids: idList,
          hops: z.coerce.number().int().min(1).max(4).optional(),
          limit: z.coerce.number().int().min(1).max(10000).optional(),
          nodeTypes: z
            .string()
            .max(500)
            .optional()
            .transform((s) => (s ? s.split(',') : undefined)),
          ...TimeQuery,
        }),
        response: {
          200: z.object({
            seeds: z.array(GraphNode),
            nodes: z.array(GraphNode.extend({ hop: z.number() })),
            links: z.array(GraphLink),
            shown: z.number(),
            total: z.number(),
            totalLinks: z.number(),
            exact: z.boolean(),
          }),
        },
      },
      config,
    },
    async (req) => expand(ctx, req.params.caseId, req.query, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/common',
    {
      schema: {
        tags,
        summary: 'Entities linked to every one of the given entities',
        params: CaseParams,
        querystring: z.object({ ids: idList, limit: z.coerce.number().int().min(1).max(10000).optional(), ...TimeQuery }),
        response: { 200: z.object({ nodes: z.array(GraphNode), shown: z.number(), total: z.number() }) },
      },
      config,
    },
    async (req) => common(ctx, req.params.caseId, req.query, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/analysis',
    {
      schema: {
        tags,
        summary: 'Degree and betweenness centrality and Louvain communities, most central first',
        params: CaseParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(10000).optional(), ...TimeQuery }),
        response: {
          200: z.object({
            nodes: z.array(GraphNode.extend({ degree: z.number(), betweenness: z.number(), community: z.number() })),
            shown: z.number(),
            total: z.number(),
            betweennessExact: z.boolean(),
            communities: z.number(),
            modularity: z.number(),
          }),
        },
      },
      config,
    },
    async (req) => analyse(ctx, req.params.caseId, req.query, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/ownership',
    {
      schema: {
        tags,
        summary: 'Who ultimately owns an entity (walk=owners) or what it holds (walk=holdings), with effective shares and chains',
        params: CaseParams,
        querystring: z.object({
          id: z.string().min(1).max(200),
          walk: z.enum(['owners', 'holdings']).optional(),
          threshold: z.coerce.number().min(0).max(100).optional(),
          at: z.string().max(30).optional(),
        }),
        response: {
          200: z.object({
            parties: z.array(
              GraphNode.extend({
                share: z.number().nullable(),
                direct: z.number().nullable(),
                depth: z.number(),
                ultimate: z.boolean(),
                beneficial: z.boolean(),
                chains: z.array(z.object({ path: z.array(z.string()), share: z.number().nullable() })),
              }),
            ),
            chains: z.number(),
            cyclesCut: z.number(),
            exact: z.boolean(),
          }),
        },
      },
      config,
    },
    async (req) => owners(ctx, req.params.caseId, req.query, callerOf(req)),
  );
  app.get(
    '/api/intel/cases/:caseId/export',
    {
      schema: {
        tags,
        summary: 'Export the resolved graph: GraphML, GEXF, FtM JSON lines, or i2 ANB-importable CSV',
        params: CaseParams,
        querystring: z.object({ format: z.enum(EXPORT_FORMATS) }),
      },
      config,
    },
    async (req, reply) => {
      const chunks = await exportCase(ctx, req.params.caseId, req.query.format, callerOf(req));
      const ext = { graphml: 'graphml', gexf: 'gexf', ftm: 'ftm.json', 'anb-csv': 'csv' }[req.query.format];
      return reply
        .header('content-type', EXPORT_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="case.${ext}"`)
        .send([...chunks].join(''));
    },
  );
}
