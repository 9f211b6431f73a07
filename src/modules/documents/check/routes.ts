// HTTP route of the document check: POST /api/documents/check with the MRZ (and chip data), answering the verdict with its reasons.
import type { AppContext } from '../../../platform/context.js';
import type { HttpApp } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/principal.js';
import { DOCUMENTS_CHECK } from '../permissions.js';
import { checkDocument } from './check.js';
import { chipFromJson } from './chip.js';
import { CheckBody, CheckResult } from './schemas.js';

export function checkRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    '/api/documents/check',
    {
      schema: {
        tags: ['documents'],
        summary:
          'Check a travel document: MRZ validity and expiry, lost and stolen registry, holder screening, chip (when given); verdict clear, attention or stop with its reasons (audited, ids only)',
        body: CheckBody,
        response: { 200: CheckResult },
      },
      config: { permission: DOCUMENTS_CHECK },
    },
    async (req) => {
      const chip = req.body.chip === undefined || req.body.chip === null ? null : chipFromJson(req.body.chip);
      return checkDocument(ctx, { mrz: req.body.mrz, chip }, actorOf(req.principal), { requestId: req.id });
    },
  );
}
