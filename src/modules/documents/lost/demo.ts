// Demo data of the registry: invented documents, a few reported stolen, and MRZs to paste on the check screen.
import type { AppContext } from '../../../platform/context.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/types.js';
import { importReports } from './import.js';
import { textInput } from './input.js';

/** Machine-readable zones of invented passports (ICAO specimen state UTO, and one of the demo national list's invented people). */
export const DEMO_MRZ = {
  /** John Specimen's passport X00481527, reported stolen. */
  stolen: ['P<UTOSPECIMEN<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<', 'X004815272UTO8002295M3309173<<<<<<<<<<<<<<00'],
  /** The same passport with its number misread (O for 0): the check digit fails, a corrected reading is offered, the registry answers fuzzy. */
  misread: ['P<UTOSPECIMEN<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<', 'X0O4815272UTO8002295M3309173<<<<<<<<<<<<<<00'],
  /** Erika Musterfrau's (invented) German passport: not reported, holder on no list. */
  clear: ['P<D<<MUSTERFRAU<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', 'C7X2K9M418D<<8508122F3401217<<<<<<<<<<<<<<04'],
  /** Testperson Quuxley's passport: not reported, but the holder is on the demo national list. */
  listedHolder: ['P<RUSQUUXLEY<<TESTPERSON<<<<<<<<<<<<<<<<<<<<', 'X702193445RUS7103140M3105021<<<<<<<<<<<<<<02'],
} as const;

/** Invented reports: specimen-state and real-state numbers that belong to no real document. */
export const DEMO_REPORTS = `issuingCountry,documentType,documentNumber,status,reportedOn
UTO,P,X00481527,stolen,2025-11-02
UTO,P,X00481528,stolen,2025-11-02
UTO,P,X00481529,stolen-blank,2025-11-02
UTO,ID,L1234567,lost,2025-06-14
UTO,P,00ZB71234,revoked,2024-12-01
D,P,C4X7Y0T21,stolen,2025-09-30
DEU,ID,L01X00T47,lost,2025-03-11
FRA,P,18AV00001,stolen,2025-01-20
fr,ID,X4RTBPFW4,lost,2024-08-08
GBR,P,000000001,invalidated,2023-05-05
ITA,P,YA0000001,lost,2025-07-07
NLD,P,SPECI2014,stolen,2024-10-10
ESP,ID,99999999R,lost,2025-02-28
AT,P,P1234567,revoked,2024-04-04
XXA,P,XA0000042,lost,2025-05-05
`;

export async function lostDemo(ctx: AppContext): Promise<string[]> {
  const r = await importReports(ctx, { ...textInput(DEMO_REPORTS, 'demo-reports.csv'), actor: SYSTEM_ACTOR });
  return [
    `Lost and stolen registry: version ${r.version} with ${r.total} invented reports.`,
    'Document check: paste this MRZ of a stolen passport on Documents → Check:',
    `  ${DEMO_MRZ.stolen[0]}`,
    `  ${DEMO_MRZ.stolen[1]}`,
    `  or from the command line: vigil documents check --mrz ${DEMO_MRZ.stolen.map((l) => `'${l}'`).join(' ')}`,
  ];
}
