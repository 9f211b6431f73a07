// The trust store: imports of CSCA certificates, master lists and CRLs (idempotent, audited, all or nothing), listings, and loadTrust.
import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/audit/types.js';
import type { AppContext } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/index.js';
import { summarize, type Cert, type Crl } from './certs.js';
import { planCrlImport, planCscaImport, type MasterListInfo } from './imports.js';
import { pa, type CscaRow, type CrlRow } from './tables.js';
import { trustFromDer, type TrustMaterial } from './trust.js';
import { verifyPassive } from './verify.js';
import type { ChipData, PaResult } from './types.js';

export interface CscaInfo {
  fingerprint: string;
  subject: string;
  issuer: string;
  country: string | null;
  serialNumber: string;
  keyId: string | null;
  notBefore: string;
  notAfter: string;
  key: string;
  source: 'certificate' | 'master-list';
  importedAt: string;
}

export interface CrlInfo {
  fingerprint: string;
  issuer: string;
  country: string | null;
  thisUpdate: string;
  nextUpdate: string | null;
  revoked: number;
  /** Subject of the trusted CSCA whose signature on the CRL checked, or null when none is trusted yet. */
  verifiedBy?: string | null;
  importedAt: string;
}

export interface CscaImportResult {
  source: 'certificate' | 'master-list';
  added: number;
  unchanged: number;
  certificates: CscaInfo[];
  warnings: string[];
  masterList: MasterListInfo | null;
}

export interface CrlImportResult {
  added: number;
  unchanged: number;
  crls: CrlInfo[];
  warnings: string[];
}

export interface ImportInput {
  bytes: Uint8Array;
  /** Shown in messages (a file name or `upload`). */
  file: string;
  actor: Actor;
  requestId?: string;
}

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const sha256 = (u: Uint8Array) => createHash('sha256').update(u).digest('hex');

const cscaInfo = (r: CscaRow): CscaInfo => ({
  fingerprint: r.fingerprint,
  subject: r.subject,
  issuer: r.issuer,
  country: r.country,
  serialNumber: r.serial,
  keyId: r.key_id,
  notBefore: r.not_before,
  notAfter: r.not_after,
  key: r.key,
  source: r.source,
  importedAt: r.imported_at,
});

const crlInfo = (r: CrlRow): CrlInfo => ({
  fingerprint: r.fingerprint,
  issuer: r.issuer,
  country: r.country,
  thisUpdate: r.this_update,
  nextUpdate: r.next_update,
  revoked: r.revoked,
  importedAt: r.imported_at,
});

function cscaRow(c: Cert, source: CscaRow['source'], sourceSha: string, at: string, by: string | null): CscaRow {
  return {
    fingerprint: c.fingerprint,
    der: b64(c.der),
    subject: c.subject.text,
    issuer: c.issuer.text,
    country: c.subject.country,
    serial: c.serial,
    key_id: c.ski,
    not_before: c.notBefore.toISOString(),
    not_after: c.notAfter.toISOString(),
    key: summarize(c).key,
    source,
    source_sha256: sourceSha,
    imported_at: at,
    imported_by: by,
  };
}

function crlRow(c: Crl, at: string, by: string | null): CrlRow {
  return {
    fingerprint: c.fingerprint,
    der: b64(c.der),
    issuer: c.issuer.text,
    country: c.issuer.country,
    this_update: c.thisUpdate.toISOString(),
    next_update: c.nextUpdate?.toISOString() ?? null,
    revoked: c.revoked.size,
    imported_at: at,
    imported_by: by,
  };
}

async function existing(exec: Executor, table: 'pa_cscas' | 'pa_crls', fps: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < fps.length; i += 500) {
    const rows = await pa(exec)
      .selectFrom(table)
      .select('fingerprint')
      .where('fingerprint', 'in', fps.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.fingerprint);
  }
  return found;
}

/** Imports CSCA certificates (DER/PEM/LDIF) or one ICAO master list. The same file again adds nothing. */
export async function importCscas(ctx: AppContext, input: ImportInput): Promise<CscaImportResult> {
  const at = ctx.clock.now();
  const sourceSha = sha256(input.bytes);
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, 'documents.trust');
    const plan = planCscaImport(input.bytes, input.file, await loadTrust(trx), at);
    const unique = [...new Map(plan.certs.map((c) => [c.fingerprint, c])).values()];
    const have = await existing(
      trx,
      'pa_cscas',
      unique.map((c) => c.fingerprint),
    );
    const rows = unique.map((c) => cscaRow(c, plan.source, sourceSha, at.toISOString(), input.actor.id));
    const fresh = rows.filter((r) => !have.has(r.fingerprint));
    for (let i = 0; i < fresh.length; i += 100)
      await pa(trx)
        .insertInto('pa_cscas')
        .values(fresh.slice(i, i + 100))
        .execute();
    await ctx.audit.record(trx, {
      action: 'documents.csca.import',
      actor: input.actor,
      target: { type: 'csca-file', id: sourceSha },
      requestId: input.requestId,
      details: {
        source: plan.source,
        added: fresh.length,
        unchanged: rows.length - fresh.length,
        skipped: plan.warnings.length,
        fingerprints: fresh.slice(0, 100).map((r) => r.fingerprint),
        ...(plan.masterList ? { masterListSignerTrusted: plan.masterList.signerTrusted } : {}),
      },
    });
    return {
      source: plan.source,
      added: fresh.length,
      unchanged: rows.length - fresh.length,
      certificates: rows.map(cscaInfo),
      warnings: plan.warnings,
      masterList: plan.masterList,
    };
  });
}

/** Imports CRLs (DER/PEM/LDIF); one signed by a trusted CSCA of its issuer's name must verify. The same file again adds nothing. */
export async function importCrls(ctx: AppContext, input: ImportInput): Promise<CrlImportResult> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (trx) => {
    await ctx.db.lockInTransaction(trx, 'documents.trust');
    const plan = planCrlImport(input.bytes, input.file, await loadTrust(trx));
    const unique = [...new Map(plan.crls.map((c) => [c.crl.fingerprint, c])).values()];
    const have = await existing(
      trx,
      'pa_crls',
      unique.map((c) => c.crl.fingerprint),
    );
    const rows = unique.map((c) => crlRow(c.crl, at.toISOString(), input.actor.id));
    const fresh = rows.filter((r) => !have.has(r.fingerprint));
    if (fresh.length) await pa(trx).insertInto('pa_crls').values(fresh).execute();
    await ctx.audit.record(trx, {
      action: 'documents.crl.import',
      actor: input.actor,
      target: { type: 'crl-file', id: sha256(input.bytes) },
      requestId: input.requestId,
      details: { added: fresh.length, unchanged: rows.length - fresh.length, fingerprints: fresh.slice(0, 100).map((r) => r.fingerprint) },
    });
    const crls = rows.map((r, i) => ({ ...crlInfo(r), verifiedBy: unique[i]!.issuer?.subject.text ?? null }));
    return { added: fresh.length, unchanged: rows.length - fresh.length, crls, warnings: plan.warnings };
  });
}

export async function listCscas(exec: Executor, filter: { country?: string } = {}): Promise<CscaInfo[]> {
  let q = pa(exec).selectFrom('pa_cscas').selectAll().orderBy('country').orderBy('subject').orderBy('not_before');
  if (filter.country) q = q.where('country', '=', filter.country.toUpperCase());
  return (await q.execute()).map(cscaInfo);
}

export async function listCrls(exec: Executor, filter: { country?: string } = {}): Promise<CrlInfo[]> {
  let q = pa(exec).selectFrom('pa_crls').selectAll().orderBy('country').orderBy('issuer').orderBy('this_update', 'desc');
  if (filter.country) q = q.where('country', '=', filter.country.toUpperCase());
  return (await q.execute()).map(crlInfo);
}

const cache = new WeakMap<object, { stamp: string; trust: TrustMaterial }>();

/** The trusted CSCAs and CRLs, parsed; cached per database handle until an import changes the store. */
export async function loadTrust(exec: Executor): Promise<TrustMaterial> {
  const k = pa(exec);
  const stampOf = async (table: 'pa_cscas' | 'pa_crls') => {
    const r = await k
      .selectFrom(table)
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('imported_at').as('last')])
      .executeTakeFirst();
    return `${Number(r?.n ?? 0)}@${r?.last ?? ''}`;
  };
  const stamp = `${await stampOf('pa_cscas')}/${await stampOf('pa_crls')}`;
  const hit = cache.get(exec);
  if (hit?.stamp === stamp) return hit.trust;
  const cscas = await k.selectFrom('pa_cscas').select('der').orderBy('fingerprint').execute();
  const crls = await k.selectFrom('pa_crls').select('der').orderBy('fingerprint').execute();
  const trust = trustFromDer(
    cscas.map((r) => new Uint8Array(Buffer.from(r.der, 'base64'))),
    crls.map((r) => new Uint8Array(Buffer.from(r.der, 'base64'))),
  );
  cache.set(exec, { stamp, trust });
  return trust;
}

/** Passive authentication against the trust store: what the document check calls. */
export async function verifyWithStore(exec: Executor, chip: ChipData, printedMrz: string[] | null, at: Date): Promise<PaResult> {
  return verifyPassive(chip, await loadTrust(exec), printedMrz, at);
}
