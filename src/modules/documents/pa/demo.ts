// Demo data of passive authentication: an invented Utopian CSCA and CRL in the trust store, and chip files of an invented passport.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../../platform/context.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { generateMrz } from '../../../core/mrz/index.js';
import { importCrls, importCscas } from './store.js';

/** The printed MRZ of the demo chip: Erika Specimen's invented passport of the specimen state Utopia. */
export const DEMO_CHIP_MRZ: readonly string[] = generateMrz({
  format: 'TD3',
  issuingState: 'UTO',
  nationality: 'UTO',
  documentNumber: 'U7C4R1P09',
  lastName: 'SPECIMEN',
  firstNames: 'ERIKA',
  birthDate: '1985-08-12',
  sex: 'F',
  expiryDate: '2034-01-21',
});

/** Writes chip files as a reader would dump them (EF.SOD, DG1.bin, DG2.bin). */
async function writeChip(dir: string, files: Record<string, Uint8Array>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, data] of Object.entries(files)) await writeFile(join(dir, name), data);
}

export async function paDemo(ctx: AppContext): Promise<string[]> {
  // Loaded here: the test PKI (pkijs) is not needed by a server that never loads the demo.
  const { buildTestPassport } = await import('./test-pki.js');
  const p = buildTestPassport({ mrz: DEMO_CHIP_MRZ, cscaKey: 'brainpoolP256r1', issuedAt: ctx.clock.now() });
  await importCscas(ctx, { bytes: p.csca.der, file: 'demo-csca-ut.der', actor: SYSTEM_ACTOR });
  await importCrls(ctx, { bytes: p.crl, file: 'demo-csca-ut.crl', actor: SYSTEM_ACTOR });
  const good = join(ctx.config.dataDir, 'demo', 'chip-utopia');
  const altered = join(ctx.config.dataDir, 'demo', 'chip-utopia-altered');
  const dg2 = Uint8Array.from(p.chip.dataGroups.get(2)!);
  dg2[dg2.length - 1] = dg2[dg2.length - 1]! ^ 0x01; // a swapped photo, as far as the hash can tell
  await writeChip(good, { 'EF.SOD': p.chip.sod, 'DG1.bin': p.chip.dataGroups.get(1)!, 'DG2.bin': p.chip.dataGroups.get(2)! });
  await writeChip(altered, { 'EF.SOD': p.chip.sod, 'DG1.bin': p.chip.dataGroups.get(1)!, 'DG2.bin': dg2 });
  const mrz = DEMO_CHIP_MRZ.map((l) => `'${l}'`).join(' ');
  return [
    'Trust store: an invented CSCA of Utopia (C=UT, brainpoolP256r1) and its CRL.',
    `Chip check: vigil documents check --mrz ${mrz} --chip ${good}`,
    `  the same chip with its DG2 altered: --chip ${altered}`,
  ];
}
