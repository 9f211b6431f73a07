// Passenger-data statistics: what the travel descriptor wires (routes, commands), and the report functions.
export { statsRoutes } from './routes.js';
export { statsCommands } from './commands.js';
export { statsReport, art20, rangeOf, type StatsReport, type Art20Period } from './report.js';
