// Intel imports and cross-referencing on the embedded default: a generated call-records CSV imported into a case, then xref within it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { openRuntime } from '../src/platform/runtime.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/types.js';
import { MODULES } from '../src/modules.js';
import type { Caller } from '../src/modules/intel/access.js';
import { createCase } from '../src/modules/intel/cases.js';
import { resolvedEntities } from '../src/modules/intel/entities.js';
import { importIntoCase, readForImport } from '../src/modules/intel/import/run.js';
import { crossReference } from '../src/modules/intel/xref.js';
import { DEMO_DIR } from '../src/modules/intel/demo.js';
import { memoryMb, report, scaled, timeBatch, type Row } from './harness.js';

const GIVEN = ['ERIKA', 'JOHN', 'MAX', 'ANNA', 'PETER', 'MARIA', 'LUKAS', 'SOFIA', 'JONAS', 'LENA', 'FELIX', 'EMMA', 'PAUL', 'MIA', 'ELIAS', 'HANNA'];
const FAMILY = ['MUSTERFRAU', 'SPECIMEN', 'MUSTERMANN', 'TESTPERSON', 'BEISPIEL', 'PROBE', 'MODELL', 'VORLAGE', 'MUSTER', 'EXEMPEL', 'SCHABLONE', 'ENTWURF'];

/** Call records among `people` invented people; one in five rows writes a name in title case (the same person, a pair to propose). */
function callRecords(rows: number, people: number): string {
  let seed = 7;
  const r = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const name = (p: number) =>
    `${GIVEN[p % GIVEN.length]} ${FAMILY[Math.floor(p / GIVEN.length) % FAMILY.length]} ${String.fromCharCode(65 + (Math.floor(p / 192) % 26))}${Math.floor(p / 4992)}`;
  const shown = (p: number) => (r() < 0.2 ? name(p).replace(/\B\w+/g, (w) => w.toLowerCase()) : name(p));
  const lines = ['call_id,date,caller_name,caller_phone,receiver_name,receiver_phone,duration_s'];
  for (let i = 0; i < rows; i++) {
    const a = Math.floor(r() * people);
    const b = Math.floor(r() * people);
    lines.push(
      `C-${i},2026-09-${String(1 + (i % 28)).padStart(2, '0')},${shown(a)},+43 660 ${String(a).padStart(7, '0')},${shown(b)},+43 660 ${String(b).padStart(7, '0')},${i % 600}`,
    );
  }
  return lines.join('\n') + '\n';
}

export async function intelXrefBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-intel-'));
  const config = loadConfig({ VIGIL_DATA_DIR: dir, VIGIL_LOG_LEVEL: 'silent' });
  const runtime = await openRuntime(config, MODULES, { log: createLogger('silent') });
  const ctx = runtime.ctx;
  const operator: Caller = { actor: SYSTEM_ACTOR, operator: true, can: () => true };
  try {
    const rows = scaled(100_000, 200);
    const people = Math.max(50, Math.round(rows / 5));
    const csv = join(dir, 'calls.csv');
    writeFileSync(csv, callRecords(rows, people));
    const yaml = readFileSync(join(DEMO_DIR, 'calls.yml'), 'utf8');
    const input = { path: csv, name: 'calls.csv', format: 'csv' as const, mapping: { yaml, name: 'calls.yml' } };
    const c = await createCase(ctx, { name: 'Bench case' }, operator);

    const out: Row[] = [];
    let entities = 0;
    out.push(await timeBatch('read + map rows (no writes)', rows, async () => (entities = (await readForImport(input)).entities.size)));
    out.push({ ...(await timeBatch('import: read, map, one transaction', rows, () => importIntoCase(ctx, c.id, input, operator))), baseline: out[0]!.name });
    let loaded = 0;
    out.push(await timeBatch('load resolved entities', entities, async () => (loaded = (await resolvedEntities(ctx.db.kysely, c.id)).size)));
    let proposed = 0;
    const xref = await timeBatch('xref within the case (index, screen, store pairs)', entities, async () => {
      proposed = (await crossReference(ctx, c.id, operator, { lists: false })).proposed;
    });
    out.push({ ...xref, baseline: out[2]!.name });
    report(
      `Intel import and cross-referencing: ${rows} call rows, ${entities} entities (${people} people), ${proposed} pairs proposed; rss ${memoryMb()} MB`,
      out,
    );
    console.log(
      `xref of ${loaded} entities took ${xref.seconds.toFixed(1)} s. Against the lists each entity is one screening of the list index: see \`npm run bench -- screening\` (screens/s on 1,000,000 names) for that part of the 2-minute target.`,
    );
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
