// Organisations, users and roles: the directory every permission check and audit row refers to.
import type { Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, PlatformTables } from '../db/index.js';
import type { AuditLog, Actor } from '../audit/types.js';
import type { PermissionDef } from '../module.js';
import type { OrganisationRow, UserRow } from '../db/schema.js';
import { AppError, conflict, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { BUILTIN_ROLES, type RoleName } from './roles.js';
import { hashPassword, passwordProblem } from './passwords.js';

export interface Organisation {
  id: string;
  name: string;
  kind: 'agency' | 'partner';
  country: string | null;
  disabled: boolean;
  createdAt: string;
  userCount: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  kind: 'person' | 'machine';
  orgId: string;
  orgName: string;
  roles: string[];
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Role {
  name: string;
  description: string;
  permissions: string[];
}

export interface NewUser {
  username: string;
  displayName: string;
  orgId?: string | undefined;
  kind?: 'person' | 'machine' | undefined;
  roles: readonly string[];
  password?: string | undefined;
}

export interface UserChanges {
  displayName?: string | undefined;
  roles?: readonly string[] | undefined;
  orgId?: string | undefined;
  disabled?: boolean | undefined;
}

/** Who is acting, for the audit trail. */
export interface ActingAs {
  actor: Actor;
  requestId?: string | undefined;
}

const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const COUNTRY = /^[a-z]{2}$/;

export const DEFAULT_ORG_NAME = 'Vigil';

function checkDisplayName(value: string, field = 'displayName'): string {
  const v = value.trim();
  if (!v) throw invalid(field, 'must not be empty');
  if (v.length > 200) throw invalid(field, 'must be at most 200 characters');
  if (CONTROL.test(v)) throw invalid(field, 'must not contain control characters');
  return v;
}

const toUser = (row: UserRow & { org_name: string }): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  kind: row.kind as User['kind'],
  orgId: row.org_id,
  orgName: row.org_name,
  roles: JSON.parse(row.roles) as string[],
  disabled: row.disabled === 1,
  createdAt: row.created_at,
  lastLoginAt: row.last_login_at,
});

const toOrg = (row: OrganisationRow & { user_count: number | string | bigint }): Organisation => ({
  id: row.id,
  name: row.name,
  kind: row.kind as Organisation['kind'],
  country: row.country,
  disabled: row.disabled === 1,
  createdAt: row.created_at,
  userCount: Number(row.user_count),
});

export class Directory {
  #roles = new Map<string, Role>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  // ---- roles -------------------------------------------------------------

  /** Writes the built-in roles with the permissions modules grant them; loads all roles. */
  async syncRoles(permissions: readonly PermissionDef[]): Promise<void> {
    const grants = new Map<string, Set<string>>(Object.keys(BUILTIN_ROLES).map((r) => [r, new Set<string>()]));
    for (const p of permissions) for (const r of p.roles) grants.get(r)?.add(p.name);
    await this.db.transaction(async (trx) => {
      await this.db.lockInTransaction(trx, 'roles');
      for (const [name, perms] of grants) {
        const values = {
          description: BUILTIN_ROLES[name as RoleName],
          permissions: JSON.stringify([...perms].sort()),
          builtin: 1,
        };
        const found = await trx.selectFrom('roles').select('name').where('name', '=', name).executeTakeFirst();
        if (found) await trx.updateTable('roles').set(values).where('name', '=', name).execute();
        else
          await trx
            .insertInto('roles')
            .values({ name, ...values })
            .execute();
      }
    });
    await this.loadRoles();
  }

  async loadRoles(): Promise<void> {
    const rows = await this.db.kysely.selectFrom('roles').selectAll().orderBy('name').execute();
    this.#roles = new Map(rows.map((r) => [r.name, { name: r.name, description: r.description, permissions: JSON.parse(r.permissions) as string[] }]));
  }

  roles(): Role[] {
    return [...this.#roles.values()];
  }

  permissionsOf(roles: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const r of roles) for (const p of this.#roles.get(r)?.permissions ?? []) out.add(p);
    return out;
  }

  private checkRoles(roles: readonly string[]): string[] {
    const unknown = roles.filter((r) => !this.#roles.has(r));
    if (unknown.length) throw invalid('roles', `unknown role ${unknown.join(', ')} (known: ${[...this.#roles.keys()].join(', ')})`);
    return [...new Set(roles)].sort();
  }

  // ---- organisations -----------------------------------------------------

  async listOrgs(): Promise<Organisation[]> {
    const rows = await this.db.kysely
      .selectFrom('organisations as o')
      .selectAll('o')
      .select((eb) =>
        eb
          .selectFrom('users as u')
          .whereRef('u.org_id', '=', 'o.id')
          .select((e) => e.fn.countAll().as('n'))
          .as('user_count'),
      )
      .orderBy('o.name')
      .execute();
    return rows.map((r) => toOrg({ ...r, user_count: r.user_count ?? 0 }));
  }

  async getOrg(id: string): Promise<Organisation> {
    const org = (await this.listOrgs()).find((o) => o.id === id);
    if (!org) throw notFound('Organisation', id);
    return org;
  }

  async findOrgByName(name: string): Promise<Organisation | undefined> {
    return (await this.listOrgs()).find((o) => o.name.toLowerCase() === name.toLowerCase());
  }

  async createOrg(input: { name: string; kind?: 'agency' | 'partner'; country?: string | null | undefined }, by: ActingAs): Promise<Organisation> {
    const name = checkDisplayName(input.name, 'name');
    const country = input.country ? input.country.toLowerCase() : null;
    if (country && !COUNTRY.test(country)) throw invalid('country', 'must be an ISO 3166-1 alpha-2 code such as "at"');
    const id = newId('org', this.clock.now());
    await this.db.transaction(async (trx) => {
      const clash = await trx.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst();
      if (clash) throw conflict(`An organisation named "${name}" exists already`, 'name');
      await trx
        .insertInto('organisations')
        .values({ id, name, kind: input.kind ?? 'agency', country, disabled: 0, created_at: this.clock.now().toISOString() })
        .execute();
      await this.audit.record(trx, { action: 'org.create', actor: by.actor, target: { type: 'organisation', id }, requestId: by.requestId });
    });
    return this.getOrg(id);
  }

  async updateOrg(
    id: string,
    changes: { name?: string | undefined; country?: string | null | undefined; disabled?: boolean | undefined },
    by: ActingAs,
  ): Promise<Organisation> {
    await this.db.transaction(async (trx) => {
      const row = await trx.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('Organisation', id);
      const set: Partial<OrganisationRow> = {};
      if (changes.name !== undefined) set.name = checkDisplayName(changes.name, 'name');
      if (changes.country !== undefined) {
        const c = changes.country ? changes.country.toLowerCase() : null;
        if (c && !COUNTRY.test(c)) throw invalid('country', 'must be an ISO 3166-1 alpha-2 code such as "at"');
        set.country = c;
      }
      if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
      if (Object.keys(set).length === 0) return;
      if (set.name) {
        const clash = await trx.selectFrom('organisations').select('id').where('name', '=', set.name).where('id', '!=', id).executeTakeFirst();
        if (clash) throw conflict(`An organisation named "${set.name}" exists already`, 'name');
      }
      await trx.updateTable('organisations').set(set).where('id', '=', id).execute();
      await this.audit.record(trx, {
        action: 'org.update',
        actor: by.actor,
        target: { type: 'organisation', id },
        requestId: by.requestId,
        details: { fields: Object.keys(set) },
      });
    });
    return this.getOrg(id);
  }

  /** The organisation users go to when none is named: the first one, created if there is none. */
  async defaultOrg(by: ActingAs): Promise<Organisation> {
    const orgs = await this.listOrgs();
    return orgs.find((o) => o.name === DEFAULT_ORG_NAME) ?? orgs[0] ?? this.createOrg({ name: DEFAULT_ORG_NAME, kind: 'agency' }, by);
  }

  // ---- users -------------------------------------------------------------

  private usersQuery(exec: Database['kysely'] | Transaction<PlatformTables> = this.db.kysely) {
    return exec.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.org_id').selectAll('u').select('o.name as org_name');
  }

  async listUsers(filter: { q?: string | undefined; orgId?: string | undefined; includeDisabled?: boolean | undefined } = {}): Promise<User[]> {
    let q = this.usersQuery();
    if (filter.orgId) q = q.where('u.org_id', '=', filter.orgId);
    if (!filter.includeDisabled) q = q.where('u.disabled', '=', 0);
    if (filter.q) {
      const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (m) => '\\' + m)}%`;
      q = q.where((eb) => eb.or([eb('u.username', 'like', like), eb(eb.fn('lower', ['u.display_name']), 'like', like)]));
    }
    return (await q.orderBy('u.username').execute()).map(toUser);
  }

  async getUser(id: string): Promise<User> {
    const row = await this.usersQuery().where('u.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('User', id);
    return toUser(row);
  }

  async findUser(username: string): Promise<(User & { passwordHash: string | null }) | undefined> {
    const row = await this.usersQuery().where('u.username', '=', username.toLowerCase()).executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }

  async requireUser(username: string): Promise<User> {
    const u = await this.findUser(username);
    if (!u) throw notFound('User', username);
    return u;
  }

  async createUser(input: NewUser, by: ActingAs): Promise<User> {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME.test(username)) throw invalid('username', 'must be 2-64 characters: letters, digits, ".", "_", "-", "@", starting with a letter or digit');
    const displayName = checkDisplayName(input.displayName || username);
    const kind = input.kind ?? 'person';
    const roles = this.checkRoles(input.roles);
    if (kind === 'person' && input.password === undefined) throw invalid('password', 'a person needs a password');
    if (kind === 'machine' && input.password !== undefined) throw invalid('password', 'machine accounts sign in with API tokens, not passwords');
    if (input.password !== undefined) {
      const problem = passwordProblem(input.password);
      if (problem) throw invalid('password', problem);
    }
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    const orgId = input.orgId ?? (await this.defaultOrg(by)).id;
    const now = this.clock.now().toISOString();
    const id = newId('usr', this.clock.now());
    await this.db.transaction(async (trx) => {
      const org = await trx.selectFrom('organisations').select(['id', 'disabled']).where('id', '=', orgId).executeTakeFirst();
      if (!org) throw invalid('orgId', `organisation ${orgId} does not exist`);
      if (org.disabled) throw invalid('orgId', `organisation ${orgId} is disabled`);
      const clash = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (clash) throw conflict(`A user named "${username}" exists already`, 'username');
      await trx
        .insertInto('users')
        .values({
          id,
          org_id: orgId,
          username,
          display_name: displayName,
          kind,
          roles: JSON.stringify(roles),
          password_hash: passwordHash,
          disabled: 0,
          created_at: now,
          updated_at: now,
          last_login_at: null,
        })
        .execute();
      await this.audit.record(trx, {
        action: 'user.create',
        actor: by.actor,
        target: { type: 'user', id },
        requestId: by.requestId,
        details: { orgId, kind, roles },
      });
    });
    return this.getUser(id);
  }

  async updateUser(id: string, changes: UserChanges, by: ActingAs): Promise<User> {
    await this.db.transaction(async (trx) => {
      const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('User', id);
      const set: Partial<UserRow> = {};
      if (changes.displayName !== undefined) set.display_name = checkDisplayName(changes.displayName);
      if (changes.roles !== undefined) set.roles = JSON.stringify(this.checkRoles(changes.roles));
      if (changes.orgId !== undefined) {
        const org = await trx.selectFrom('organisations').select('id').where('id', '=', changes.orgId).executeTakeFirst();
        if (!org) throw invalid('orgId', `organisation ${changes.orgId} does not exist`);
        set.org_id = changes.orgId;
      }
      if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
      if (Object.keys(set).length === 0) return;
      if (by.actor.id === id && (set.disabled === 1 || (set.roles && !JSON.parse(set.roles).includes('admin') && JSON.parse(row.roles).includes('admin')))) {
        throw new AppError('conflict', 'You cannot disable yourself or remove your own admin role', { field: set.disabled ? 'disabled' : 'roles' });
      }
      await trx
        .updateTable('users')
        .set({ ...set, updated_at: this.clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
      if (set.disabled === 1) {
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      }
      await this.audit.record(trx, {
        action: set.disabled === 1 ? 'user.disable' : 'user.update',
        actor: by.actor,
        target: { type: 'user', id },
        requestId: by.requestId,
        details: { fields: Object.keys(set), ...(set.roles ? { roles: JSON.parse(set.roles) as string[] } : {}) },
      });
    });
    return this.getUser(id);
  }

  /** Sets a person's password and ends their sessions. */
  async setPassword(id: string, password: string, by: ActingAs): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw invalid('password', problem);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (trx) => {
      const row = await trx.selectFrom('users').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('User', id);
      if (row.kind === 'machine') throw invalid('password', 'machine accounts sign in with API tokens, not passwords');
      await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: this.clock.now().toISOString() }).where('id', '=', id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await this.audit.record(trx, { action: 'user.password-set', actor: by.actor, target: { type: 'user', id }, requestId: by.requestId });
    });
  }
}
