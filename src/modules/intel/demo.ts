// Demo data of intel: an invented case with call records and a company registry extract imported through saved mappings, and a graded report.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import type { Caller } from './access.js';
import { createCase, setMember } from './cases.js';
import { importIntoCase } from './import/run.js';
import { saveMapping } from './mappings.js';
import { createReport } from './reports.js';
import { crossReference } from './xref.js';

export const DEMO_DIR = join(import.meta.dirname, '../../../src/modules/intel/demo');
export const DEMO_CASE = 'Operation Testfall';

export async function intelDemo(ctx: AppContext): Promise<string[]> {
  const operator: Caller = { actor: SYSTEM_ACTOR, operator: true, can: () => true };
  const c = await createCase(
    ctx,
    { name: DEMO_CASE, description: 'Invented: calls between invented people and an invented company registry extract' },
    operator,
  );
  const analyst = await ctx.auth.directory.findUser('analyst.demo');
  if (analyst) await setMember(ctx, c.id, { userId: analyst.id }, 'owner', operator);
  for (const name of ['calls', 'registry']) {
    const yaml = await readFile(join(DEMO_DIR, `${name}.yml`), 'utf8');
    const m = await saveMapping(ctx, { name: `demo-${name}`, yaml }, operator);
    await importIntoCase(ctx, c.id, { path: join(DEMO_DIR, `${name}.csv`), name: `${name}.csv`, format: 'csv', mapping: { yaml, name, id: m.id } }, operator);
  }
  await createReport(
    ctx,
    c.id,
    {
      reference: 'DEMO-INT-0001',
      scheme: 'uk-3x5x2',
      sourceGrade: '2',
      infoGrade: 'B',
      handling: 'P',
      text: 'An untested source reports that MAX MUSTERMANN and TESTPERSON ALPHA know each other from a car wash (invented).',
      entities: [{ id: 'demo-report-max', schema: 'Person', properties: { name: ['MAX MUSTERMANN'] } }],
      links: [],
    },
    operator,
  );
  await crossReference(ctx, c.id, operator, { lists: false });
  return analyst ? [`Intel: case "${DEMO_CASE}" (owner analyst.demo) with call records, a registry extract and pairs to review`] : [];
}
