// zod schemas of the watchlists HTTP API (they feed the OpenAPI document the web client is typed from).
import { z } from 'zod';

export const ListName = z.object({ name: z.string().min(1).max(64) });
export const EntityId = z.object({ id: z.string().min(1).max(200) });
const VersionParam = z.union([z.literal('active'), z.string().regex(/^\d{1,9}$/, 'a version number or "active"')]);

export const Version = z.object({
  version: z.number(),
  importedAt: z.string(),
  sha256: z.string(),
  files: z.array(z.string()),
  counts: z.record(z.string(), z.number()).describe('listed entities by schema'),
  total: z.number().describe('listed entities'),
  auxiliaries: z.number().describe('sanctions, addresses, documents and other auxiliary entities'),
  active: z.boolean(),
  importedBy: z.string().nullable(),
  format: z.string(),
});

export const ListSummary = z.object({
  name: z.string(),
  title: z.string(),
  format: z.string(),
  activeVersion: z.number().nullable(),
  updatedAt: z.string().nullable(),
  versions: z.array(Version).describe('newest first'),
});

export const Source = z.object({
  url: z.string().describe('the URLs, separated by spaces when there are several'),
  urls: z.array(z.string()),
  format: z.string(),
  everyHours: z.number().nullable(),
  lastCheckedAt: z.string().nullable(),
  lastStatus: z.string().nullable(),
  lastChangedAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const ListDetail = ListSummary.extend({ source: Source.nullable() });

export const EntityRef = z.object({ id: z.string(), schema: z.string(), caption: z.string() });

export const DiffQuery = z.object({ from: VersionParam.optional(), to: VersionParam.optional() });
export const Diff = z.object({
  list: z.string(),
  from: z.number(),
  to: z.number(),
  added: z.array(EntityRef),
  removed: z.array(EntityRef),
  changed: z.array(EntityRef.extend({ properties: z.array(z.string()) })),
});

export const ActivateBody = z.object({ version: z.number().int().min(1) });

export const EntitiesQuery = z.object({
  q: z.string().max(200).optional(),
  schema: z.string().max(64).optional(),
  version: VersionParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const EntityPage = z.object({
  items: z.array(EntityRef.extend({ countries: z.array(z.string()), birthDates: z.array(z.string()), programs: z.array(z.string()) })),
  total: z.number(),
});

const Entity = z.object({ id: z.string(), schema: z.string(), caption: z.string(), properties: z.record(z.string(), z.array(z.string())) });
export const EntityQuery = z.object({ list: z.string().min(1).max(64).optional() });
export const EntityView = z.object({
  entity: Entity,
  list: z.string().describe('the list the entity is shown from'),
  version: z.number().describe('the version of that list it is shown from'),
  lists: z.array(z.object({ name: z.string(), title: z.string(), firstVersion: z.number(), lastVersion: z.number().nullable(), inActiveVersion: z.boolean() })),
  auxiliaries: z.array(Entity),
  related: z.array(EntityRef.extend({ property: z.string(), direction: z.enum(['out', 'in']) })),
});

export const ExportQuery = z.object({ format: z.literal('ftm').default('ftm'), version: VersionParam.optional() });

export const SourceBody = z.object({
  urls: z.array(z.string().max(2000)).max(20).optional().describe('default: the built-in source of this list name (un, ofac, eu, uk)'),
  format: z.string().max(32).optional(),
  everyHours: z.number().int().min(1).max(8784).nullable().optional(),
});
export const FetchResult = z.object({
  list: z.string(),
  status: z.enum(['not-modified', 'unchanged', 'imported', 'failed']),
  version: z.number().nullable(),
  bytes: z.number(),
  error: z.string().nullable(),
});
