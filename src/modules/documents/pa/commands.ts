// CLI of the trust store: `vigil documents csca import|ls` and `vigil documents crl import|ls`; exit 1 for a rejected file.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT, type CliContext } from '../../../platform/cli/context.js';
import { documentsNoun } from '../lost/commands.js';
import { MAX_TRUST_FILE } from './files.js';
import { importCrls, importCscas, listCrls, listCscas, type CrlImportResult, type CscaImportResult } from './store.js';

async function readInput(file: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(EXIT.usage, `${file} is not a file`);
    if (info.size > MAX_TRUST_FILE) throw new CliError(EXIT.rejected, `${file} is ${info.size} bytes, more than the ${MAX_TRUST_FILE} accepted`);
    return new Uint8Array(await readFile(file));
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(EXIT.notFound, `${file} does not exist`);
    throw new CliError(EXIT.rejected, `cannot read ${file}: ${(e as Error).message}`);
  }
}

const country = (v: string) => {
  if (!/^[A-Za-z]{2}$/.test(v)) throw new CliError(EXIT.usage, `"${v}" is not a two-letter country code`);
  return v.toUpperCase();
};

const describeCsca = (r: CscaImportResult) =>
  `${r.source === 'master-list' ? `Master list signed by ${r.masterList!.signer}${r.masterList!.signerTrusted ? ' (trusted)' : ' (signer not trusted)'}: ` : ''}${r.added} CSCA certificates added, ${r.unchanged} already trusted.`;
const describeCrl = (r: CrlImportResult) => `${r.added} CRLs added, ${r.unchanged} already known.`;

export function paCommands(program: Command, cli: CliContext): void {
  const { out } = cli;
  const documents = documentsNoun(program);
  const csca = documents.command('csca').description('Trusted CSCA certificates for ePassport passive authentication');
  const crl = documents.command('crl').description('CRLs of the trusted CSCAs');

  csca
    .command('import')
    .description('Import CSCA certificates (DER, PEM, PKD LDIF) or an ICAO master list; the same file again adds nothing')
    .argument('<file>', 'certificate, PEM bundle, LDIF or master list (.ml)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      const bytes = await readInput(file);
      const ctx = await cli.app();
      const r = await importCscas(ctx, { bytes, file: basename(file), actor: cli.actor });
      if (opts.json) return out.json(r);
      for (const w of r.warnings) out.info(`warning: ${w}`);
      out.line(describeCsca(r));
    });

  csca
    .command('ls')
    .description('List trusted CSCA certificates')
    .option('--country <cc>', 'only this country (two letters)', country)
    .option('--json', 'machine-readable output')
    .action(async (opts: { country?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const items = await listCscas(ctx.db.kysely, { country: opts.country });
      if (opts.json) return out.json({ items });
      if (!items.length) return out.info('No CSCA certificates trusted yet: import some with `vigil documents csca import FILE`.');
      out.table(
        items.map((c) => ({
          country: c.country ?? '',
          subject: c.subject,
          notAfter: c.notAfter.slice(0, 10),
          key: c.key,
          fingerprint: c.fingerprint.slice(0, 16),
        })),
        ['country', 'subject', 'notAfter', 'key', 'fingerprint'],
      );
    });

  crl
    .command('import')
    .description('Import CRLs (DER, PEM, PKD LDIF); a CRL of a trusted CSCA must carry its valid signature')
    .argument('<file>', 'CRL file')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      const bytes = await readInput(file);
      const ctx = await cli.app();
      const r = await importCrls(ctx, { bytes, file: basename(file), actor: cli.actor });
      if (opts.json) return out.json(r);
      for (const w of r.warnings) out.info(`warning: ${w}`);
      out.line(describeCrl(r));
    });

  crl
    .command('ls')
    .description('List imported CRLs')
    .option('--country <cc>', 'only this country (two letters)', country)
    .option('--json', 'machine-readable output')
    .action(async (opts: { country?: string; json?: boolean }) => {
      const ctx = await cli.app();
      const items = await listCrls(ctx.db.kysely, { country: opts.country });
      if (opts.json) return out.json({ items });
      if (!items.length) return out.info('No CRLs imported yet: import some with `vigil documents crl import FILE`.');
      out.table(
        items.map((c) => ({
          country: c.country ?? '',
          issuer: c.issuer,
          thisUpdate: c.thisUpdate.slice(0, 10),
          nextUpdate: c.nextUpdate?.slice(0, 10) ?? '',
          revoked: c.revoked,
        })),
        ['country', 'issuer', 'thisUpdate', 'nextUpdate', 'revoked'],
      );
    });
}
