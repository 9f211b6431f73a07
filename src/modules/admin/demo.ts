// Demo organisations and users: clearly invented, one user per role, sharing one generated password.
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { generatePassword } from '../../platform/auth/index.js';

const ORGS = [
  { name: 'Demo Border Police', country: null },
  { name: 'Demo Financial Intelligence Unit', country: null },
  { name: 'Demo National CERT', country: null },
  { name: 'Demo Criminal Intelligence Service', country: null },
] as const;

const USERS = [
  { username: 'officer.demo', displayName: 'Demo Officer Ostrander', org: 0, roles: ['officer'] },
  { username: 'analyst.demo', displayName: 'Demo Analyst Quillfeather', org: 1, roles: ['analyst'] },
  { username: 'supervisor.demo', displayName: 'Demo Supervisor Marchbanks', org: 0, roles: ['supervisor'] },
  { username: 'cyber.demo', displayName: 'Demo Contact Pemberton', org: 2, roles: ['analyst'] },
  { username: 'auditor.demo', displayName: 'Demo Auditor Fairweather', org: 3, roles: ['auditor'] },
  { username: 'dpo.demo', displayName: 'Demo Protection Officer Lindqvist', org: 3, roles: ['dpo'] },
] as const;

export async function adminDemo(ctx: AppContext): Promise<string[]> {
  const d = ctx.auth.directory;
  const by = { actor: SYSTEM_ACTOR };
  const orgIds: string[] = [];
  for (const o of ORGS) orgIds.push(((await d.findOrgByName(o.name)) ?? (await d.createOrg({ name: o.name, kind: 'agency', country: o.country }, by))).id);
  const password = ctx.config.adminPassword ?? generatePassword();
  const created: string[] = [];
  for (const u of USERS) {
    if (await d.findUser(u.username)) continue;
    await d.createUser({ username: u.username, displayName: u.displayName, orgId: orgIds[u.org], roles: u.roles, password }, by);
    created.push(u.username);
  }
  if (!created.length) return [];
  return [
    `Demo users ${created.join(', ')} share the password ${ctx.config.adminPassword ? 'given in VIGIL_ADMIN_PASSWORD' : `${password} (shown only now)`}.`,
  ];
}
