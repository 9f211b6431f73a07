// Demo data of the cbm module: four invented State organisations, a user each, invented points of contact, a consultation and submissions.
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { generatePassword } from '../../platform/auth/index.js';
import type { Caller } from './access.js';
import type { ContactInput } from './contact-data.js';
import { importContacts } from './contacts.js';
import { createConsultation } from './consultations.js';
import { submit } from './submissions.js';
import { cb } from './tables.js';

const STATES = [
  { state: 'at', org: 'Demo State Contact Point Austria', user: 'cbm-at.demo', name: 'Demo Diplomat Aurelius' },
  { state: 'fi', org: 'Demo State Contact Point Finland', user: 'cbm-fi.demo', name: 'Demo Diplomat Fennimore' },
  { state: 'pt', org: 'Demo State Contact Point Portugal', user: 'cbm-pt.demo', name: 'Demo Diplomat Portwine' },
  { state: 'ro', org: 'Demo State Contact Point Romania', user: 'cbm-ro.demo', name: 'Demo Diplomat Rosewater' },
] as const;

const PEOPLE: Record<string, [string, string]> = {
  at: ['ERIKA MUSTERFRAU', 'MAX MUSTERMANN'],
  fi: ['Testperson Alpha', 'Testperson Beta'],
  pt: ['JOHN SPECIMEN', 'JANE SPECIMEN'],
  ro: ['Testperson Gamma', 'Testperson Delta'],
};

function contacts(): ContactInput[] {
  return STATES.flatMap(({ state }) => {
    const [policy, technical] = PEOPLE[state]!;
    const domain = `${state}.example.org`;
    return [
      {
        state,
        kind: 'policy' as const,
        organisation: `Demo Ministry of Foreign Affairs (${state.toUpperCase()})`,
        role: 'Cyber diplomacy desk',
        name: policy,
        email: `policy-poc@mfa.${domain}`,
        phone: '+00 000 0000 001',
        channels: [{ type: 'phone', value: '+00 000 0000 100', hours: 'Mo-Fr 08-18' }],
        alternates: [{ name: 'Testperson Alternate', email: `alternate@mfa.${domain}`, phone: null }],
        languages: ['en', state === 'at' ? 'de' : state],
        timeZone: 'Europe/Vienna',
        pgpKey: null,
      },
      {
        state,
        kind: 'technical' as const,
        organisation: `Demo National CERT (${state.toUpperCase()})`,
        role: 'Duty officer',
        name: technical,
        email: `duty@cert.${domain}`,
        phone: '+00 000 0000 002',
        channels: [
          { type: 'phone', value: '+00 000 0000 200', hours: '24/7' },
          { type: 'email', value: `incident@cert.${domain}`, hours: '24/7' },
        ],
        alternates: [],
        languages: ['en'],
        timeZone: 'UTC',
        pgpKey: null,
      },
    ];
  });
}

export async function cbmDemo(ctx: AppContext): Promise<string[]> {
  if (await cb(ctx.db.kysely).selectFrom('cbm_contacts').select('id').limit(1).executeTakeFirst()) return [];
  const d = ctx.auth.directory;
  const by = { actor: SYSTEM_ACTOR };
  const password = ctx.config.adminPassword ?? generatePassword();
  const users: string[] = [];
  for (const s of STATES) {
    const org = (await d.findOrgByName(s.org)) ?? (await d.createOrg({ name: s.org, kind: 'agency', country: s.state }, by));
    if (!(await d.findUser(s.user))) {
      await d.createUser({ username: s.user, displayName: s.name, orgId: org.id, roles: ['analyst'], password }, by);
      users.push(s.user);
    }
  }
  const secretariat: Caller = { actor: SYSTEM_ACTOR, state: null, secretariat: true };
  await importContacts(ctx, contacts(), secretariat);
  const at: Caller = { actor: SYSTEM_ACTOR, state: 'at', secretariat: false };
  await createConsultation(
    ctx,
    {
      kind: 'consultation',
      to: ['fi'],
      subject: 'Demo: scanning from address space attributed to your State',
      body: 'Demo consultation (invented). Our CERT observed scanning of government networks from address space registered in your State. Could you confirm whether you are aware of it?',
      severity: 'medium',
      tlp: 'amber',
      deadlineAt: new Date(ctx.clock.now().getTime() + 3 * 86_400_000).toISOString(),
      send: true,
    },
    at,
  );
  await submit(
    ctx,
    {
      cbm: 7,
      title: 'Demo national cyber security strategy (invented)',
      body: 'An invented summary of a national strategy, for the demo.',
      language: 'en',
      visibility: 'network',
      state: 'at',
    },
    secretariat,
  );
  await submit(
    ctx,
    {
      cbm: 16,
      title: 'Demo vulnerability disclosure policy (invented)',
      body: 'An invented coordinated vulnerability disclosure policy.',
      language: 'en',
      visibility: 'network',
      state: 'fi',
    },
    secretariat,
  );
  return users.length
    ? [
        `CBM demo: States at, fi, pt, ro with invented points of contact; users ${users.join(', ')} share the password ${ctx.config.adminPassword ? 'given in VIGIL_ADMIN_PASSWORD' : `${password} (shown only now)`}.`,
      ]
    : [];
}
