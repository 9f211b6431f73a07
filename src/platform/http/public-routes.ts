// The one place that lists what may be reached without credentials. Everything else needs a principal.
import type { Config } from '../config.js';

interface PublicRoute {
  method: string;
  /** Fastify route pattern, as registered. */
  url: string;
  /** Public only when this holds for the configuration. */
  when?: (config: Config) => boolean;
  why: string;
}

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { method: 'GET', url: '/health', why: 'liveness probe' },
  { method: 'GET', url: '/ready', why: 'readiness probe' },
  { method: 'POST', url: '/api/auth/login', why: 'signing in' },
  { method: 'GET', url: '/metrics', when: (c) => c.metricsPublic, why: 'scraping, when VIGIL_METRICS_PUBLIC=1' },
  { method: 'GET', url: '/*', why: 'static assets of the web workbench (no data)' },
  { method: 'GET', url: '/', why: 'the web workbench page (no data)' },
  { method: 'GET', url: '/cbm/answer/:token', why: 'communication check: the page of a one-time link (the token authenticates; shows no data)' },
  { method: 'POST', url: '/cbm/answer/:token', why: 'communication check: records the answer of a one-time, expiring link (the token authenticates)' },
];

export function isPublicRoute(method: string, url: string | undefined, config: Config): boolean {
  if (!url) return false;
  const m = method === 'HEAD' ? 'GET' : method;
  return PUBLIC_ROUTES.some((r) => r.method === m && r.url === url && (!r.when || r.when(config)));
}
