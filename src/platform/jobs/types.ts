// Periodic jobs: declared by modules, run once per cluster per period.
export interface JobDef {
  /** Unique, stable: names the lease shared by all processes. */
  name: string;
  everySeconds: number;
  run(signal: AbortSignal): Promise<void>;
}
