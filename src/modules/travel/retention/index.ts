// Retention of passenger data: what the travel descriptor wires (migrations, routes, commands, job), and the services.
export { retentionMigrations } from './migrations.js';
export { retentionRoutes } from './routes.js';
export { retentionCommands } from './commands.js';
export { retentionJob, runRetention, listRetentionRuns, type RetentionRun, type RetentionCounts, type RunOptions } from './run.js';
export { DEFAULT_POLICY, policyOf, type RetentionPolicy } from './policy.js';
export { requestRepersonalisation, decideRepersonalisation, viewRepersonalised, listRepersonalisations, type RepersonaliseRequest } from './repersonalise.js';
export { maskInterchange } from './mask-raw.js';
export { maskTraveller, maskBooking } from './mask.js';
export { purgeStreamBefore } from './stream.js';
