// The shape of a capability module: what it declares so the composition roots can wire it in.
import type { Command } from 'commander';
import type { Migration } from './db/migrate.js';
import type { ConsumerDef } from './events/types.js';
import type { JobDef } from './jobs/types.js';
import type { AppContext } from './context.js';
import type { HttpApp } from './http/types.js';
import type { CliContext } from './cli/context.js';
import type { RoleName } from './auth/roles.js';

export const AREAS = ['counter-terrorism', 'border-security', 'cyber-security', 'policing', 'platform'] as const;
export type Area = (typeof AREAS)[number];

export interface PermissionDef {
  /** `<noun>.<verb>`, e.g. `users.manage`. */
  name: string;
  description: string;
  /** Built-in roles that hold it by default. */
  roles: readonly RoleName[];
}

/** A tool on the home screen; shown only to principals holding `permission` (or any of `orPermissions`). */
export interface NavItem {
  id: string;
  /** Path in the web workbench, e.g. `/admin/users`. */
  path: string;
  /** i18n keys of the title and one-line description. */
  titleKey: string;
  descriptionKey: string;
  permission: string;
  /** Other permissions that also show the tool (e.g. a tab of it open to another role). */
  orPermissions?: readonly string[];
}

export interface ModuleDescriptor {
  name: string;
  area: Area;
  permissions?: readonly PermissionDef[];
  migrations?: readonly Migration[];
  /** Registers HTTP routes (under `/api/`); each declares `config.permission`. */
  routes?: (app: HttpApp, ctx: AppContext) => Promise<void> | void;
  /** Adds `vigil <noun> <verb>` commands. */
  commands?: (program: Command, cli: CliContext) => void;
  /** Periodic jobs; a function receives the running AppContext (called once when background work starts). */
  jobs?: readonly JobDef[] | ((ctx: AppContext) => readonly JobDef[]);
  /** Event consumers; a function receives the running AppContext (called once when background work starts). */
  consumers?: readonly ConsumerDef[] | ((ctx: AppContext) => readonly ConsumerDef[]);
  nav?: readonly NavItem[];
  /** English strings of the module, merged into the i18n catalogue. */
  messages?: Readonly<Record<string, string>>;
  /** Loads the module's demo data; runs once per database. Returns lines to show the person who started it. */
  demo?: (ctx: AppContext) => Promise<void | string[]>;
}
