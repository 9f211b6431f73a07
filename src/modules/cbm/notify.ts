// Mail to the points of contact of a consultation's recipient States: when it is sent, and as a reminder near its deadline.
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/audit/types.js';
import type { ContactData } from './contact-data.js';
import { deliverAll, publicBase } from './mailer.js';
import type { Mail } from './smtp.js';
import { cb } from './tables.js';

export type Notice = 'sent' | 'reminder';

export interface NoticeOutcome {
  /** Contacts written to. */
  contacts: number;
  emailed: number;
  failed: number;
}

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/**
 * Mails every current point of contact (policy and technical) of `states` about consultation `id`, each in the first of
 * its languages Vigil has text for. The mail names the sender, severity and TLP and carries the link only: the subject
 * and text stay behind the sign-in, whatever their marking. Never throws for delivery; audits the counts.
 */
export async function notifyStates(
  ctx: AppContext,
  id: string,
  states: readonly string[],
  notice: Notice,
  actor: Actor = SYSTEM_ACTOR,
  requestId?: string,
): Promise<NoticeOutcome> {
  const db = cb(ctx.db.kysely);
  const c = await db.selectFrom('cbm_consultations').select(['kind', 'from_state', 'severity', 'tlp', 'deadline_at']).where('id', '=', id).executeTakeFirst();
  if (!c || !states.length) return { contacts: 0, emailed: 0, failed: 0 };
  const contacts = await db
    .selectFrom('cbm_contacts')
    .select(['id', 'email', 'data'])
    .where('state', 'in', [...states])
    .where('removed', '=', 0)
    .orderBy('state')
    .orderBy('kind')
    .execute();
  const url = `${publicBase(ctx.config)}/cbm/consultations/${encodeURIComponent(id)}`;
  const mails: Mail[] = contacts.map((contact) => {
    const data = JSON.parse(contact.data) as ContactData;
    const tr = ctx.i18n.forLocale(data.languages.join(',') || undefined);
    const from = c.from_state === 'secretariat' ? tr.t('cbm.mail.from.secretariat') : c.from_state.toUpperCase();
    const params = { from, name: data.name, severity: c.severity, tlp: c.tlp.toUpperCase(), url };
    const kind = notice === 'reminder' ? 'reminder' : c.kind === 'broadcast' ? 'broadcast' : 'consultation';
    const deadline = c.deadline_at && c.kind === 'consultation' ? tr.t('cbm.mail.deadline', { deadline: when(c.deadline_at) }) : '';
    return { to: contact.email, subject: tr.t(`cbm.mail.${kind}.subject`, params), text: tr.t(`cbm.mail.${kind}.body`, params) + deadline };
  });
  const results = await deliverAll(ctx, mails);
  const outcome = {
    contacts: contacts.length,
    emailed: results.filter((r) => r.status === 'emailed').length,
    failed: results.filter((r) => r.status === 'failed').length,
  };
  for (const [i, r] of results.entries())
    if (r.status === 'failed') ctx.log.warn({ consultationId: id, contactId: contacts[i]!.id, err: r.error }, 'cbm: a consultation notice was not delivered');
  await ctx.audit.record(ctx.db.kysely, {
    action: `cbm.consultation.notify`,
    actor,
    target: { type: 'cbm-consultation', id },
    ...(requestId ? { requestId } : {}),
    details: { notice, states: [...states], ...outcome },
  });
  return outcome;
}
