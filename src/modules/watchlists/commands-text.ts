// Human-readable output of the lists commands (the --json forms print the structures themselves).
import type { CliOutput } from '../../platform/cli/context.js';
import type { ImportResult } from './import.js';
import type { EntityView } from './entity-view.js';

const n = (x: number) => x.toLocaleString('en');

export function describeImport(r: ImportResult): string {
  const counts = Object.entries(r.counts)
    .map(([schema, c]) => `${n(c)} ${schema}`)
    .join(', ');
  if (r.status === 'unchanged')
    return `List ${r.list}: the same inputs as version ${r.version}; nothing imported (active version ${r.activeVersion ?? 'none'}).`;
  const rows = `${n(r.rows.added)} new, ${n(r.rows.changed)} changed, ${n(r.rows.removed)} removed, ${n(r.rows.unchanged)} unchanged entities`;
  const active = r.activated ? 'now active' : `not active (active: ${r.activeVersion ?? 'none'}; run vigil lists activate ${r.list} ${r.version})`;
  return `List ${r.list} version ${r.version} (${active}): ${n(r.total)} listed (${counts || 'none'}) and ${n(r.auxiliaries)} auxiliary entities; ${rows}.`;
}

export function printView(out: CliOutput, v: EntityView): void {
  out.line(`${v.entity.caption}  (${v.entity.schema} ${v.entity.id}, list ${v.list} version ${v.version})`);
  for (const [prop, values] of Object.entries(v.entity.properties)) out.line(`  ${prop}: ${values.join(' | ')}`);
  out.line('Lists:');
  for (const l of v.lists)
    out.line(
      `  ${l.name} (${l.title}): versions ${l.firstVersion}–${l.lastVersion ?? 'current'}${l.inActiveVersion ? ', in the active version' : ', not in the active version'}`,
    );
  if (v.auxiliaries.length) out.line('Auxiliaries:');
  for (const a of v.auxiliaries) {
    out.line(`  ${a.schema} ${a.id}: ${a.caption}`);
    for (const [prop, values] of Object.entries(a.properties)) out.line(`    ${prop}: ${values.join(' | ')}`);
  }
  if (v.related.length) out.line('Related:');
  for (const r of v.related) out.line(`  ${r.direction === 'out' ? '→' : '←'} ${r.property}: ${r.caption} (${r.schema} ${r.id})`);
}
