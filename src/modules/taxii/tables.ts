// Row types of the taxii tables, and typed access to them through the platform's Kysely instance.
import type { Kysely, Transaction } from 'kysely';
import type { Executor, PlatformTables } from '../../platform/db/index.js';

export interface ApiRootRow {
  name: string;
  title: string;
  description: string | null;
  max_content_length: number;
  created_at: string;
}
export interface CollectionRow {
  id: string;
  api_root: string;
  title: string;
  description: string | null;
  alias: string | null;
  media_types: string; // JSON array
  created_at: string;
}
export interface PartnerRow {
  org_id: string;
  max_tlp: string;
  created_at: string;
  updated_at: string;
}
export interface GrantRow {
  collection_id: string;
  org_id: string;
  can_read: number;
  can_write: number;
}
export interface ObjectRow {
  seq: number;
  collection_id: string;
  id: string;
  type: string;
  version: string | null;
  version_key: string;
  spec_version: string;
  media_type: string;
  date_added: string;
  tlp_rank: number;
  body: string;
}
export interface StatusRow {
  id: string;
  api_root: string;
  status: string;
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  details: string;
  org_id: string | null;
}

export interface SubscriptionRow {
  id: string;
  url: string;
  collection_id: string;
  auth_kind: string;
  auth_env: string | null;
  every_seconds: number;
  added_after: string | null;
  next_attempt_at: string;
  failures: number;
  last_sync_at: string | null;
  last_error: string | null;
  last_added: number;
  last_rejected: number;
  created_at: string;
}

export interface EntityRow {
  id: string;
  schema: string;
  kind: string;
  value: string;
  value_key: string;
  stix_id: string;
  collection_id: string;
  tlp_rank: number;
  first_seen: string;
  last_seen: string;
  properties: string;
}

export interface TaxiiTables {
  taxii_entities: EntityRow;
  taxii_subscriptions: SubscriptionRow;
  taxii_api_roots: ApiRootRow;
  taxii_collections: CollectionRow;
  taxii_partners: PartnerRow;
  taxii_grants: GrantRow;
  taxii_objects: Omit<ObjectRow, 'seq'> & { seq: import('kysely').Generated<number> };
  taxii_statuses: StatusRow;
  taxii_secrets: { name: string; value: string };
}

export type Tables = TaxiiTables & PlatformTables;
export type TxExecutor = Kysely<Tables> | Transaction<Tables>;
export const tx = (exec: Executor): TxExecutor => exec as unknown as TxExecutor;
