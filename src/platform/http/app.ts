// Builds the HTTP application: Fastify with zod schemas, OpenAPI, security headers, auth guard, problems, metrics.
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { checkRouteDeclaration, createGuard } from './guard.js';
import { errorHandler, sendProblem } from './problem.js';
import { httpMetrics } from './metrics.js';
import { platformRoutes } from './platform-routes.js';
import type { HttpApp, RouteEntry } from './types.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The built web workbench, if present (web/dist beside the package root). */
export function webDistDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

export interface HttpOptions {
  /** Serve the web workbench (default true). */
  web?: boolean;
}

export async function buildHttpApp(ctx: AppContext, opts: HttpOptions = {}): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('principal', null);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Vigil API', version: '1', description: 'Every route needs a session cookie or a bearer API token, except the sign-in and the probes.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vigil_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const observe = httpMetrics(ctx.metrics);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    checkRouteDeclaration(ctx, route);
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, permission: route.config?.permission });
  });
  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  app.addHook('onRequest', createGuard(ctx));
  app.addHook('onResponse', async (req, reply) => {
    observe(req.routeOptions.url ?? 'unmatched', req.method, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });

  const secureCookie = (protocol: string) => (ctx.config.cookieSecure === 'auto' ? protocol === 'https' : ctx.config.cookieSecure);
  platformRoutes(app, ctx, { secureCookie });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { withCredentials: true } as object, staticCSP: true });

  for (const m of ctx.modules) {
    if (m.routes) await m.routes(app, ctx);
  }

  const web = opts.web === false ? undefined : webDistDir();
  if (web) {
    await app.register(fastifyStatic, { root: web, prefix: '/', index: ['index.html'], schemaHide: true, maxAge: '1h', immutable: false });
  }

  app.setNotFoundHandler(async (req: FastifyRequest, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api' || path === '/metrics') {
      if (!req.principal) return sendProblem(reply, new AppError('unauthenticated', 'Sign in or send an API token.'));
      return sendProblem(reply, new AppError('not-found', `No route ${req.method} ${path}`));
    }
    if (req.method === 'GET' && web) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    if (req.method === 'GET' && !web) {
      return reply.type('text/plain; charset=utf-8').code(404).send('The web workbench is not built. Run: npm run build\n');
    }
    return sendProblem(reply, new AppError('not-found', `No route ${req.method} ${path}`));
  });

  return app;
}
