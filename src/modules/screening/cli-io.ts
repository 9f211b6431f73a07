// Files and output of the screening commands: bounded input files, result lines to stdout or a file, --min-score.
import { createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { CliContext } from '../../platform/cli/context.js';
import { CliError, EXIT } from '../../platform/cli/context.js';

export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function readInput(path: string): Promise<string> {
  const s = await stat(path).catch(() => null);
  if (!s?.isFile()) throw new CliError(EXIT.notFound, `${path}: no such file`);
  if (s.size > MAX_INPUT_BYTES) throw new CliError(EXIT.rejected, `${path}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
  return readFile(path, 'utf8');
}

export function minScoreOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new CliError(EXIT.usage, '--min-score must be a number from 0 to 1');
  return n;
}

/** Lines to stdout (through the CLI output) or to a file. */
export function sink(cli: CliContext, output: string | undefined): { write(v: unknown): void; close(): Promise<void> } {
  if (!output) return { write: (v) => cli.out.ndjson(v), close: async () => {} };
  const f = createWriteStream(output, { encoding: 'utf8' });
  return {
    write: (v) => void f.write(`${JSON.stringify(v)}\n`),
    close: () => new Promise<void>((resolve, reject) => f.end((err?: Error | null) => (err ? reject(err) : resolve()))),
  };
}
