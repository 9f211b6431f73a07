// Documents module: MRZ reading and validation, the lost and stolen registry, ePassport passive authentication, the document check.
import type { ModuleDescriptor } from '../../platform/module.js';
import type { DocumentsPart } from './part.js';
import { DOCUMENTS_PERMISSIONS } from './permissions.js';
import { mrzPart } from './mrz/part.js';
import { paPart } from './pa/part.js';
import { lostPart } from './lost/part.js';
import { checkPart } from './check/part.js';

export { activeVersion as activeLostVersion, checkLost, lostKey, registeredKeys, type LostCheck, type LostHit } from './lost/store.js';
export { lost as lostTables } from './lost/tables.js';
export { Hit as LostHitSchema } from './lost/schemas.js';
export { importReports } from './lost/import.js';

const PARTS: readonly DocumentsPart[] = [mrzPart, paPart, lostPart, checkPart];

export const documentsModule: ModuleDescriptor = {
  name: 'documents',
  area: 'border-security',
  permissions: DOCUMENTS_PERMISSIONS,
  migrations: PARTS.flatMap((p) => p.migrations ?? []),
  routes: async (app, ctx) => {
    for (const p of PARTS) await p.routes?.(app, ctx);
  },
  commands: (program, cli) => {
    for (const p of PARTS) p.commands?.(program, cli);
  },
  jobs: (ctx) => PARTS.flatMap((p) => (typeof p.jobs === 'function' ? p.jobs(ctx) : (p.jobs ?? []))),
  consumers: (ctx) => PARTS.flatMap((p) => (typeof p.consumers === 'function' ? p.consumers(ctx) : (p.consumers ?? []))),
  nav: PARTS.flatMap((p) => p.nav ?? []),
  messages: Object.assign({}, ...PARTS.map((p) => p.messages ?? {})) as Record<string, string>,
  demo: async (ctx) => {
    const lines: string[] = [];
    for (const p of PARTS) lines.push(...((await p.demo?.(ctx)) ?? []));
    return lines;
  },
};
