// Saved column-to-entity mappings (FollowTheMoney mapping YAML) for reuse across imports; checked against the model when saved.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { ImportError, parseMapping } from '../watchlists/index.js';
import type { Caller } from './access.js';
import { it } from './tables.js';

export interface SavedMapping {
  id: string;
  name: string;
  yaml: string;
  createdAt: string;
}

/** Parses a mapping; a problem becomes a validation error naming the mapping's line. */
export function checkMapping(yaml: string, name: string) {
  try {
    return parseMapping(yaml, name);
  } catch (e) {
    if (e instanceof ImportError)
      throw new AppError('validation-failed', `mapping: ${e.describe()}`, { field: 'mapping', ...(e.where.line !== undefined ? { line: e.where.line } : {}) });
    throw e;
  }
}

export async function saveMapping(ctx: AppContext, input: { name: string; yaml: string }, caller: Caller): Promise<SavedMapping> {
  checkMapping(input.yaml, input.name);
  return ctx.db.transaction(async (trx) => {
    const t = it(trx);
    await ctx.db.lockInTransaction(trx, 'intel:mappings');
    if (await t.selectFrom('intel_mappings').select('id').where('name', '=', input.name).executeTakeFirst())
      throw conflict(`a mapping named ${input.name} exists already`, 'name');
    const id = randomUUID();
    const now = ctx.clock.now().toISOString();
    await t.insertInto('intel_mappings').values({ id, name: input.name, yaml: input.yaml, created_at: now, created_by: caller.actor.id }).execute();
    await ctx.audit.record(trx, {
      action: 'intel.mapping.save',
      actor: caller.actor,
      target: { type: 'intel-mapping', id },
      ...(caller.requestId ? { requestId: caller.requestId } : {}),
    });
    return { id, name: input.name, yaml: input.yaml, createdAt: now };
  });
}

export async function listMappings(ctx: AppContext): Promise<SavedMapping[]> {
  const rows = await it(ctx.db.kysely).selectFrom('intel_mappings').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, yaml: r.yaml, createdAt: r.created_at }));
}

export async function getMapping(ctx: AppContext, ref: string): Promise<SavedMapping> {
  const t = it(ctx.db.kysely);
  const r =
    (await t.selectFrom('intel_mappings').selectAll().where('id', '=', ref).executeTakeFirst()) ??
    (await t.selectFrom('intel_mappings').selectAll().where('name', '=', ref).executeTakeFirst());
  if (!r) throw notFound('mapping', ref.slice(0, 100));
  return { id: r.id, name: r.name, yaml: r.yaml, createdAt: r.created_at };
}
