// Row types of the retention tables, and typed access to them beside the intake tables.
import type { Kysely, Transaction } from 'kysely';
import type { Executor } from '../../../platform/db/index.js';
import type { MessageRow, PnrVersionRow, Tables as IntakeTables, TravellerRow } from '../intake/tables.js';
import type { RuleHitRow } from '../rules/tables.js';

export interface VaultRow {
  /** `alert-note`: a decision note on a travel alert, by decision id; `repersonalise-request`: a request's reason and note, by request id. */
  kind: 'traveller' | 'pnr-version' | 'message' | 'alert-note' | 'repersonalise-request';
  ref_id: string;
  key_id: string;
  iv: string;
  /** Ciphertext followed by the 16-byte GCM tag. */
  sealed: Buffer;
  created_at: string;
}

export interface RepersonaliseRow {
  id: string;
  target_type: 'traveller' | 'flight';
  target_id: string;
  reason: string;
  requested_by: string;
  requested_at: string;
  status: 'pending' | 'approved' | 'refused';
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  expires_at: string | null;
  views: number;
}

export interface RetentionRunRow {
  id: string;
  started_at: string;
  finished_at: string;
  actor: string;
  depersonalise_before: string;
  delete_before: string;
  /** JSON: RetentionCounts. */
  counts: string;
}

export interface TallyRow {
  day: string;
  carrier: string;
  role: string;
  sex: string;
  travellers: number;
}

/** The columns of the alerts module's tables read here (owned by the alerts module: read only, written through its retention hooks). */
export interface AlertRef {
  id: string;
  source: string;
  subject_type: string;
  subject_id: string;
  status: string;
  entity_list: string;
  provenance: string;
  created_at: string;
  updated_at: string;
}

export interface AlertDecisionRef {
  id: string;
  alert_id: string;
  subject_type: string;
  subject_id: string;
  note: string | null;
  decision: string;
  step: string;
  decided_at: string;
}

type Marked<T> = T & { depersonalised_at: string | null };

export interface RetentionTables {
  travel_vault: VaultRow;
  travel_repersonalise_requests: RepersonaliseRow;
  travel_retention_runs: RetentionRunRow;
  travel_stats_tallies: TallyRow;
  alert_alerts: AlertRef;
  alert_decisions: AlertDecisionRef;
  travel_rule_hits: RuleHitRow;
}

export type Tables = Omit<IntakeTables, 'travel_travellers' | 'travel_messages' | 'travel_pnr_versions'> &
  RetentionTables & {
    travel_travellers: Marked<TravellerRow>;
    travel_messages: Marked<MessageRow>;
    travel_pnr_versions: Marked<PnrVersionRow>;
  };
export type RtExecutor = Kysely<Tables> | Transaction<Tables>;
export const rt = (exec: Executor): RtExecutor => exec as unknown as RtExecutor;
