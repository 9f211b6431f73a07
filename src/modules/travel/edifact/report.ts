// Collects findings and errors with bounded output (a capped number per code) and byte offsets for non-ASCII input.
import type { Finding, ParseError } from '../types.js';

/** At most this many findings of one code are listed; the rest are counted in one closing finding. */
export const MAX_FINDINGS_PER_CODE = 25;
const MAX_ERRORS = 100;

export class Report {
  readonly findings: Finding[] = [];
  readonly errors: ParseError[] = [];
  private readonly perCode = new Map<string, number>();
  private ascii: boolean | null = null;
  private encoder: InstanceType<typeof TextEncoder> | null = null;

  constructor(private readonly text: string) {}

  /** UTF-8 byte offset of a character offset (the same number for ASCII input). */
  byteOffset(charOffset: number | null): number | null {
    if (charOffset === null) return null;
    // eslint-disable-next-line no-control-regex
    this.ascii ??= !/[^\x00-\x7f]/.test(this.text);
    if (this.ascii) return charOffset;
    this.encoder ??= new TextEncoder();
    return this.encoder.encode(this.text.slice(0, charOffset)).length;
  }

  finding(code: string, segment: number | null, tag: string | null, offset: number | null, detail: string): void {
    const n = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, n);
    if (n <= MAX_FINDINGS_PER_CODE) this.findings.push({ code, segment, tag, offset: this.byteOffset(offset), detail });
  }

  error(
    code: string,
    at: { segment?: number | null; tag?: string | null; element?: number | null; component?: number | null; offset?: number | null },
    detail: string,
  ): void {
    if (this.errors.length >= MAX_ERRORS) return;
    this.errors.push({
      code,
      segment: at.segment ?? null,
      tag: at.tag ?? null,
      element: at.element ?? null,
      component: at.component ?? null,
      offset: this.byteOffset(at.offset ?? null),
      detail,
    });
  }

  /** Adds one closing finding per code whose occurrences went beyond the cap. */
  close(): void {
    for (const [code, n] of this.perCode) {
      if (n > MAX_FINDINGS_PER_CODE)
        this.findings.push({ code, segment: null, tag: null, offset: null, detail: `${n - MAX_FINDINGS_PER_CODE} more not listed (${n} in all)` });
    }
    this.perCode.clear();
  }
}
