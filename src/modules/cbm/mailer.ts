// Outgoing mail of the module through VIGIL_SMTP_URL, and the public base URL links in mail point to.
import type { Config } from '../../platform/config.js';
import type { AppContext } from '../../platform/context.js';
import { SmtpSession, type Mail } from './smtp.js';

export type Delivery = { status: 'emailed' } | { status: 'failed'; error: string } | { status: 'web' };

/** `VIGIL_PUBLIC_URL`, else http://<host>:<port> of this server. */
export function publicBase(config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

/** Sends each mail; without VIGIL_SMTP_URL every message stays in the web workbench only (`web`). Never throws. */
export async function deliverAll(ctx: Pick<AppContext, 'config' | 'clock' | 'log'>, mails: readonly Mail[]): Promise<Delivery[]> {
  const url = ctx.config.smtpUrl;
  if (!url || mails.length === 0) return mails.map(() => ({ status: 'web' }));
  let session: SmtpSession;
  try {
    session = await SmtpSession.open(url);
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message }, 'cbm: the SMTP server cannot be reached');
    return mails.map(() => ({ status: 'failed', error: `SMTP server unreachable: ${(err as Error).message}` }));
  }
  const out: Delivery[] = [];
  try {
    for (const m of mails) {
      try {
        await session.send(ctx.config.smtpFrom, m, ctx.clock.now());
        out.push({ status: 'emailed' });
      } catch (err) {
        out.push({ status: 'failed', error: (err as Error).message.slice(0, 300) });
      }
    }
  } finally {
    await session.close();
  }
  return out;
}
