// HTTP routes of the trust store: list CSCAs and CRLs, import CSCA certificates or a master list, import CRLs (raw file as the body).
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../platform/context.js';
import type { HttpApp } from '../../../platform/http/types.js';
import { actorOf } from '../../../platform/auth/index.js';
import { invalid } from '../../../platform/errors.js';
import { DOCUMENTS_MANAGE, DOCUMENTS_READ } from '../permissions.js';
import { importCrls, importCscas, listCrls, listCscas } from './store.js';

const tags = ['documents'];
/** Content types a trust-store file may be sent with (DER, PEM, CMS master list, PKD LDIF). */
const FILE_TYPES = [
  'application/octet-stream',
  'application/pkix-cert',
  'application/pkix-crl',
  'application/x-x509-ca-cert',
  'application/x-pem-file',
  'application/pkcs7-mime',
  'application/cms',
  'text/plain',
  'text/directory',
];
const MAX_UPLOAD = 32 * 1024 * 1024;

const Csca = z.object({
  fingerprint: z.string(),
  subject: z.string(),
  issuer: z.string(),
  country: z.string().nullable(),
  serialNumber: z.string(),
  keyId: z.string().nullable(),
  notBefore: z.string(),
  notAfter: z.string(),
  key: z.string(),
  source: z.enum(['certificate', 'master-list']),
  importedAt: z.string(),
});
const Crl = z.object({
  fingerprint: z.string(),
  issuer: z.string(),
  country: z.string().nullable(),
  thisUpdate: z.string(),
  nextUpdate: z.string().nullable(),
  revoked: z.number(),
  verifiedBy: z.string().nullable().optional(),
  importedAt: z.string(),
});
const CscaImport = z.object({
  source: z.enum(['certificate', 'master-list']),
  added: z.number(),
  unchanged: z.number(),
  certificates: z.array(Csca),
  warnings: z.array(z.string()),
  masterList: z.object({ signer: z.string(), signerTrusted: z.boolean(), certificates: z.number() }).nullable(),
});
const CrlImport = z.object({ added: z.number(), unchanged: z.number(), crls: z.array(Crl), warnings: z.array(z.string()) });
const Country = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter country code')
    .optional(),
});

export async function paRoutes(app: HttpApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api/documents/csca',
    {
      schema: {
        tags,
        summary: 'Trusted CSCA certificates (passive authentication), by country',
        querystring: Country,
        response: { 200: z.object({ items: z.array(Csca) }) },
      },
      config: { permission: DOCUMENTS_READ },
    },
    async (req) => ({ items: await listCscas(ctx.db.kysely, req.query) }),
  );

  app.get(
    '/api/documents/crl',
    {
      schema: { tags, summary: 'Imported CRLs of CSCAs, newest first per issuer', querystring: Country, response: { 200: z.object({ items: z.array(Crl) }) } },
      config: { permission: DOCUMENTS_READ },
    },
    async (req) => ({ items: await listCrls(ctx.db.kysely, req.query) }),
  );

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_req, body, done) => done(null, body));
    const file = (body: unknown): Uint8Array => {
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw invalid('body', `send the file as the body, with content type ${FILE_TYPES.slice(0, 3).join(', ')} …`);
      return new Uint8Array(body);
    };
    scope.post(
      '/api/documents/csca',
      {
        schema: {
          tags,
          summary: 'Import CSCA certificates (DER, PEM, PKD LDIF) or one ICAO master list (CMS); the same file again adds nothing',
          description: 'A master list signature is verified; when no trusted CSCA issued its signer, the list is imported with a warning.',
          response: { 200: CscaImport },
        },
        config: { permission: DOCUMENTS_MANAGE },
        bodyLimit: MAX_UPLOAD,
      },
      async (req) => importCscas(ctx, { bytes: file(req.body), file: 'upload', actor: actorOf(req.principal), requestId: req.id }),
    );
    scope.post(
      '/api/documents/crl',
      {
        schema: { tags, summary: 'Import CRLs of CSCAs (DER, PEM, PKD LDIF); the same file again adds nothing', response: { 200: CrlImport } },
        config: { permission: DOCUMENTS_MANAGE },
        bodyLimit: MAX_UPLOAD,
      },
      async (req) => importCrls(ctx, { bytes: file(req.body), file: 'upload', actor: actorOf(req.principal), requestId: req.id }),
    );
  });
}
