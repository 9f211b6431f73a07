// Row types of the cbm tables, and typed access to them through the platform's Kysely instance.
import type { Kysely, Transaction } from 'kysely';
import type { Executor, PlatformTables } from '../../platform/db/index.js';

export const CONTACT_KINDS = ['policy', 'technical'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CONSULTATION_STATUSES = ['draft', 'sent', 'acknowledged', 'answered', 'closed', 'escalated'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
/** The CBMs whose national submissions are kept: 1 views on threats, 6 legislation, 7 strategies, 9 terminology, 16 vulnerability disclosure. */
export const SUBMISSION_CBMS = [1, 6, 7, 9, 16] as const;
export type SubmissionCbm = (typeof SUBMISSION_CBMS)[number];

export interface ContactRow {
  id: string;
  state: string; // ISO 3166-1 alpha-2, lower case
  kind: ContactKind;
  version: number;
  data: string; // JSON ContactData (organisation, name, email, …)
  email: string; // lower case, for matching on import and for mail
  last_verified_at: string | null;
  reminded_at: string | null;
  removed: number;
  created_at: string;
  updated_at: string;
}

export interface ContactVersionRow {
  contact_id: string;
  version: number;
  data: string;
  fields: string; // JSON array of the fields that changed
  actor_id: string | null;
  changed_at: string;
}

export interface RoundRow {
  id: string;
  kind: string; // policy | technical | all
  states: string | null; // JSON array, null for all
  started_at: string;
  deadline_at: string;
  started_by: string | null;
  schedule_id: string | null;
}

export interface RoundMessageRow {
  id: string;
  round_id: string;
  contact_id: string;
  state: string;
  kind: ContactKind;
  token_hash: string;
  expires_at: string;
  sent_at: string;
  delivery: string; // emailed | failed | web
  delivery_error: string | null;
  answered_at: string | null;
  answered_via: string | null; // link | web
}

export interface ScheduleRow {
  id: string;
  kind: string;
  every_days: number;
  next_at: string;
  created_by: string | null;
  created_at: string;
}

export interface ConsultationRow {
  id: string;
  kind: string; // consultation | broadcast
  from_state: string;
  subject: string;
  body: string;
  severity: Severity;
  tlp: string;
  status: ConsultationStatus;
  deadline_at: string | null;
  reminded_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartyRow {
  consultation_id: string;
  state: string;
  acknowledged_at: string | null;
  answered_at: string | null;
  read_at: string | null;
}

export interface ReplyRow {
  id: string;
  consultation_id: string;
  parent_id: string | null;
  state: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface AttachmentRow {
  id: string;
  consultation_id: string;
  reply_id: string | null;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: string; // base64
  created_at: string;
}

export interface SubmissionRow {
  id: string;
  state: string;
  cbm: number;
  version: number;
  title: string;
  body: string;
  language: string;
  visibility: string; // network | secretariat
  submitted_by: string | null;
  submitted_at: string;
}

export interface CbmTables {
  cbm_contacts: ContactRow;
  cbm_contact_versions: ContactVersionRow;
  cbm_rounds: RoundRow;
  cbm_round_messages: RoundMessageRow;
  cbm_schedules: ScheduleRow;
  cbm_consultations: ConsultationRow;
  cbm_parties: PartyRow;
  cbm_replies: ReplyRow;
  cbm_attachments: AttachmentRow;
  cbm_submissions: SubmissionRow;
}

export type Tables = CbmTables & PlatformTables;
export type CbmExecutor = Kysely<Tables> | Transaction<Tables>;
export const cb = (exec: Executor): CbmExecutor => exec as unknown as CbmExecutor;
