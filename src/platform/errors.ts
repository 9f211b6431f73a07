// The one catalogue of error codes. Every error a client sees is an AppError with one of these codes.
export const ERROR_CATALOGUE = {
  'bad-request': { status: 400, title: 'The request is malformed' },
  'validation-failed': { status: 400, title: 'The input is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  'invalid-credentials': { status: 401, title: 'The user name or password is wrong' },
  'invalid-token': { status: 401, title: 'The token is not valid' },
  forbidden: { status: 403, title: 'This action is not permitted' },
  'csrf-failed': { status: 403, title: 'The request lacks a valid CSRF token' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'The content type is not supported' },
  'rate-limited': { status: 429, title: 'Too many attempts' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'A needed service is unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Where the input was wrong: a field path, and for files a line, column or byte offset. */
export interface ErrorLocation {
  field?: string;
  line?: number;
  column?: number;
  offset?: number;
}

export interface InvalidParam extends ErrorLocation {
  reason: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: ErrorLocation & { invalidParams?: InvalidParam[]; retryAfterSeconds?: number } = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
  }
}

export const notFound = (what: string, id: string) => new AppError('not-found', `${what} ${id} does not exist`);
export const forbidden = (detail = 'You do not have the permission this needs') => new AppError('forbidden', detail);
export const conflict = (detail: string, field?: string) => new AppError('conflict', detail, field ? { field } : {});
export const invalid = (field: string, reason: string) =>
  new AppError('validation-failed', `${field}: ${reason}`, { field, invalidParams: [{ field, reason }] });
