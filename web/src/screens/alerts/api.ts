// Calls of the alerts screens to /api/alerts, typed by the server's OpenAPI document.
import { api, call } from '../../api/client';
import type { BodyOf, Ok } from '../../api/types';

export type AlertPage = Ok<'/api/alerts', 'get'>;
export type AlertSummary = AlertPage['items'][number];
export type AlertDetail = Ok<'/api/alerts/{id}', 'get'>;
export type AlertDecision = AlertDetail['decisions'][number];
export type AlertStatus = AlertSummary['status'];
export type DecisionBody = BodyOf<'/api/alerts/{id}/decision', 'post'>;
export type Decision = DecisionBody['decision'];
export type BulkResult = Ok<'/api/alerts/decisions', 'post'>['results'][number];

export type StatusFilter = AlertStatus | 'undecided' | 'all';

export interface AlertQuery {
  status: StatusFilter;
  entityId?: string | undefined;
  limit: number;
  offset: number;
}

export const fetchAlerts = (q: AlertQuery) =>
  call(
    api.GET('/api/alerts', {
      params: { query: { status: q.status === 'all' ? undefined : q.status, entityId: q.entityId || undefined, limit: q.limit, offset: q.offset } },
    }),
  );

export const fetchAlert = (id: string) => call(api.GET('/api/alerts/{id}', { params: { path: { id } } }));

/** The next undecided alert the signed-in person can act on, after `after` in queue order (wrapping around). */
export const fetchNext = (after?: string | null, entityId?: string) =>
  call(api.GET('/api/alerts/next', { params: { query: { after: after || undefined, entityId: entityId || undefined } } }));

export const decide = (id: string, body: DecisionBody) => call(api.POST('/api/alerts/{id}/decision', { params: { path: { id } }, body }));

export const decideAll = (entityId: string, ids: string[], body: DecisionBody) =>
  call(api.POST('/api/alerts/decisions', { body: { ...body, entityId, ids } })).then((r) => r.results);

export const alertPath = (id: string): string => `/alerts/${encodeURIComponent(id)}`;

/** Reason codes offered for each decision (the server takes any lower-case code; these are the usual ones). */
export const REASONS: Readonly<Record<Decision, readonly string[]>> = {
  confirmed: ['identity-match', 'document-match', 'same-birth-date-and-nationality'],
  'false-positive': ['different-person', 'different-birth-date', 'different-nationality', 'different-entity-type', 'common-name'],
  unsure: ['insufficient-information', 'needs-documents', 'needs-supervisor'],
};

export const DECISIONS: readonly Decision[] = ['confirmed', 'false-positive', 'unsure'];
