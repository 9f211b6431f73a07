// Row types of the platform's own tables. Instants are ISO 8601 UTC text; flags are 0/1; JSON is text.
import type { Generated } from 'kysely';

export interface MigrationRow {
  module: string;
  name: string;
  applied_at: string;
}

export interface StateRow {
  key: string;
  value: string;
  updated_at: string;
}

export interface OrganisationRow {
  id: string;
  name: string;
  kind: string; // 'agency' | 'partner'
  country: string | null;
  disabled: number;
  created_at: string;
}

export interface UserRow {
  id: string;
  org_id: string;
  username: string;
  display_name: string;
  kind: string; // 'person' | 'machine'
  roles: string; // JSON array of role names
  password_hash: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface RoleRow {
  name: string;
  description: string;
  permissions: string; // JSON array
  builtin: number;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  scopes: string; // JSON array of permissions, empty = all of the user's
  created_at: string;
  created_by: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginThrottleRow {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

export interface AuditRow {
  seq: number; // always explicit: the previous row's seq + 1, taken under the audit lock
  at: string;
  actor_type: string; // 'user' | 'machine' | 'system' | 'anonymous'
  actor_id: string | null;
  org_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string; // 'success' | 'denied' | 'failure'
  request_id: string | null;
  details: string; // JSON object of ids and codes, never personal values
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointRow {
  id: Generated<number>;
  seq: number;
  hash: string;
  at: string;
  key_id: string;
  signature: string;
}

export interface OutboxRow {
  id: Generated<number>;
  topic: string;
  key: string | null;
  payload: string; // JSON
  created_at: string;
  /** When the NATS relay put it on the stream; null until then (and always null with the embedded transport). */
  published_at: string | null;
  /** Delivery order of the embedded transport, given after commit (ids are taken before commit, so their order can differ from commit order); null until then. */
  seq: number | null;
}

export interface EventOffsetRow {
  consumer: string;
  /** The outbox `seq` up to which this consumer has handled (or skipped) every event; embedded transport only. */
  position: number;
  updated_at: string;
}

export interface EventFailureRow {
  consumer: string;
  event_id: number;
  /** Copies of the event, so a parked event can still be inspected after outbox retention removed it. */
  topic: string;
  payload: string; // JSON
  attempts: number;
  last_error: string;
  first_failed_at: string;
  last_failed_at: string;
  /** 1 when delivery gave up after the last attempt; 0 while retries go on. */
  parked: number;
}

export interface JobLeaseRow {
  name: string;
  /** The process that took the lease last; it holds the lease while lease_until is in the future. */
  owner: string | null;
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_status: string | null; // 'running' | 'ok' | 'failed' | 'aborted'
  last_error: string | null;
}

export interface PlatformTables {
  vigil_migrations: MigrationRow;
  vigil_state: StateRow;
  organisations: OrganisationRow;
  users: UserRow;
  roles: RoleRow;
  api_tokens: ApiTokenRow;
  sessions: SessionRow;
  login_throttle: LoginThrottleRow;
  audit_log: AuditRow;
  audit_checkpoints: AuditCheckpointRow;
  outbox: OutboxRow;
  event_offsets: EventOffsetRow;
  event_failures: EventFailureRow;
  job_leases: JobLeaseRow;
}
