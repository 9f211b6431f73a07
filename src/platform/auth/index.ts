// Authentication and authorisation: what modules import from the platform's auth part.
export { createAuthService, type AuthService } from './service.js';
export { Directory, DEFAULT_ORG_NAME, type User, type Organisation, type Role, type NewUser, type UserChanges, type ActingAs } from './directory.js';
export { Credentials, type ApiToken, type LoginResult } from './credentials.js';
export { actorOf, can, type Principal } from './principal.js';
export { BUILTIN_ROLES, ROLE_NAMES, type RoleName } from './roles.js';
export { generatePassword, passwordProblem, MIN_PASSWORD_LENGTH } from './passwords.js';
export { authMigrations } from './migrations.js';
