// CLI output: results on stdout (JSON, NDJSON, lines or tables), notices on stderr.
import type { CliOutput } from './context.js';

export function createOutput(stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): CliOutput {
  return {
    json: (value) => void stdout.write(JSON.stringify(value, null, 2) + '\n'),
    ndjson: (value) => void stdout.write(JSON.stringify(value) + '\n'),
    line: (text) => void stdout.write(text + '\n'),
    info: (text) => void stderr.write(text + '\n'),
    table(rows, columns) {
      const get = (r: object, c: string) => (r as Record<string, unknown>)[c];
      const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(',') : String(v));
      const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(get(r, c)).length)));
      const fmt = (vals: string[]) =>
        vals
          .map((v, i) => v.padEnd(widths[i]!))
          .join('  ')
          .trimEnd();
      stdout.write(fmt(columns.map((c) => c.toUpperCase())) + '\n');
      for (const r of rows) stdout.write(fmt(columns.map((c) => cell(get(r, c)))) + '\n');
    },
  };
}
