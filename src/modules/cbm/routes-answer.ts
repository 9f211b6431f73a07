// The page of a communication check's one-time link: GET shows a button (no JavaScript), its POST records the answer once.
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { answerByToken, hashToken, type AnswerOutcome } from './rounds.js';
import { cb } from './tables.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escape(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #0b5394;background:#0b5394;color:#fff;cursor:pointer}
p.note{padding:.8rem;border-radius:6px;background:#eef4fb}</style></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>
`;
}

const Params = z.object({ token: z.string().max(200) });

export function answerRoutes(app: HttpApp, ctx: AppContext): void {
  void app.register(async (scope) => {
    // A form post from a mail client's browser: the body is ignored (the token in the URL is the credential).
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));

    const tr = (req: FastifyRequest) => ctx.i18n.forLocale(req.headers['accept-language']);
    const send = (reply: FastifyReply, status: number, html: string) =>
      reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html);
    const answerStatus: Record<AnswerOutcome, number> = { answered: 200, 'already-answered': 409, expired: 410, unknown: 404 };
    const message = (t: ReturnType<typeof tr>, outcome: AnswerOutcome, at?: string) =>
      t.t({ answered: 'cbm.answer.done', 'already-answered': 'cbm.answer.already', expired: 'cbm.answer.expired', unknown: 'cbm.answer.unknown' }[outcome], {
        at: (at ?? '').replace('T', ' ').slice(0, 19),
      });

    scope.get('/cbm/answer/:token', { schema: { hide: true, params: Params } }, async (req, reply) => {
      const t = tr(req);
      const token = (req.params as { token: string }).token;
      const m = /^[A-Za-z0-9_-]{20,100}$/.test(token)
        ? await cb(ctx.db.kysely)
            .selectFrom('cbm_round_messages')
            .select(['answered_at', 'expires_at'])
            .where('token_hash', '=', hashToken(token))
            .executeTakeFirst()
        : undefined;
      const outcome: AnswerOutcome | undefined = !m
        ? 'unknown'
        : m.answered_at
          ? 'already-answered'
          : m.expires_at <= ctx.clock.now().toISOString()
            ? 'expired'
            : undefined;
      if (outcome)
        return send(
          reply,
          answerStatus[outcome],
          page(t.locale, t.t('cbm.answer.title'), `<p class="note">${escape(message(t, outcome, m?.answered_at ?? undefined))}</p>`),
        );
      const form = `<p>${escape(t.t('cbm.answer.intro'))}</p><form method="post" action="${escape(encodeURIComponent(token))}"><input type="hidden" name="answer" value="received"><button type="submit">${escape(t.t('cbm.answer.button'))}</button></form>`;
      return send(reply, 200, page(t.locale, t.t('cbm.answer.title'), form));
    });

    scope.post('/cbm/answer/:token', { schema: { hide: true, params: Params }, bodyLimit: 1024 }, async (req, reply) => {
      const t = tr(req);
      const r = await answerByToken(ctx, (req.params as { token: string }).token, req.id);
      return send(reply, answerStatus[r.outcome], page(t.locale, t.t('cbm.answer.title'), `<p class="note">${escape(message(t, r.outcome, r.at))}</p>`));
    });
  });
}
