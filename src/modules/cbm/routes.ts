// All HTTP routes of the cbm module.
import type { AppContext } from '../../platform/context.js';
import type { HttpApp } from '../../platform/http/types.js';
import { answerRoutes } from './routes-answer.js';
import { checkRoutes } from './routes-checks.js';
import { consultationRoutes } from './routes-consultations.js';
import { contactRoutes } from './routes-contacts.js';
import { submissionRoutes } from './routes-submissions.js';

export function cbmRoutes(app: HttpApp, ctx: AppContext): void {
  contactRoutes(app, ctx);
  checkRoutes(app, ctx);
  consultationRoutes(app, ctx);
  submissionRoutes(app, ctx);
  answerRoutes(app, ctx);
}
