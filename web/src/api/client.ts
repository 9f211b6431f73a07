// The one HTTP client of the workbench: openapi-fetch typed by the OpenAPI document, with CSRF and problem+json handling.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, parseRetryAfter, type ProblemBody } from './problem';

export type { paths };

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/** Remembers the CSRF token of the session (from login or /api/me); null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 outside login: the session ended or expired. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const session: Middleware = {
  onRequest({ request }) {
    if (UNSAFE.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    request.headers.set('accept', 'application/json, application/problem+json');
    return request;
  },
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    if (response.status === 401 && path !== '/api/auth/login' && path !== '/api/me') {
      for (const listener of unauthenticatedListeners) listener();
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError built from the problem+json body.
 * Network failures become an ApiError with status 0 and code `network`.
 */
export async function call<T>(request: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch {
    throw new ApiError(0, undefined);
  }
  const { data, error, response } = outcome;
  if (!response.ok) {
    const body = error && typeof error === 'object' ? (error as ProblemBody) : undefined;
    throw new ApiError(response.status, body, parseRetryAfter(response.headers.get('retry-after')));
  }
  return data as T;
}

/** A same-origin URL with query parameters, for links the browser follows itself (downloads). */
export function apiUrl(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
