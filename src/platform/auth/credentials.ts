// Credentials: password login into sessions, and API tokens for machines; both stored only as hashes.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { AuditLog } from '../audit/types.js';
import { AppError, forbidden, invalid, notFound } from '../errors.js';
import { newId, newSecret } from '../ids.js';
import type { ActingAs, Directory, User } from './directory.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';
import { LoginThrottle, accountKey, addressKey } from './throttle.js';

export interface ApiToken {
  id: string;
  userId: string;
  username: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface LoginResult {
  principal: Principal;
  /** The session secret for the cookie; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TOKEN_PREFIX = 'vigil_';
const TOUCH_EVERY_MS = 60_000;

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Credentials {
  readonly throttle: LoginThrottle;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly directory: Directory,
    private readonly sessionTtlMinutes: number,
  ) {
    this.throttle = new LoginThrottle(db, clock);
  }

  principalOf(user: User, via: Principal['via'], extra: Partial<Principal> = {}, scopes: readonly string[] = []): Principal {
    let permissions = this.directory.permissionsOf(user.roles);
    if (scopes.length) permissions = new Set(scopes.filter((s) => permissions.has(s)));
    return {
      kind: user.kind,
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      orgId: user.orgId,
      roles: user.roles,
      permissions,
      via,
      ...extra,
    };
  }

  // ---- sessions ----------------------------------------------------------

  /** Checks a person's user name and password with login throttling; failures are audited. Returns the user. */
  async checkPassword(username: string, password: string, meta: { ip: string; requestId?: string | undefined }): Promise<User> {
    const keys = [accountKey(username), addressKey(meta.ip)];
    const wait = await this.throttle.retryAfter(keys);
    if (wait > 0) {
      await this.audit.record(this.db.kysely, {
        action: 'auth.login',
        actor: { type: 'anonymous', id: null, orgId: null },
        outcome: 'denied',
        requestId: meta.requestId,
        details: { reason: 'throttled' },
      });
      throw new AppError('rate-limited', `Too many failed sign-ins. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
    }
    const user = await this.directory.findUser(username);
    const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash(), password), false);
    const usable = ok && user && !user.disabled && user.kind === 'person';
    if (!usable) {
      await this.throttle.failure(keys[0]!, 'account');
      await this.throttle.failure(keys[1]!, 'address');
      await this.audit.record(this.db.kysely, {
        action: 'auth.login',
        actor: { type: 'anonymous', id: null, orgId: null },
        target: user ? { type: 'user', id: user.id } : undefined,
        outcome: 'failure',
        requestId: meta.requestId,
        details: { reason: !user ? 'unknown-user' : user.disabled ? 'disabled' : user.kind !== 'person' ? 'machine-account' : 'wrong-password' },
      });
      throw new AppError('invalid-credentials', 'The user name or password is wrong, or the account is disabled.');
    }
    await this.throttle.success(keys[0]!);
    return user;
  }

  async login(username: string, password: string, meta: { ip: string; requestId?: string }): Promise<LoginResult> {
    const user = await this.checkPassword(username, password, meta);
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.sessionTtlMinutes * 60_000).toISOString();
    await this.db.transaction(async (trx) => {
      await trx
        .insertInto('sessions')
        .values({
          id_hash: sha256(sessionToken),
          user_id: user.id,
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          last_seen_at: now.toISOString(),
        })
        .execute();
      await trx.updateTable('users').set({ last_login_at: now.toISOString() }).where('id', '=', user.id).execute();
      await this.audit.record(trx, {
        action: 'auth.login',
        actor: { type: 'user', id: user.id, orgId: user.orgId },
        target: { type: 'user', id: user.id },
        requestId: meta.requestId,
      });
    });
    return { principal: this.principalOf(user, 'session', { csrfToken }), sessionToken, csrfToken, expiresAt };
  }

  /** HTTP Basic (offered on TAXII routes only): a person's name and password on every request, throttled like sign-in. */
  async authenticateBasic(username: string, password: string, meta: { ip: string; requestId?: string | undefined }): Promise<Principal> {
    return this.principalOf(await this.checkPassword(username, password, meta), 'basic');
  }

  async authenticateSession(sessionToken: string): Promise<Principal | null> {
    if (!sessionToken || sessionToken.length > 200) return null;
    const row = await this.db.kysely.selectFrom('sessions').selectAll().where('id_hash', '=', sha256(sessionToken)).executeTakeFirst();
    const now = this.clock.now();
    if (!row || row.expires_at <= now.toISOString()) return null;
    const user = await this.directory.getUser(row.user_id).catch(() => null);
    if (!user || user.disabled) return null;
    if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await this.db.kysely.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', row.id_hash).execute();
    }
    return this.principalOf(user, 'session', { csrfToken: row.csrf_token });
  }

  async logout(sessionToken: string, by: ActingAs): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx.deleteFrom('sessions').where('id_hash', '=', sha256(sessionToken)).execute();
      await this.audit.record(trx, { action: 'auth.logout', actor: by.actor, requestId: by.requestId });
    });
  }

  async purgeExpiredSessions(): Promise<number> {
    const res = await this.db.kysely.deleteFrom('sessions').where('expires_at', '<=', this.clock.now().toISOString()).executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  // ---- API tokens --------------------------------------------------------

  async createToken(
    input: { userId: string; name: string; scopes?: readonly string[] | undefined; expiresAt?: string | null | undefined },
    by: ActingAs,
  ): Promise<ApiToken & { token: string }> {
    const user = await this.directory.getUser(input.userId);
    if (user.disabled) throw invalid('userId', 'the user is disabled');
    const name = input.name.trim();
    if (!name || name.length > 100) throw invalid('name', 'must be 1-100 characters');
    const held = this.directory.permissionsOf(user.roles);
    const scopes = [...new Set(input.scopes ?? [])].sort();
    const notHeld = scopes.filter((s) => !held.has(s));
    if (notHeld.length) throw invalid('scopes', `the user does not hold ${notHeld.join(', ')}`);
    let expiresAt: string | null = null;
    if (input.expiresAt) {
      const t = new Date(input.expiresAt);
      if (Number.isNaN(t.getTime())) throw invalid('expiresAt', 'must be an ISO 8601 date or instant');
      if (t <= this.clock.now()) throw invalid('expiresAt', 'must be in the future');
      expiresAt = t.toISOString();
    }
    const id = newId('tok', this.clock.now());
    const secret = newSecret();
    await this.db.transaction(async (trx) => {
      await trx
        .insertInto('api_tokens')
        .values({
          id,
          user_id: user.id,
          name,
          secret_hash: sha256(secret),
          scopes: JSON.stringify(scopes),
          created_at: this.clock.now().toISOString(),
          created_by: by.actor.id ?? by.actor.type,
          expires_at: expiresAt,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
      await this.audit.record(trx, {
        action: 'token.create',
        actor: by.actor,
        target: { type: 'token', id },
        requestId: by.requestId,
        details: { userId: user.id, scopes },
      });
    });
    const [created] = await this.listTokens({ userId: user.id, id });
    return { ...created!, token: `${TOKEN_PREFIX}${id}.${secret}` };
  }

  async listTokens(filter: { userId?: string | undefined; id?: string } = {}): Promise<ApiToken[]> {
    let q = this.db.kysely.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id').selectAll('t').select('u.username');
    if (filter.userId) q = q.where('t.user_id', '=', filter.userId);
    if (filter.id) q = q.where('t.id', '=', filter.id);
    const rows = await q.orderBy('t.created_at', 'desc').execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      username: r.username,
      name: r.name,
      scopes: JSON.parse(r.scopes) as string[],
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
    }));
  }

  /** Revokes a token; `ownerOnly` restricts it to tokens of that user. */
  async revokeToken(id: string, by: ActingAs, ownerOnly?: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const row = await trx.selectFrom('api_tokens').select(['id', 'user_id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
      if (!row || (ownerOnly && row.user_id !== ownerOnly)) throw notFound('Token', id);
      if (row.revoked_at) return;
      await trx.updateTable('api_tokens').set({ revoked_at: this.clock.now().toISOString() }).where('id', '=', id).execute();
      await this.audit.record(trx, { action: 'token.revoke', actor: by.actor, target: { type: 'token', id }, requestId: by.requestId });
    });
  }

  /** The principal of a bearer token, or null if it is unknown, revoked, expired or its user is disabled. */
  async authenticateToken(token: string): Promise<Principal | null> {
    const m = /^vigil_(tok_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const [, id, secret] = m;
    const row = await this.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', id!).executeTakeFirst();
    const now = this.clock.now();
    if (!row || !sameHash(row.secret_hash, sha256(secret!)) || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) return null;
    const user = await this.directory.getUser(row.user_id).catch(() => null);
    if (!user || user.disabled) return null;
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_EVERY_MS) {
      await this.db.kysely.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', id!).execute();
    }
    return this.principalOf(user, 'token', { tokenId: row.id }, JSON.parse(row.scopes) as string[]);
  }

  /** Refuses when `p` may not manage `userId`'s tokens. */
  assertCanManageTokensOf(p: Principal, userId: string): void {
    if (p.userId !== userId && !p.permissions.has('tokens.manage')) throw forbidden('Managing other users\u2019 tokens needs tokens.manage');
  }
}
