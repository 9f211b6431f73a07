// Jobs: periodic work declared by modules, run once per cluster per period under a lease.
export type { JobDef } from './types.js';
export { jobsMigrations } from './migrations.js';
export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';
