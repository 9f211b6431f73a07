// Shapes the screens use, derived from the OpenAPI path types so they follow the server's schema.
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? R : never;
/** The JSON body of the success (200 or 201) response of an operation. */
export type Ok<P extends keyof paths, M extends keyof paths[P]> =
  Responses<P, M> extends { 200: infer R } ? JsonOf<R> : Responses<P, M> extends { 201: infer R } ? JsonOf<R> : never;
/** The JSON request body of an operation. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Session = Ok<'/api/me', 'get'>;
export type Me = Session['user'];
export type NavArea = Ok<'/api/nav', 'get'>['areas'][number];
export type NavTool = NavArea['tools'][number];
export type User = Ok<'/api/admin/users', 'get'>['items'][number];
export type NewUser = BodyOf<'/api/admin/users', 'post'>;
export type Org = Ok<'/api/admin/orgs', 'get'>['items'][number];
export type Role = Ok<'/api/admin/roles', 'get'>['items'][number];
export type Permission = Ok<'/api/admin/permissions', 'get'>['items'][number];
export type Token = Ok<'/api/tokens', 'get'>['items'][number];
export type NewToken = Ok<'/api/tokens', 'post'>;
export type AuditRow = Ok<'/api/audit', 'get'>['items'][number];
export type AuditPage = Ok<'/api/audit', 'get'>;
export type AuditQuery = NonNullable<NonNullable<paths['/api/audit']['get']['parameters']['query']>>;
export type Verify = Ok<'/api/audit/verify', 'get'>;
