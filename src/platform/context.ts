// What every module receives: configuration, storage, time, logging, audit, events, auth and i18n.
import type { Registry } from 'prom-client';
import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { Database } from './db/index.js';
import type { Logger } from './log.js';
import type { AuditLog } from './audit/types.js';
import type { Outbox, EventTransport } from './events/types.js';
import type { AuthService } from './auth/service.js';
import type { Translator } from './i18n/index.js';
import type { ModuleDescriptor } from './module.js';

export interface AppContext {
  readonly config: Config;
  readonly db: Database;
  readonly clock: Clock;
  readonly log: Logger;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly events: EventTransport;
  readonly auth: AuthService;
  readonly i18n: Translator;
  readonly metrics: Registry;
  readonly modules: readonly ModuleDescriptor[];
}
