// Row types of the rules tables, and typed access to them (with the intake and alerts tables rules read) through Kysely.
import type { Kysely, Transaction } from 'kysely';
import type { Executor } from '../../../platform/db/index.js';
import type { TravelTables } from '../intake/tables.js';

export interface RuleRow {
  /** `r1`, `r2` … in creation order. */
  id: string;
  seq: number;
  /** Current version (the one screening uses when enabled). */
  version: number;
  enabled: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface RuleVersionRow {
  rule_id: string;
  version: number;
  name: string;
  description: string;
  expression: string;
  created_by: string;
  created_at: string;
}

export interface RuleListRow {
  name: string;
  version: number;
  description: string;
  /** JSON array of strings. */
  entries: string;
  created_by: string;
  created_at: string;
}

export interface RuleHitRow {
  rule_id: string;
  version: number;
  traveller_id: string;
  flight_id: string;
  at: string;
}

/** The columns of the alerts module's table that rule statistics read (source 'travel', subject a traveller, provenance naming the rule). */
export interface AlertColumns {
  id: string;
  source: string;
  subject_type: string;
  subject_id: string;
  provenance: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface RulesTables extends TravelTables {
  travel_rules: RuleRow;
  travel_rule_versions: RuleVersionRow;
  travel_rule_lists: RuleListRow;
  travel_rule_hits: RuleHitRow;
  alert_alerts: AlertColumns;
}

export type RuExecutor = Kysely<RulesTables> | Transaction<RulesTables>;
export const ru = (exec: Executor): RuExecutor => exec as unknown as RuExecutor;
