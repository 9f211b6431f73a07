// Imports medallion's data file (the OASIS reference server's test data) into the store: API roots, collections, objects with their date_added, statuses.
import type { AppContext } from '../../platform/context.js';
import type { ActingAs } from '../../platform/auth/index.js';
import { timestampKey } from '../../core/stix/index.js';
import { addCollection, ensureApiRoot, setPartnerGrant } from './collections.js';
import { ingest } from './ingest.js';
import { saveStatus, type Status } from './statuses.js';

interface MedallionCollection {
  id: string;
  title: string;
  description?: string;
  can_read: boolean;
  can_write: boolean;
  media_types?: string[];
  objects: Record<string, unknown>[];
  manifest: { id: string; version: string; date_added: string; media_type: string }[];
}
interface MedallionRoot {
  information: { title: string; description?: string; max_content_length?: number };
  status: (Partial<Status> & { id: string })[];
  collections: MedallionCollection[];
}

export interface MedallionImport {
  apiRoots: number;
  collections: number;
  objects: number;
  rejected: { collection: string; id: string | undefined; reason: string }[];
  statuses: number;
}

/**
 * Loads the data; `partnerOrgId` receives each collection's can_read/can_write as its grant (with `maxTlp`),
 * and owns the statuses, so that partner sees what medallion's test user sees.
 */
export async function importMedallion(
  ctx: AppContext,
  data: Record<string, unknown>,
  partnerOrgId: string,
  maxTlp: string,
  by: ActingAs,
): Promise<MedallionImport> {
  const now = ctx.clock.now().toISOString();
  const out: MedallionImport = { apiRoots: 0, collections: 0, objects: 0, rejected: [], statuses: 0 };
  for (const [name, value] of Object.entries(data)) {
    if (name.startsWith('/') || !value || typeof value !== 'object') continue; // "/discovery" describes the server itself
    const root = value as MedallionRoot;
    await ensureApiRoot(
      ctx.db.kysely,
      { name, title: root.information.title, description: root.information.description ?? null, maxContentLength: root.information.max_content_length },
      now,
    );
    out.apiRoots++;
    for (const c of root.collections ?? []) {
      await addCollection(ctx.db, ctx.audit, { id: c.id, apiRoot: name, title: c.title, description: c.description, mediaTypes: c.media_types }, by, now);
      await setPartnerGrant(ctx.db, ctx.audit, { orgId: partnerOrgId, collectionId: c.id, read: c.can_read, write: c.can_write, maxTlp }, by, now);
      out.collections++;
      if (!c.objects.length) continue;
      const added = new Map(c.manifest.map((m) => [`${m.id} ${timestampKey(m.version) ?? ''}`, m.date_added]));
      const r = await ingest(ctx, c.id, { objects: c.objects }, by, (o) => added.get(`${String(o.id)} ${timestampKey(o.modified ?? o.created) ?? ''}`));
      out.objects += r.added;
      for (const v of r.verdicts)
        if (!v.ok) out.rejected.push({ collection: c.id, id: v.id, reason: v.issues.map((i) => `${i.path} ${i.message}`).join('; ') });
    }
    for (const s of root.status ?? []) {
      await saveStatus(ctx.db.kysely, name, partnerOrgId, {
        id: s.id,
        status: s.status ?? 'pending',
        request_timestamp: s.request_timestamp ?? now,
        total_count: s.total_count ?? 0,
        success_count: s.success_count ?? 0,
        successes: s.successes ?? [],
        failure_count: s.failure_count ?? 0,
        failures: s.failures ?? [],
        pending_count: s.pending_count ?? 0,
        pendings: s.pendings ?? [],
      });
      out.statuses++;
    }
  }
  return out;
}
