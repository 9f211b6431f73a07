// Row types of the intel tables, and typed access to them through the platform's Kysely instance.
import type { Kysely, Transaction } from 'kysely';
import type { Executor, PlatformTables } from '../../platform/db/index.js';
import type { CaseRole } from './permissions.js';

export interface CaseRow {
  id: string;
  name: string;
  description: string;
  created_at: string;
  created_by: string | null;
}

export interface MemberRow {
  case_id: string;
  user_id: string;
  role: CaseRole;
  added_at: string;
  added_by: string | null;
}

export interface ReportRow {
  id: string;
  case_id: string;
  reference: string;
  scheme: string;
  source_grade: string;
  info_grade: string;
  handling: string;
  text: string;
  reported_at: string | null;
  created_at: string;
  created_by: string | null;
}

export interface EntityRow {
  case_id: string;
  id: string;
  schema: string;
  caption: string;
  properties: string; // JSON: property → values
  /** The id of the resolved (canonical) entity this record belongs to; its own id when not merged. */
  canonical_id: string;
  created_at: string;
}

/** Why an entity is in the case: a report, an import, or a reference to a record elsewhere in Vigil. */
export interface SupportRow {
  case_id: string;
  entity_id: string;
  kind: 'report' | 'import' | 'reference';
  ref_id: string;
  added_at: string;
}

export interface ImportRow {
  id: string;
  case_id: string;
  file: string;
  format: string;
  mapping_id: string | null;
  rows: number;
  entities: number;
  errors: string; // JSON: [{line, detail}]
  created_at: string;
  created_by: string | null;
}

export interface MappingRow {
  id: string;
  name: string;
  yaml: string;
  created_at: string;
  created_by: string | null;
}

export interface SchemeRow {
  id: string;
  definition: string; // JSON GradingScheme
  created_at: string;
}

export interface PairRow {
  id: string;
  case_id: string;
  left_id: string;
  right_id: string;
  /** `case` (both in the case) or `list:<name>` (the right side is a list entity). */
  source: string;
  right_entity: string | null; // JSON: the list entity as proposed (schema, properties)
  score: number;
  explanation: string;
  status: 'open' | 'yes' | 'no' | 'unsure';
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** A link chart saved in a case: its state (ids, positions, pinned, hidden, groups, styling) as JSON. */
export interface ChartRow {
  id: string;
  case_id: string;
  name: string;
  state: string; // JSON ChartState
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface IntelTables {
  intel_cases: CaseRow;
  intel_members: MemberRow;
  intel_reports: ReportRow;
  intel_entities: EntityRow;
  intel_support: SupportRow;
  intel_imports: ImportRow;
  intel_mappings: MappingRow;
  intel_schemes: SchemeRow;
  intel_pairs: PairRow;
  intel_charts: ChartRow;
}

export type Tables = IntelTables & PlatformTables;
export type InExecutor = Kysely<Tables> | Transaction<Tables>;
export const it = (exec: Executor): InExecutor => exec as unknown as InExecutor;
