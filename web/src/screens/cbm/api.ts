// Calls of the confidence-building screens to /api/cbm, typed by the server's OpenAPI document.
import { api, call } from '../../api/client';
import type { BodyOf, Ok } from '../../api/types';

export const CBM = '/cbm';

export type CbmMe = Ok<'/api/cbm/me', 'get'>;
export type ContactDetail = Ok<'/api/cbm/contacts/{id}', 'get'>;
export type Contact = Ok<'/api/cbm/contacts', 'get'>['items'][number];
export type Channel = Contact['channels'][number];
export type Alternate = Contact['alternates'][number];
export type ContactVersion = ContactDetail['versions'][number];
/** What the contact form sends; the server checks it field by field (its body schema is an open record for that reason). */
export type ContactInput = Omit<Contact, 'id' | 'version' | 'lastVerifiedAt' | 'stale' | 'removed' | 'createdAt' | 'updatedAt'>;
type NewConsultation = BodyOf<'/api/cbm/consultations', 'post'>;
export type AttachmentInput = NonNullable<NewConsultation['attachments']>[number];

export type RoundSummary = Ok<'/api/cbm/rounds', 'get'>['items'][number];
export type RoundReport = Ok<'/api/cbm/rounds/{id}', 'get'>;
export type StateTrend = Ok<'/api/cbm/rounds/trend', 'get'>['items'][number];
export type PendingCheck = Ok<'/api/cbm/checks/pending', 'get'>['items'][number];
export type Schedule = Ok<'/api/cbm/schedules', 'get'>['items'][number];

export type Consultation = Ok<'/api/cbm/consultations', 'get'>['items'][number];
export type Party = Consultation['parties'][number];
export type ConsultationDetail = Ok<'/api/cbm/consultations/{id}', 'get'>;
export type Matrix = Ok<'/api/cbm/submissions/matrix', 'get'>;
export type Submission = Ok<'/api/cbm/submissions', 'get'>['items'][number];
type NewSubmission = BodyOf<'/api/cbm/submissions', 'post'>;
type Kind = NonNullable<BodyOf<'/api/cbm/rounds', 'post'>['kind']>;

const byId = (id: string) => ({ params: { path: { id } } });

export const fetchMe = () => call(api.GET('/api/cbm/me'));
export const fetchContacts = (stale?: boolean) =>
  call(api.GET('/api/cbm/contacts', { params: { query: stale ? { stale: 'true' } : {} } })).then((r) => r.items);
export const confirmContact = (id: string) => call(api.POST('/api/cbm/contacts/{id}/confirm', byId(id)));
export const fetchContact = (id: string) => call(api.GET('/api/cbm/contacts/{id}', byId(id)));
export const saveContact = (body: ContactInput, id?: string) =>
  call(id ? api.PUT('/api/cbm/contacts/{id}', { ...byId(id), body }) : api.POST('/api/cbm/contacts', { body }));
export const withdrawContact = (id: string) => call(api.DELETE('/api/cbm/contacts/{id}', byId(id)));
export const fetchRounds = () => call(api.GET('/api/cbm/rounds')).then((r) => r.items);
export const fetchRound = (id: string) => call(api.GET('/api/cbm/rounds/{id}', byId(id)));
/** `kind` and `states` come from the form's options, which are the server's own values (it checks them again). */
export const startRound = (kind?: string, states: string[] = []) =>
  call(api.POST('/api/cbm/rounds', { body: { ...(kind ? { kind: kind as Kind } : {}), ...(states.length ? { states } : {}) } }));
export const fetchSchedules = () => call(api.GET('/api/cbm/schedules')).then((r) => r.items);
export const addSchedule = (body: { kind?: string; everyDays: number; firstAt?: string }) =>
  call(api.POST('/api/cbm/schedules', { body: { ...body, kind: body.kind as Kind | undefined } }));
export const stopSchedule = (id: string) => call(api.DELETE('/api/cbm/schedules/{id}', byId(id)));
export const fetchTrend = () => call(api.GET('/api/cbm/rounds/trend')).then((r) => r.items);
export const fetchPending = () => call(api.GET('/api/cbm/checks/pending')).then((r) => r.items);
export const answerCheck = (id: string) => call(api.POST('/api/cbm/checks/{id}/answer', byId(id)));
export const fetchConsultations = () => call(api.GET('/api/cbm/consultations')).then((r) => r.items);
export const fetchConsultation = (id: string) => call(api.GET('/api/cbm/consultations/{id}', byId(id)));
/** The form's select values (severity, TLP) are the server's own options; the server checks them again. */
export const createConsultation = (body: Omit<NewConsultation, 'severity' | 'tlp'> & { severity: string; tlp: string }) =>
  call(
    api.POST('/api/cbm/consultations', {
      body: { ...body, severity: body.severity as NewConsultation['severity'], tlp: body.tlp as NewConsultation['tlp'] },
    }),
  );
export type Action = BodyOf<'/api/cbm/consultations/{id}/transition', 'post'>['action'];
export const transition = (id: string, action: Action) => call(api.POST('/api/cbm/consultations/{id}/transition', { ...byId(id), body: { action } }));
export const replyTo = (id: string, body: string, attachments: AttachmentInput[], parentId?: string) =>
  call(
    api.POST('/api/cbm/consultations/{id}/replies', {
      ...byId(id),
      body: { body, ...(attachments.length ? { attachments } : {}), ...(parentId ? { parentId } : {}) },
    }),
  );
export const fetchMatrix = () => call(api.GET('/api/cbm/submissions/matrix'));
export const submitReport = (body: Omit<NewSubmission, 'visibility'> & { visibility: string }) =>
  call(api.POST('/api/cbm/submissions', { body: { ...body, visibility: body.visibility as NewSubmission['visibility'] } }));
export const fetchSubmissions = (state: string, cbm: number) =>
  call(api.GET('/api/cbm/submissions', { params: { query: { state, cbm } } })).then((r) => r.items);
export const fetchSubmission = (id: string) => call(api.GET('/api/cbm/submissions/{id}', byId(id)));
export const attachmentUrl = (id: string, aid: string) => `/api/cbm/consultations/${encodeURIComponent(id)}/attachments/${encodeURIComponent(aid)}`;
export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const duration = (s: number | null) => (s === null ? '—' : s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);
