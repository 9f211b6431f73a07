// Errors from the API (RFC 9457 problem+json) as one class the screens can show and map to fields.
import { t } from '../i18n';

export interface InvalidParam {
  field: string;
  reason: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  field?: string;
  invalidParams?: InvalidParam[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly field: string | undefined;
  readonly invalidParams: readonly InvalidParam[];
  /** Seconds to wait before retrying, from a Retry-After header. */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: ProblemBody | undefined, retryAfter?: number) {
    const detail = body?.detail ?? body?.title ?? t('error.http', { status });
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'network' : 'unknown');
    this.detail = detail;
    this.field = body?.field;
    this.invalidParams = body?.invalidParams ?? (body?.field ? [{ field: body.field, reason: detail }] : []);
    this.retryAfter = retryAfter;
  }

  /** The reason given for one input field, if the server named it. */
  reasonFor(field: string): string | undefined {
    return this.invalidParams.find((p) => p.field === field || p.field.endsWith(`.${field}`) || p.field.startsWith(`${field}.`))?.reason;
  }
}

/** A message for any thrown value, fit to show to a person. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'network') return t('error.network');
    if (err.code === 'forbidden') return t('error.forbidden');
    return err.detail;
  }
  return t('error.unexpected');
}

export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
