// Login throttling: failures per account and per address lock further attempts for a growing time.
import type { Database } from '../db/index.js';
import type { Clock } from '../clock.js';

const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES = { account: 5, address: 20 } as const;
const MAX_LOCK_MS = 15 * 60_000;

export type ThrottleKind = keyof typeof FREE_FAILURES;

export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Seconds until attempts are allowed again for any of these keys, or 0. */
  async retryAfter(keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const rows = await this.db.kysely.selectFrom('login_throttle').select(['locked_until']).where('key', 'in', keys).execute();
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const r of rows) {
      if (r.locked_until) wait = Math.max(wait, new Date(r.locked_until).getTime() - now);
    }
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  async failure(key: string, kind: ThrottleKind): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      const row = await trx.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      const fresh = !row || now.getTime() - new Date(row.window_start).getTime() > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const over = failures - FREE_FAILURES[kind];
      const lockedUntil = over > 0 ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, 2 ** (over - 1) * 30_000)).toISOString() : null;
      const values = { failures, window_start: fresh ? now.toISOString() : row.window_start, locked_until: lockedUntil };
      if (row) await trx.updateTable('login_throttle').set(values).where('key', '=', key).execute();
      else
        await trx
          .insertInto('login_throttle')
          .values({ key, ...values })
          .execute();
    });
  }

  async success(key: string): Promise<void> {
    await this.db.kysely.deleteFrom('login_throttle').where('key', '=', key).execute();
  }
}

export const accountKey = (username: string) => `account:${username.toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;
