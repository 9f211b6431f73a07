// Hand-written stand-in for the OpenAPI types (schema.d.ts from `npm run gen:api`), same shape as openapi-typescript output.
// Used only until the generated file exists; paths.ts chooses which one the client uses.

type Headers = { [name: string]: unknown };
type Json<T> = { headers: Headers; content: { 'application/json': T } };
type Empty = { headers: Headers; content?: never };
type Problem = { headers: Headers; content: { 'application/problem+json': ProblemJson } };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Body<T> = { content: { 'application/json': T } };
type Methods = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
/** A path item: the methods given, every other method `never`. */
type Item<T> = (T extends { parameters: unknown } ? unknown : { parameters: NoParams }) & T & { [M in Exclude<Methods, keyof T>]?: never };

interface ProblemJson {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  invalidParams?: { field: string; reason: string }[];
}

interface Me {
  id: string;
  username: string;
  displayName: string;
  kind: 'person' | 'machine';
  orgId: string;
  orgName: string;
  roles: string[];
  permissions: string[];
}
interface Session {
  user: Me;
  csrfToken: string;
}
interface NavTool {
  id: string;
  path: string;
  title: string;
  description: string;
}
interface NavArea {
  area: 'counter-terrorism' | 'border-security' | 'cyber-security' | 'policing' | 'platform';
  title: string;
  tools: NavTool[];
}
interface User {
  id: string;
  username: string;
  displayName: string;
  kind: 'person' | 'machine';
  orgId: string;
  orgName: string;
  roles: string[];
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}
interface Org {
  id: string;
  name: string;
  kind: 'agency' | 'partner';
  country: string | null;
  disabled: boolean;
  createdAt: string;
  userCount: number;
}
interface Role {
  name: string;
  description: string;
  permissions: string[];
}
interface Permission {
  name: string;
  description: string;
  module: string;
}
interface Token {
  id: string;
  userId: string;
  username: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
interface AuditRow {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  orgId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  details: { [key: string]: unknown };
  prevHash: string;
  hash: string;
}
interface Verify {
  ok: boolean;
  rows: number;
  lastSeq: number;
  checkpoints: number;
  lastCheckpointSeq: number | null;
  firstProblem: { seq: number; code: string; detail: string } | null;
}

type Op<P, B, R> = { parameters: P; responses: R } & ([B] extends [never] ? { requestBody?: never } : { requestBody: B });
type Q<T> = { query?: T; header?: never; path?: never; cookie?: never };
type Id = { query?: never; header?: never; path: { id: string }; cookie?: never };
type Err = { 400: Problem; 401: Problem; 403: Problem; 404: Problem; 409: Problem };

export interface paths {
  '/api/auth/login': Item<{ post: Op<NoParams, Body<{ username: string; password: string }>, { 200: Json<Session>; 401: Problem; 429: Problem }> }>;
  '/api/auth/logout': Item<{ post: Op<NoParams, never, { 204: Empty }> }>;
  '/api/me': Item<{ get: Op<NoParams, never, { 200: Json<Session>; 401: Problem }> }>;
  '/api/me/password': Item<{ post: Op<NoParams, Body<{ currentPassword: string; newPassword: string }>, { 204: Empty } & Err> }>;
  '/api/nav': Item<{ get: Op<NoParams, never, { 200: Json<{ areas: NavArea[] }>; 401: Problem }> }>;
  '/api/admin/users': Item<{
    get: Op<Q<{ q?: string; orgId?: string; includeDisabled?: boolean }>, never, { 200: Json<{ items: User[] }> } & Err>;
    post: Op<
      NoParams,
      Body<{ username: string; displayName: string; orgId?: string; kind?: 'person' | 'machine'; roles: string[]; password?: string }>,
      { 201: Json<{ user: User; initialPassword?: string }> } & Err
    >;
  }>;
  '/api/admin/users/{id}': Item<{
    parameters: Id;
    patch: Op<Id, Body<{ displayName?: string; roles?: string[]; orgId?: string; disabled?: boolean }>, { 200: Json<User> } & Err>;
  }>;
  '/api/admin/users/{id}/password': Item<{
    parameters: Id;
    post: Op<Id, Body<Record<string, never>>, { 200: Json<{ initialPassword: string }> } & Err>;
  }>;
  '/api/admin/orgs': Item<{
    get: Op<NoParams, never, { 200: Json<{ items: Org[] }> } & Err>;
    post: Op<NoParams, Body<{ name: string; kind: 'agency' | 'partner'; country?: string }>, { 201: Json<Org> } & Err>;
  }>;
  '/api/admin/orgs/{id}': Item<{
    parameters: Id;
    patch: Op<Id, Body<{ name?: string; country?: string | null; disabled?: boolean }>, { 200: Json<Org> } & Err>;
  }>;
  '/api/admin/roles': Item<{ get: Op<NoParams, never, { 200: Json<{ items: Role[] }> } & Err> }>;
  '/api/admin/permissions': Item<{ get: Op<NoParams, never, { 200: Json<{ items: Permission[] }> } & Err> }>;
  '/api/tokens': Item<{
    get: Op<Q<{ userId?: string }>, never, { 200: Json<{ items: Token[] }> } & Err>;
    post: Op<NoParams, Body<{ name: string; userId?: string; scopes?: string[]; expiresAt?: string }>, { 201: Json<Token & { token: string }> } & Err>;
  }>;
  '/api/tokens/{id}': Item<{ parameters: Id; delete: Op<Id, never, { 204: Empty } & Err> }>;
  '/api/audit': Item<{
    get: Op<
      Q<{
        from?: string;
        to?: string;
        actorId?: string;
        action?: string;
        targetType?: string;
        targetId?: string;
        outcome?: string;
        beforeSeq?: number;
        limit?: number;
      }>,
      never,
      { 200: Json<{ items: AuditRow[]; nextBeforeSeq: number | null }> } & Err
    >;
  }>;
  '/api/audit/verify': Item<{ get: Op<NoParams, never, { 200: Json<Verify> } & Err> }>;
}
