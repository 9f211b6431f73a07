// HTTP routes of cases: list, create, one case, members; the register of all cases for managers; grading schemes.
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { appointOwner, caseRegister, createCase, getCase, listCases, removeMember, setMember } from './cases.js';
import { checkScheme, SchemeInput } from './grading.js';
import { CaseParams, CaseSummary, callerOf, Member, Scheme, tags } from './http.js';
import { CASE_ROLES, INTEL_MANAGE, INTEL_USE } from './permissions.js';
import { saveScheme, schemes } from './reports.js';

export function caseRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/api/intel/cases',
    {
      schema: { tags, summary: 'The cases the caller is a member of', response: { 200: z.object({ items: z.array(CaseSummary) }) } },
      config: { permission: INTEL_USE },
    },
    async (req) => ({ items: await listCases(ctx, callerOf(req)) }),
  );
  app.post(
    '/api/intel/cases',
    {
      schema: {
        tags,
        summary: 'Open a case; the caller becomes its owner',
        body: z.object({ name: z.string().min(1).max(100), description: z.string().max(2000).optional() }),
        response: { 201: CaseSummary },
      },
      config: { permission: INTEL_USE },
    },
    async (req, reply) => reply.code(201).send(await createCase(ctx, req.body, callerOf(req))),
  );
  app.get(
    '/api/intel/cases/:caseId',
    {
      schema: { tags, summary: 'One case (members only; audited)', params: CaseParams, response: { 200: CaseSummary.extend({ memberList: z.array(Member) }) } },
      config: { permission: INTEL_USE },
    },
    async (req) => getCase(ctx, req.params.caseId, callerOf(req)),
  );
  app.put(
    '/api/intel/cases/:caseId/members',
    {
      schema: {
        tags,
        summary: 'Add a member or change their role (case owners)',
        params: CaseParams,
        body: z.object({ username: z.string().max(200).optional(), userId: z.string().max(100).optional(), role: z.enum(CASE_ROLES) }),
        response: { 200: z.object({ items: z.array(Member) }) },
      },
      config: { permission: INTEL_USE },
    },
    async (req) => ({ items: await setMember(ctx, req.params.caseId, req.body, req.body.role, callerOf(req)) }),
  );
  app.delete(
    '/api/intel/cases/:caseId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (case owners); a case keeps one owner',
        params: CaseParams.extend({ userId: z.string().min(1).max(100) }),
        response: { 200: z.object({ items: z.array(Member) }) },
      },
      config: { permission: INTEL_USE },
    },
    async (req) => ({ items: await removeMember(ctx, req.params.caseId, req.params.userId, callerOf(req)) }),
  );
  app.get(
    '/api/intel/register',
    {
      schema: {
        tags,
        summary: 'That each case exists (id, created, member count), for case managers; never its name or content',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), createdAt: z.string(), members: z.number() })) }) },
      },
      config: { permission: INTEL_MANAGE },
    },
    async (req) => ({ items: await caseRegister(ctx, callerOf(req)) }),
  );
  app.post(
    '/api/intel/register/:caseId/owner',
    {
      schema: {
        tags,
        summary: 'Appoint an owner of a case (e.g. when its owner left); a manager cannot appoint themselves',
        params: CaseParams,
        body: z.object({ username: z.string().max(200).optional(), userId: z.string().max(100).optional() }),
        response: { 200: z.object({ caseId: z.string(), userId: z.string(), role: z.literal('owner') }) },
      },
      config: { permission: INTEL_MANAGE },
    },
    async (req) => appointOwner(ctx, req.params.caseId, req.body, callerOf(req)),
  );
  app.get(
    '/api/intel/schemes',
    {
      schema: {
        tags,
        summary: 'Grading schemes: built in (UK 3x5x2, UK 5x5x5, NATO/Admiralty) and defined here',
        response: { 200: z.object({ items: z.array(Scheme) }) },
      },
      config: { permission: INTEL_USE },
    },
    async () => ({ items: await schemes(ctx.db.kysely) }),
  );
  app.put(
    '/api/intel/schemes/:schemeId',
    {
      schema: {
        tags,
        summary: 'Define or replace a grading scheme',
        params: z.object({ schemeId: z.string().min(1).max(40) }),
        body: SchemeInput,
        response: { 200: Scheme },
      },
      config: { permission: INTEL_MANAGE },
    },
    async (req) => saveScheme(ctx, checkScheme(req.params.schemeId, req.body)),
  );
}
