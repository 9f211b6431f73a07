// What CLI commands receive: a lazily opened application context and output helpers that keep --json clean.
import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import type { Actor } from '../audit/types.js';

export const EXIT = { ok: 0, rejected: 1, usage: 2, notFound: 3, unavailable: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Ends a command with an exit code and a message on stderr. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface CliOutput {
  /** Machine-readable result on stdout: one JSON document. */
  json(value: unknown): void;
  /** One NDJSON line on stdout. */
  ndjson(value: unknown): void;
  /** Human-readable result on stdout. */
  line(text: string): void;
  /** Aligned table on stdout. */
  table<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): void;
  /** Progress and notices on stderr (never on stdout). */
  info(text: string): void;
}

export interface CliContext {
  /** Opens the configured database once, applies migrations, and returns the context. Exit 4 if unreachable. */
  app(): Promise<AppContext>;
  /** The actor CLI actions are audited as (the local operator). */
  readonly actor: Actor;
  readonly out: CliOutput;
}

/** `vigil <name>`: the noun several parts of a module add verbs to, created by the first part that asks for it. */
export function noun(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}
