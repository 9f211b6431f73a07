// Prometheus metrics: process defaults plus request counts and latencies by route.
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigil_' });
  return registry;
}

export function httpMetrics(registry: Registry) {
  const existing = registry.getSingleMetric('vigil_http_request_duration_seconds') as Histogram<string> | undefined;
  const histogram =
    existing ??
    new Histogram({
      name: 'vigil_http_request_duration_seconds',
      help: 'HTTP request latency by route, method and status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  return (route: string, method: string, status: number, seconds: number) => histogram.observe({ route, method, status: String(status) }, seconds);
}
