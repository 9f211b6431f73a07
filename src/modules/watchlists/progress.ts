// The import progress bar on stderr (bytes of input read), shown only to a person at a terminal and never with --json.
import cliProgress from 'cli-progress';
import type { ImportProgress } from './importers/types.js';

export interface ProgressBar {
  update(p: ImportProgress): void;
  stop(): void;
}

const MB = 1024 * 1024;
const noBar: ProgressBar = { update: () => {}, stop: () => {} };

export function progressBar(label: string, opts: { json?: boolean | undefined; stream?: NodeJS.WriteStream }): ProgressBar {
  const stream = opts.stream ?? process.stderr;
  if (opts.json || !stream.isTTY) return noBar;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {mb}/{totalMb} MB | {records} records | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const total = Math.max(1, p.totalBytes ?? p.bytes);
      const payload = { mb: (p.bytes / MB).toFixed(1), totalMb: (total / MB).toFixed(1), records: p.records };
      if (!started) {
        bar.start(total, Math.min(p.bytes, total), payload);
        started = true;
      } else bar.update(Math.min(p.bytes, total), payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
