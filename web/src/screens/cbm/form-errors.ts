// Per-field problems from the server (problem+json `invalidParams`) for forms with lists: `channels[0].value`, `languages[1]`.
import { ApiError } from '../../api/problem';

/** The reason the server gave for `field` or anything inside it (`field[0]`, `field.x`); with the inner path when it is not the field itself. */
export function reasonAt(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const p = error.invalidParams.find((x) => x.field === field || x.field.startsWith(`${field}[`) || x.field.startsWith(`${field}.`));
  if (!p) return undefined;
  // The server's detail repeats the field ("email: is not …"); the reason alone reads better under the input.
  return p.field === field ? p.reason : `${p.field}: ${p.reason}`;
}

/** Whether the server named any field at all (else the error is shown once for the whole form). */
export const namesFields = (error: unknown): boolean => error instanceof ApiError && error.invalidParams.length > 0;
