// The authenticated caller of a request or command: a person or a machine account of an organisation.
import type { Actor } from '../audit/types.js';

export interface Principal {
  kind: 'person' | 'machine';
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  roles: readonly string[];
  permissions: ReadonlySet<string>;
  via: 'session' | 'token' | 'cli' | 'basic';
  tokenId?: string;
  /** CSRF token of the session; unsafe methods authenticated by cookie must echo it. */
  csrfToken?: string;
}

export const actorOf = (p: Principal | null | undefined): Actor =>
  p ? { type: p.kind === 'machine' ? 'machine' : 'user', id: p.userId, orgId: p.orgId } : { type: 'anonymous', id: null, orgId: null };

export const can = (p: Principal | null | undefined, permission: string): boolean => !!p && p.permissions.has(permission);
