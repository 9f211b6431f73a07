// Built-in roles. A role is only a named set of permissions; modules grant theirs in their descriptors.
export const BUILTIN_ROLES = {
  admin: 'Administers users, organisations, roles and tokens',
  supervisor: 'Oversees analysts and officers; second person on four-eyes decisions',
  analyst: 'Analyses data and reviews alerts',
  officer: 'Front-line checks, e.g. at a border crossing point',
  auditor: 'Reads and exports the audit trail',
  dpo: 'Data protection officer: oversight of personal data processing',
  carrier: 'Airline or other data provider: machine accounts that push passenger messages',
  partner: 'Partner agency: machine accounts that exchange threat information over TAXII',
} as const;

export type RoleName = keyof typeof BUILTIN_ROLES;
export const ROLE_NAMES = Object.keys(BUILTIN_ROLES) as RoleName[];
