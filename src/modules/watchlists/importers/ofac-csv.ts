// Importer of OFAC's CSV publications (SDN or consolidated non-SDN set, folder or ZIP), with extra alias files of newer publications.
import { readCsvFrom, type CsvRow } from './csv-reader.js';
import { ofacFileSet, extraAliasFile, type OfacFile } from './ofac-files.js';
import { applyRemarks } from './ofac-remarks.js';
import { ListEntity, buildAll, clean, own } from './list-entity.js';
import { addressOf, sanctionOf } from './list-auxiliaries.js';
import { ImportError, type ImportContext, type ImportedEntity, type Importer, type ImportSource } from './types.js';

export const OFAC_AUTHORITY = 'Office of Foreign Assets Control (US Treasury)';

/** The import context, with an optional channel for notices that are no entities (e.g. extra aliases ignored). */
export type NoticeContext = ImportContext & { onNotice?: (message: string) => void };

interface Alias {
  type: string;
  name: string;
  remarks: string;
}

export const ofacCsvImporter: Importer = {
  format: 'ofac-csv',
  description: 'OFAC SDN or consolidated list as CSV (a folder or ZIP of sdn.csv, alt.csv, add.csv…; extra alt.csv files add aliases)',
  read: readOfacCsv,
};

/** `-0-` (OFAC's empty) and blanks as ''. */
function v(value: string | undefined): string {
  const t = clean(value);
  return t === '-0-' ? '' : t;
}

async function* readOfacCsv(source: ImportSource, ctx: NoticeContext): AsyncIterable<ImportedEntity> {
  const [first, ...extras] = source.paths;
  if (first === undefined) throw new ImportError('the ofac-csv format needs a folder or ZIP archive of OFAC CSV files');
  const set = await ofacFileSet(first);
  const extraFiles = await Promise.all(extras.map(extraAliasFile));
  const files = [set.comments, set.alt, set.add, ...extraFiles, set.primary].filter((f): f is OfacFile => f !== undefined);
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  let done = 0;
  let records = 0;
  const rows = async function* (f: OfacFile, min: number): AsyncIterable<CsvRow & { ent: string }> {
    const src = f.open();
    const progress = (p: { bytes: number; records: number }): void => ctx.onProgress?.({ bytes: done + p.bytes, totalBytes, records: records + p.records });
    let n = 0;
    for await (const row of readCsvFrom(src, { onProgress: progress, signal: ctx.signal })) {
      n++;
      const ent = v(row.values[0]);
      if (!/^\d{1,12}$/.test(ent))
        throw new ImportError(`ent_num ${JSON.stringify(ent.slice(0, 40))} is not a number`, { file: src.file, line: row.line, column: 1, offset: row.offset });
      if (row.values.length < min) {
        throw new ImportError(`${row.values.length} columns where OFAC's format has ${min}`, {
          file: src.file,
          line: row.line,
          offset: row.offset,
          record: ent,
        });
      }
      yield { ...row, ent };
    }
    done += f.size;
    records += n;
  };

  const comments = new Map<string, string>();
  if (set.comments) for await (const r of rows(set.comments, 2)) comments.set(r.ent, (comments.get(r.ent) ?? '') + (r.values[1] ?? ''));
  const aliases = new Map<string, Alias[]>();
  const alias = (r: CsvRow): Alias => ({ type: v(r.values[2]).toLowerCase(), name: v(r.values[3]), remarks: v(r.values[4]) });
  for await (const r of rows(set.alt, 4)) push(aliases, r.ent, alias(r));
  const addresses = new Map<string, string[][]>();
  for await (const r of rows(set.add, 5)) push(addresses, r.ent, r.values.map(v));
  const extra = new Map<string, Alias[]>();
  for (const f of extraFiles) for await (const r of rows(f, 4)) push(extra, r.ent, alias(r));
  const extraRows = [...extra.values()].reduce((n, l) => n + l.length, 0);

  let attached = 0;
  for await (const r of rows(set.primary, 12)) {
    const { e, remarks } = entry(r, comments.get(r.ent) ?? '');
    const aux: ListEntity[] = [];
    for (const a of aliases.get(r.ent) ?? []) addAlias(e, a);
    for (const a of extra.get(r.ent) ?? []) {
      addAlias(e, a);
      attached++;
    }
    e.drop('alias', e.get('name'));
    aux.push(...applyRemarks(e, remarks));
    for (const a of addresses.get(r.ent) ?? []) {
      const address = addressOf(e, { street: a[2], country: a[4], remarks: a[5], full: [a[2], a[3], a[4]].filter(Boolean).join(', ') });
      if (address) aux.push(address);
    }
    const sanction = sanctionOf(e, OFAC_AUTHORITY).add('authorityId', r.ent).add('country', 'us');
    sanction.add(
      'program',
      ...v(r.values[3])
        .split(/\]\s*\[/)
        .map((p) => p.replace(/[[\]]/g, '')),
    );
    if (set.kind === 'cons') sanction.add('status', 'Non-SDN consolidated list');
    yield* buildAll([e, sanction, ...aux]);
  }
  if (extraFiles.length)
    ctx.onNotice?.(`extra alias files: ${attached} aliases added to entries of this list, ${extraRows - attached} ignored for entries it does not hold`);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const SCHEMATA: Record<string, string> = { individual: 'Person', vessel: 'Vessel', aircraft: 'Airplane', '': 'Organization' };

function entry(r: CsvRow & { ent: string }, moreRemarks: string): { e: ListEntity; remarks: string } {
  const [, name = '', rawType = '', , title, callSign, vessType, tonnage, grt, flag, owner] = r.values.map(v);
  const type = rawType.toLowerCase();
  // OFAC's `-0-` type covers companies, banks, government bodies and armed groups alike: Organization, not Company.
  const e = new ListEntity(own(SCHEMATA, type) ?? 'LegalEntity', `ofac-${r.ent}`, r.ent, true).add('name', name);
  if (!own(SCHEMATA, type)) e.note(`SDN type: ${rawType}`);
  if (e.schema === 'Person') {
    const comma = name.indexOf(', ');
    if (comma > 0) e.add('lastName', name.slice(0, comma)).add('firstName', name.slice(comma + 2));
    e.add('position', title);
  } else if (title) e.note(`title: ${title}`);
  if (e.schema === 'Vessel') {
    e.add('callSign', callSign).add('type', vessType).add('tonnage', tonnage).add('grossRegisteredTonnage', grt).addCountry('flag', flag, 'flag');
    if (owner) e.note(`vessel owner: ${owner}`);
  } else {
    for (const [label, value] of [
      ['call sign', callSign],
      ['vessel type', vessType],
      ['tonnage', tonnage],
      ['GRT', grt],
      ['flag', flag],
      ['owner', owner],
    ]) {
      if (value) e.note(`${label}: ${value}`);
    }
  }
  const remarks = (r.values[11] ?? '').trim() === '-0-' ? '' : (r.values[11] ?? '') + moreRemarks;
  e.add('notes', remarks);
  return { e, remarks };
}

function addAlias(e: ListEntity, a: Alias): void {
  if (!a.name) return;
  e.add(a.type === 'fka' ? 'previousName' : 'alias', a.name);
  if (a.remarks) e.note(`alias ${a.name}: ${a.remarks}`);
}
