// The auth service modules use: the directory (organisations, users, roles) and credentials (sessions, tokens).
import type { Clock } from '../clock.js';
import type { Database } from '../db/index.js';
import type { AuditLog } from '../audit/types.js';
import { Directory } from './directory.js';
import { Credentials } from './credentials.js';

export interface AuthService {
  readonly directory: Directory;
  readonly credentials: Credentials;
}

export function createAuthService(opts: { db: Database; clock: Clock; audit: AuditLog; sessionTtlMinutes: number }): AuthService {
  const directory = new Directory(opts.db, opts.clock, opts.audit);
  const credentials = new Credentials(opts.db, opts.clock, opts.audit, directory, opts.sessionTtlMinutes);
  return { directory, credentials };
}
