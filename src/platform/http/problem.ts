// RFC 9457 problem+json for every error a client sees; never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CATALOGUE, type ErrorCode, type InvalidParam } from '../errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  field?: string;
  line?: number;
  column?: number;
  offset?: number;
  invalidParams?: InvalidParam[];
}

export function problemOf(err: AppError, requestId?: string): Problem {
  const { status, title } = ERROR_CATALOGUE[err.code];
  const { invalidParams, retryAfterSeconds: _retry, ...where } = err.extra;
  return {
    type: `urn:vigil:problem:${err.code}`,
    title,
    status,
    detail: err.detail,
    code: err.code,
    ...(requestId ? { requestId } : {}),
    ...where,
    ...(invalidParams ? { invalidParams } : {}),
  };
}

export function sendProblem(reply: FastifyReply, err: AppError): FastifyReply {
  if (err.extra.retryAfterSeconds) void reply.header('retry-after', String(err.extra.retryAfterSeconds));
  return reply
    .code(err.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(problemOf(err, reply.request.id));
}

/** Turns any thrown value into an AppError: ours as they are, framework errors by kind, the rest as `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & {
    validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
    validationContext?: string;
  };
  if (Array.isArray(e.validation)) {
    const params: InvalidParam[] = e.validation.map((v) => {
      const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const missing = typeof v.params?.missingProperty === 'string' ? v.params.missingProperty : '';
      const field = [path, missing].filter(Boolean).join('.') || (e.validationContext ?? 'body');
      return { field, reason: v.message ?? 'is not valid' };
    });
    const where = e.validationContext ? ` in ${e.validationContext}` : '';
    return new AppError('validation-failed', `Invalid input${where}: ${params.map((p) => `${p.field}: ${p.reason}`).join('; ')}`, {
      field: params[0]?.field,
      invalidParams: params,
    });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload-too-large', e.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported-media-type', e.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('bad-request', e.message);
  }
  if (e instanceof SyntaxError || e.statusCode === 400) return new AppError('bad-request', e.message);
  // The static file server refuses paths that climb out of or alias within its root (`/%2e%2e/…`).
  if (e.statusCode === 403) return new AppError('forbidden', 'This path is not served.');
  if (e.statusCode === 404) return new AppError('not-found', 'This path is not served.');
  if (e.statusCode === 413) return new AppError('payload-too-large', e.message);
  if (e.statusCode === 415) return new AppError('unsupported-media-type', e.message);
  return new AppError('internal', 'An internal error occurred. Quote the request id to the administrator.');
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else if (appError.status >= 500) request.log.warn({ code: appError.code }, appError.detail);
  return sendProblem(reply, appError);
}
