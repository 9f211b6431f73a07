// Row types of the alerts tables, and typed access to them through the platform's Kysely instance.
import type { Kysely, Transaction } from 'kysely';
import type { Executor, PlatformTables } from '../../platform/db/index.js';

export const ALERT_STATUSES = ['open', 'pending-confirmation', 'escalated', 'confirmed', 'false-positive'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const DECISIONS = ['confirmed', 'false-positive', 'unsure'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface AlertRow {
  id: string;
  source: string; // the module that raised it: screening, travel, finance
  subject_type: string;
  subject_id: string;
  subject_fp: string;
  subject: string; // JSON: the subject's facts as screened
  entity_list: string; // JSON array of the lists the entity is on
  entity_id: string;
  entity_fp: string;
  entity: string; // JSON: the candidate entity's facts (schema, caption, properties, documents)
  score: number;
  explanation: string; // JSON array of {feature, score, detail}
  provenance: string; // JSON: list versions, weights version, threshold
  status: AlertStatus;
  pending_by: string | null; // first confirmer awaiting a second person
  created_at: string;
  updated_at: string;
}

export interface AlertDecisionRow {
  id: string;
  alert_id: string;
  subject_type: string;
  subject_id: string;
  entity_id: string;
  subject_fp: string;
  entity_fp: string;
  decision: Decision;
  step: 'first-confirmation' | 'final' | 'escalation';
  reason: string;
  note: string | null;
  actor_type: string;
  actor_id: string | null;
  decided_at: string;
}

export interface AlertTables {
  alert_alerts: AlertRow;
  alert_decisions: AlertDecisionRow;
}

export type Tables = AlertTables & PlatformTables;
export type AlExecutor = Kysely<Tables> | Transaction<Tables>;
export const al = (exec: Executor): AlExecutor => exec as unknown as AlExecutor;
