// Calls of the statistics and DPO tabs to /api/travel/stats and /api/travel/dpo (paths not yet in the generated schema: loosely typed).
import { api, call } from '../../api/client';

type Sex = 'F' | 'M' | 'X' | 'unknown';
export const SEXES: readonly Sex[] = ['F', 'M', 'X', 'unknown'];
export type BySex = Record<Sex, number>;

export interface DecisionTimes {
  decided: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  meanMinutes: number | null;
}

export interface StatsReport {
  from: string;
  to: string;
  totals: { messages: number; travellers: number; travellersBySex: BySex; alerts: number };
  messages: Array<{ day: string; carrier: string; type: string; messages: number }>;
  travellers: Array<{ day: string; carrier: string; role: string; sex: Sex; travellers: number }>;
  hits: Array<{
    key: string;
    kind: 'list' | 'rule' | 'other';
    name: string;
    hits: number;
    confirmed: number;
    falsePositive: number;
    undecided: number;
    bySex: BySex;
  }>;
  decisions: { confirmed: number; falsePositive: number; unsure: number; open: number; time: DecisionTimes; timeBySex: Record<Sex, DecisionTimes> };
}

export interface Art20Period {
  period: string;
  travellersCollected: number;
  travellersIdentified: number;
  alertsRaised: number;
  travellersConfirmed: number;
  alertsConfirmed: number;
}

export interface RepersonaliseRequest {
  id: string;
  targetType: 'traveller' | 'flight';
  targetId: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'refused';
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  expiresAt: string | null;
  views: number;
}

export interface RepersonalisedTraveller {
  id: string;
  flightId: string;
  surname: string;
  givenNames: string;
  birthDate: string | null;
  sex: string | null;
  nationality: string | null;
  documentNumber: string | null;
  documentCountry: string | null;
}

type PerKind = { travellers: number; pnrVersions: number; messages: number };
export interface RetentionRun {
  id: string;
  startedAt: string;
  finishedAt: string;
  actor: string;
  depersonaliseBefore: string;
  deleteBefore: string;
  counts: {
    depersonalised: PerKind;
    deleted: PerKind;
    keptForConfirmedAlerts: number;
    stream: { status: 'purged' | 'not-configured' | 'failed'; stream: string | null; purged: number; detail: string | null };
  };
}

interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}
/** The same client (session, CSRF, problems), for paths the generated schema does not list yet. */
const loose = api as unknown as {
  GET(path: string, init?: { params?: { query?: object; path?: object } }): Promise<Outcome>;
  POST(path: string, init?: { params?: { path?: object }; body?: object }): Promise<Outcome>;
};
const get = <T>(path: string, query?: object) => call(loose.GET(path, query ? { params: { query } } : undefined)) as Promise<T>;
const post = <T>(path: string, body?: object) => call(loose.POST(path, body ? { body } : {})) as Promise<T>;

export const fetchStats = (q: { from: string; to: string }) => get<StatsReport>('/api/travel/stats', q);
export const fetchArt20 = (q: { from: string; to: string }) => get<{ periods: Art20Period[] }>('/api/travel/dpo/art20', q).then((r) => r.periods);
export const fetchRequests = () => get<{ items: RepersonaliseRequest[] }>('/api/travel/dpo/requests', { limit: 500 }).then((r) => r.items);
export const fetchRuns = () => get<{ items: RetentionRun[] }>('/api/travel/dpo/runs', { limit: 100 }).then((r) => r.items);
export const askRepersonalisation = (body: { targetType: 'traveller' | 'flight'; targetId: string; reason: string }) =>
  post<RepersonaliseRequest>('/api/travel/dpo/requests', body);
export const decideRequest = (id: string, decision: 'approve' | 'refuse', note?: string) =>
  post<RepersonaliseRequest>(`/api/travel/dpo/requests/${encodeURIComponent(id)}/decision`, { decision, ...(note ? { note } : {}) });
export const viewRequest = (id: string) =>
  get<{ request: RepersonaliseRequest; travellers: RepersonalisedTraveller[] }>(`/api/travel/dpo/requests/${encodeURIComponent(id)}/view`);
export const runRetentionNow = () => post<RetentionRun>('/api/travel/dpo/runs');
