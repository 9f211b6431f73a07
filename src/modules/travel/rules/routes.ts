// HTTP routes of targeting rules under /api/travel/rules: rules, versions, enable/disable, tests against stored traffic, lists, statistics.
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import type { HttpApp } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { TRAVEL_RULES } from '../permissions.js';
import { compileRule } from './compile.js';
import { RuleError } from './errors.js';
import { fieldCatalogue } from './fields.js';
import { testRule } from './history.js';
import { ruleStats } from './hits.js';
import { getList, latestLists, setList } from './lists.js';
import { createRule, getRule, listEnv, listRules, setRuleEnabled, updateRule } from './rules.js';
import { ru } from './tables.js';
import * as S from './schemas.js';

const tags = ['travel-rules'];
const config = { permission: TRAVEL_RULES };

export function rulesRoutes(app: HttpApp, ctx: AppContext): void {
  const by = (req: { principal: Parameters<typeof actorOf>[0]; id: string }) => ({ actor: actorOf(req.principal), requestId: req.id });

  app.get(
    '/api/travel/rules',
    { schema: { tags, summary: 'Targeting rules at their current versions', response: { 200: z.object({ items: z.array(S.Rule) }) } }, config },
    async () => ({
      items: await listRules(ctx),
    }),
  );

  app.post(
    '/api/travel/rules',
    {
      schema: {
        tags,
        summary: 'Write a rule (version 1, disabled unless enabled is true); a bad or sensitive expression is refused naming line and column',
        body: S.CreateBody,
        response: { 201: S.Rule },
      },
      config,
    },
    async (req, reply) => reply.code(201).send(await createRule(ctx, req.body, by(req))),
  );

  app.get(
    '/api/travel/rules/fields',
    { schema: { tags, summary: 'The fields and collections rules can read, with their types', response: { 200: S.Catalogue } }, config },
    async () => fieldCatalogue(),
  );

  app.post(
    '/api/travel/rules/check',
    {
      schema: {
        tags,
        summary: 'Check an expression without saving it: the first problem with line, column and part, or ok',
        body: S.CheckBody,
        response: { 200: S.CheckResult },
      },
      config,
    },
    async (req) => {
      const lists = await listEnv(ru(ctx.db.kysely));
      try {
        const c = compileRule(req.body.expression, { list: (n) => lists.get(n) });
        return { ok: true, problem: null, lists: c.lists };
      } catch (err) {
        if (err instanceof RuleError) return { ok: false, problem: err.problem, lists: {} };
        throw err;
      }
    },
  );

  app.post(
    '/api/travel/rules/test',
    {
      schema: { tags, summary: 'Run an unsaved expression over stored travellers of a period (audited)', body: S.TestBody, response: { 200: S.TestResult } },
      config,
    },
    async (req) => testRule(ctx, { expression: req.body.expression }, req.body, by(req)),
  );

  app.get(
    '/api/travel/rules/stats',
    { schema: { tags, summary: 'Hits and alert decisions per rule version', response: { 200: z.object({ items: z.array(S.Stats) }) } }, config },
    async () => ({ items: await ruleStats(ctx) }),
  );

  app.get(
    '/api/travel/rules/lists',
    { schema: { tags, summary: 'Named value lists at their latest versions', response: { 200: z.object({ items: z.array(S.List) }) } }, config },
    async () => ({ items: await latestLists(ru(ctx.db.kysely)) }),
  );

  app.get(
    '/api/travel/rules/lists/:name',
    {
      schema: {
        tags,
        summary: 'One value list (latest, or ?version=N) and its versions',
        params: S.ListName,
        querystring: S.ListQuery,
        response: { 200: S.ListDetail },
      },
      config,
    },
    async (req) => getList(ctx, req.params.name, req.query.version),
  );

  app.put(
    '/api/travel/rules/lists/:name',
    {
      schema: {
        tags,
        summary: 'Save a new version of a value list (refused if a rule using it could not, or if an entry is sensitive)',
        params: S.ListName,
        body: S.ListBody,
        response: { 200: S.List.extend({ changed: z.boolean() }) },
      },
      config,
    },
    async (req) => setList(ctx, { name: req.params.name, entries: req.body.entries, description: req.body.description }, by(req)),
  );

  app.get(
    '/api/travel/rules/:id',
    { schema: { tags, summary: 'One rule with all its versions', params: S.RuleId, response: { 200: S.RuleDetail } }, config },
    async (req) => getRule(ctx, req.params.id),
  );

  app.patch(
    '/api/travel/rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a rule: a new version (the previous ones stay for the alerts they raised)',
        params: S.RuleId,
        body: S.UpdateBody,
        response: { 200: S.RuleChanged },
      },
      config,
    },
    async (req) => updateRule(ctx, req.params.id, req.body, by(req)),
  );

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post(
      `/api/travel/rules/:id/${verb}`,
      { schema: { tags, summary: `${verb === 'enable' ? 'Enable' : 'Disable'} a rule (audited)`, params: S.RuleId, response: { 200: S.RuleChanged } }, config },
      async (req) => setRuleEnabled(ctx, req.params.id, enabled, by(req)),
    );
  }

  app.post(
    '/api/travel/rules/:id/test',
    {
      schema: {
        tags,
        summary: 'Run a rule (current version) over stored travellers of a period (audited)',
        params: S.RuleId,
        body: S.Period,
        response: { 200: S.TestResult },
      },
      config,
    },
    async (req) => testRule(ctx, { id: req.params.id }, req.body ?? {}, by(req)),
  );
}
