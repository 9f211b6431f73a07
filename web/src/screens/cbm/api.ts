// Calls of the confidence-building screens to /api/cbm, with the shapes the server answers (its routes declare no response schema).
import { api, call } from '../../api/client';

export const CBM = '/cbm';
const as = <T>(p: Promise<unknown>) => p as Promise<T>;

export interface CbmMe {
  state: string | null;
  secretariat: boolean;
  states: string[];
  reconfirmDays: number;
  maxAttachmentBytes: number;
  maxAttachments: number;
}

export interface Contact {
  id: string;
  state: string;
  kind: 'policy' | 'technical';
  version: number;
  organisation: string;
  role: string | null;
  name: string;
  email: string;
  phone: string | null;
  channels: Channel[];
  alternates: Alternate[];
  languages: string[];
  timeZone: string | null;
  pgpKey: string | null;
  lastVerifiedAt: string | null;
  stale: boolean;
}
export interface Channel {
  type: string;
  value: string;
  hours: string;
}
export interface Alternate {
  name: string;
  email: string | null;
  phone: string | null;
}
export interface ContactVersion {
  version: number;
  fields: string[];
  actorId: string | null;
  actorName: string | null;
  changedAt: string;
}
export interface ContactDetail extends Contact {
  versions: ContactVersion[];
}
/** What the contact form sends; the server checks it field by field. */
export type ContactInput = Omit<Contact, 'id' | 'version' | 'lastVerifiedAt' | 'stale'>;
export interface AttachmentInput {
  name: string;
  mediaType: string;
  content: string;
}

export interface Stats {
  sent: number;
  answered: number;
  responseRate: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
  late: number;
}
export interface RoundSummary extends Stats {
  roundId: string;
  kind: string;
  startedAt: string;
  deadlineAt: string;
}
export interface RoundReport extends RoundSummary {
  pending: number;
  unreachable: { contactId: string; contactName: string; state: string; kind: string; reason: string }[];
  perState: ({ state: string } & Stats)[];
  messages: {
    id: string;
    contactName: string;
    state: string;
    kind: string;
    delivery: string;
    status: 'answered' | 'late' | 'pending' | 'unreachable';
    seconds: number | null;
  }[];
}
export interface PendingCheck {
  id: string;
  roundId: string;
  contactName: string;
  kind: string;
  sentAt: string;
  deadlineAt: string;
}

export interface Party {
  state: string;
  acknowledgedAt: string | null;
  answeredAt: string | null;
  readAt: string | null;
}
export interface Consultation {
  id: string;
  kind: 'consultation' | 'broadcast';
  fromState: string;
  subject: string;
  severity: string;
  tlp: string;
  status: string;
  deadlineAt: string | null;
  overdue: boolean;
  parties: Party[];
  updatedAt: string;
}
export interface ConsultationDetail extends Consultation {
  body: string;
  replies: { id: string; parentId: string | null; state: string; body: string; createdAt: string }[];
  attachments: { id: string; replyId: string | null; name: string; size: number }[];
}
export interface Matrix {
  cbms: number[];
  rows: { state: string; cells: ({ latestVersion: number; latestAt: string; latestId: string } | null)[] }[];
}

const A = api as unknown as {
  GET: (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST: (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  PUT: (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  DELETE: (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

export const fetchMe = () => as<CbmMe>(call(A.GET('/api/cbm/me')));
export const fetchContacts = (stale?: boolean) =>
  as<{ items: Contact[] }>(call(A.GET('/api/cbm/contacts', { params: { query: stale ? { stale: 'true' } : {} } }))).then((r) => r.items);
export const confirmContact = (id: string) => call(A.POST(`/api/cbm/contacts/${encodeURIComponent(id)}/confirm`));
export const fetchContact = (id: string) => as<ContactDetail>(call(A.GET(`/api/cbm/contacts/${encodeURIComponent(id)}`)));
export const saveContact = (body: ContactInput, id?: string) =>
  as<ContactDetail>(call(id ? A.PUT(`/api/cbm/contacts/${encodeURIComponent(id)}`, { body }) : A.POST('/api/cbm/contacts', { body })));
export const withdrawContact = (id: string) => call(A.DELETE(`/api/cbm/contacts/${encodeURIComponent(id)}`));
export const fetchRounds = () => as<{ items: RoundSummary[] }>(call(A.GET('/api/cbm/rounds'))).then((r) => r.items);
export const fetchRound = (id: string) => as<RoundReport>(call(A.GET(`/api/cbm/rounds/${encodeURIComponent(id)}`)));
export const startRound = (kind?: string, states: string[] = []) =>
  as<{ roundId: string; sent: number }>(call(A.POST('/api/cbm/rounds', { body: { ...(kind ? { kind } : {}), ...(states.length ? { states } : {}) } })));
export interface Schedule {
  id: string;
  kind: string;
  everyDays: number;
  nextAt: string;
}
export const fetchSchedules = () => as<{ items: Schedule[] }>(call(A.GET('/api/cbm/schedules'))).then((r) => r.items);
export const addSchedule = (body: { kind?: string; everyDays: number; firstAt?: string }) => as<Schedule>(call(A.POST('/api/cbm/schedules', { body })));
export const stopSchedule = (id: string) => call(A.DELETE(`/api/cbm/schedules/${encodeURIComponent(id)}`));
export const fetchTrend = () => as<{ items: ({ state: string; rounds: number } & Stats)[] }>(call(A.GET('/api/cbm/rounds/trend'))).then((r) => r.items);
export const fetchPending = () => as<{ items: PendingCheck[] }>(call(A.GET('/api/cbm/checks/pending'))).then((r) => r.items);
export const answerCheck = (id: string) => call(A.POST(`/api/cbm/checks/${encodeURIComponent(id)}/answer`));
export const fetchConsultations = () => as<{ items: Consultation[] }>(call(A.GET('/api/cbm/consultations'))).then((r) => r.items);
export const fetchConsultation = (id: string) => as<ConsultationDetail>(call(A.GET(`/api/cbm/consultations/${encodeURIComponent(id)}`)));
export const createConsultation = (body: object) => as<ConsultationDetail>(call(A.POST('/api/cbm/consultations', { body })));
export const transition = (id: string, action: string) =>
  as<ConsultationDetail>(call(A.POST(`/api/cbm/consultations/${encodeURIComponent(id)}/transition`, { body: { action } })));
export const replyTo = (id: string, body: string, attachments: AttachmentInput[], parentId?: string) =>
  as<ConsultationDetail>(
    call(
      A.POST(`/api/cbm/consultations/${encodeURIComponent(id)}/replies`, {
        body: { body, ...(attachments.length ? { attachments } : {}), ...(parentId ? { parentId } : {}) },
      }),
    ),
  );
export const fetchMatrix = () => as<Matrix>(call(A.GET('/api/cbm/submissions/matrix')));
export const submitReport = (body: object) => call(A.POST('/api/cbm/submissions', { body }));
export interface Submission {
  id: string;
  state: string;
  cbm: number;
  version: number;
  title: string;
  language: string;
  visibility: 'network' | 'secretariat';
  submittedAt: string;
}
export const fetchSubmissions = (state: string, cbm: number) =>
  as<{ items: Submission[] }>(call(A.GET('/api/cbm/submissions', { params: { query: { state, cbm } } }))).then((r) => r.items);
export const fetchSubmission = (id: string) => as<Submission & { body: string }>(call(A.GET(`/api/cbm/submissions/${encodeURIComponent(id)}`)));
export const attachmentUrl = (id: string, aid: string) => `/api/cbm/consultations/${encodeURIComponent(id)}/attachments/${encodeURIComponent(aid)}`;
export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const duration = (s: number | null) => (s === null ? '—' : s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);
