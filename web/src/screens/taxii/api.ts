// Calls of the threat-intelligence screens to /api/taxii, with the shapes the server answers (its routes declare no response schema).
import { api, call } from '../../api/client';

export const TAXII = '/taxii';
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];
export const OBSERVABLE_KINDS = ['ip', 'domain', 'url', 'email', 'wallet', 'file-hash'] as const;

export interface ObjectSummary {
  id: string;
  type: string;
  name: string | null;
  collectionId: string;
  version: string | null;
  dateAdded: string;
  tlp: Tlp;
  specVersion: string;
}
export interface Relationship {
  id: string;
  relationshipType: string;
  direction: 'out' | 'in';
  description: string | null;
  collectionId: string;
  tlp: Tlp;
  other: { id: string; type: string; name: string | null; known: boolean };
}
export interface ObjectDetail extends ObjectSummary {
  object: Record<string, unknown>;
  versions: { collectionId: string; version: string | null; dateAdded: string; tlp: Tlp; specVersion: string }[];
  relationships: Relationship[];
}
export interface Collection {
  id: string;
  apiRoot: string;
  title: string;
  description: string | null;
  alias: string | null;
  mediaTypes: string[];
  createdAt: string;
  objects: number;
  lastAdded: string | null;
  partners: number;
  subscriptions: number;
}
export interface Partner {
  orgId: string;
  orgName: string;
  orgKind: string;
  maxTlp: Tlp;
  updatedAt: string;
  grants: { collectionId: string; collectionTitle: string; canRead: boolean; canWrite: boolean }[];
}
export interface Subscription {
  id: string;
  url: string;
  collectionId: string;
  authKind: string;
  authEnv: string | null;
  everySeconds: number;
  addedAfter: string | null;
  nextAttemptAt: string;
  status: 'never' | 'ok' | 'failing';
  lastSyncAt: string | null;
  lastAdded: number;
  lastRejected: number;
  lastError: string | null;
  failures: number;
}
export interface Observable {
  id: string;
  schema: string;
  kind: string;
  value: string;
  stixId: string;
  collectionId: string;
  tlp: Tlp;
  firstSeen: string;
  lastSeen: string;
}

type Method = (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const A = api as unknown as { GET: Method; POST: Method; PUT: Method; PATCH: Method; DELETE: Method };
const as = <T>(p: Promise<unknown>) => p as Promise<T>;
const enc = encodeURIComponent;
const query = (q: Record<string, string | number | undefined>) => ({
  params: { query: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) },
});

export const fetchObjects = (q: Record<string, string | number | undefined>) =>
  as<{ items: ObjectSummary[]; total: number; types: string[] }>(call(A.GET('/api/taxii/objects', query(q))));
export const fetchObject = (id: string, collection?: string) => as<ObjectDetail>(call(A.GET(`/api/taxii/objects/${enc(id)}`, query({ collection }))));
export const fetchCollections = () => as<{ items: Collection[]; apiRoots: { name: string; title: string }[] }>(call(A.GET('/api/taxii/collections')));
export const createCollection = (body: { title: string; alias?: string; description?: string; apiRoot?: string }) =>
  as<Collection>(call(A.POST('/api/taxii/collections', { body })));
export const updateCollection = (id: string, body: { title?: string; alias?: string | null; description?: string | null }) =>
  call(A.PATCH(`/api/taxii/collections/${enc(id)}`, { body }));
export const deleteCollection = (id: string) => call(A.DELETE(`/api/taxii/collections/${enc(id)}`));
export const fetchPartners = () => as<{ items: Partner[] }>(call(A.GET('/api/taxii/partners'))).then((r) => r.items);
export const fetchOrganisations = () =>
  as<{ items: { id: string; name: string; kind: string }[] }>(call(A.GET('/api/taxii/organisations'))).then((r) => r.items);
export const setGrant = (orgId: string, collectionId: string, body: { read: boolean; write: boolean; maxTlp: string }) =>
  call(A.PUT(`/api/taxii/partners/${enc(orgId)}/grants/${enc(collectionId)}`, { body }));
export const revokeGrant = (orgId: string, collectionId: string) => call(A.DELETE(`/api/taxii/partners/${enc(orgId)}/grants/${enc(collectionId)}`));
export const setPartnerTlp = (orgId: string, maxTlp: string) => call(A.PATCH(`/api/taxii/partners/${enc(orgId)}`, { body: { maxTlp } }));
export const fetchSubscriptions = () => as<{ items: Subscription[] }>(call(A.GET('/api/taxii/subscriptions'))).then((r) => r.items);
export const createSubscription = (body: { url: string; collectionId: string; authKind: string; authEnv?: string; everySeconds: number }) =>
  as<Subscription>(call(A.POST('/api/taxii/subscriptions', { body })));
export const syncNow = (id: string) =>
  as<{ result: { added?: number; rejected?: number; error?: string }; subscription: Subscription }>(call(A.POST(`/api/taxii/subscriptions/${enc(id)}/sync`)));
export const removeSubscription = (id: string) => call(A.DELETE(`/api/taxii/subscriptions/${enc(id)}`));
export const fetchObservables = (q: Record<string, string | number | undefined>) =>
  as<{ items: Observable[]; total: number }>(call(A.GET('/api/taxii/observables', query(q))));

export const objectPath = (id: string, collection?: string) => `${TAXII}/objects/${enc(id)}${collection ? `?collection=${enc(collection)}` : ''}`;
