// Calls of the statistics and DPO tabs to /api/travel/stats and /api/travel/dpo, typed by the server's OpenAPI document.
import { api, call } from '../../api/client';
import type { BodyOf, Ok } from '../../api/types';

export type StatsReport = Ok<'/api/travel/stats', 'get'>;
export type BySex = StatsReport['totals']['travellersBySex'];
type Sex = keyof BySex;
export const SEXES: readonly Sex[] = ['F', 'M', 'X', 'unknown'];
export type DecisionTimes = StatsReport['decisions']['time'];

export type Art20Period = Ok<'/api/travel/dpo/art20', 'get'>['periods'][number];
export type RepersonaliseRequest = Ok<'/api/travel/dpo/requests', 'get'>['items'][number];
type RepersonalisedView = Ok<'/api/travel/dpo/requests/{id}/view', 'get'>;
export type RepersonalisedTraveller = RepersonalisedView['travellers'][number];
/** A run as listed: runs recorded by older versions lack some counts. */
export type RetentionRun = Ok<'/api/travel/dpo/runs', 'get'>['items'][number];

const byId = (id: string) => ({ params: { path: { id } } });

export const fetchStats = (q: { from: string; to: string }) => call(api.GET('/api/travel/stats', { params: { query: q } }));
export const fetchArt20 = (q: { from: string; to: string }) => call(api.GET('/api/travel/dpo/art20', { params: { query: q } })).then((r) => r.periods);
export const fetchRequests = () => call(api.GET('/api/travel/dpo/requests', { params: { query: { limit: 500 } } })).then((r) => r.items);
export const fetchRuns = () => call(api.GET('/api/travel/dpo/runs', { params: { query: { limit: 100 } } })).then((r) => r.items);
export const askRepersonalisation = (body: BodyOf<'/api/travel/dpo/requests', 'post'>) => call(api.POST('/api/travel/dpo/requests', { body }));
export const decideRequest = (id: string, decision: 'approve' | 'refuse', note?: string) =>
  call(api.POST('/api/travel/dpo/requests/{id}/decision', { ...byId(id), body: { decision, ...(note ? { note } : {}) } }));
export const viewRequest = (id: string) => call(api.GET('/api/travel/dpo/requests/{id}/view', byId(id)));
export const runRetentionNow = () => call(api.POST('/api/travel/dpo/runs'));
