// Evaluation data: where the shared sets are, the name benchmark cases, and the real lists read with Vigil's own importers.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCsv } from '../../src/modules/watchlists/importers/csv-reader.js';
import { importerFor, type ImportFormat } from '../../src/modules/watchlists/importers/index.js';
import type { MatchEntity } from '../../src/core/match/index.js';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** `<project root>/../shared/data/watchlists`. */
export const WATCHLISTS = join(PROJECT_ROOT, '..', 'shared', 'data', 'watchlists');
export const EVAL = join(WATCHLISTS, 'eval');

export interface Case {
  group: string;
  schema: string;
  name1: string;
  name2: string;
  match: boolean;
  category: string;
}

export async function readRows(path: string): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for await (const row of readCsv(path, { header: true })) out.push(row.values);
  return out;
}

export async function readCases(): Promise<Case[]> {
  const rows = await readRows(join(EVAL, 'nomenklatura-name-bench', 'cases.csv'));
  return rows.map((r) => ({
    group: r.case_group ?? '',
    schema: r.schema || 'Person',
    name1: r.name1 ?? '',
    name2: r.name2 ?? '',
    match: r.is_match === 'true',
    category: r.category ?? '',
  }));
}

/** A listed entity with the list it comes from. */
export type Listed = MatchEntity & { lists: string[] };

/** An entity's names and aliases, as listed. */
export const listedNames = (e: MatchEntity): string[] => [...(e.properties.name ?? []), ...(e.properties.alias ?? [])];

/**
 * The listed entities of a list file, read with the watchlists module's importer; each gets its identity documents
 * (Passport/Identification auxiliaries: type, number, issuing country) attached for document comparison.
 */
export async function readList(format: ImportFormat, paths: string[], listName: string): Promise<Listed[]> {
  const importer = importerFor(format);
  if (!importer) throw new Error(`no importer for ${format} in this build`);
  const listed = new Map<string, Listed>();
  const docs: Array<{ owner: string; type: string; number: string; country?: string }> = [];
  for await (const e of importer.read({ paths, listName }, {})) {
    if (e.listed) listed.set(e.id, { id: e.id, schema: e.schema, properties: e.properties, lists: [listName] });
    else if ((e.schema === 'Passport' || e.schema === 'Identification') && e.ownerId && e.properties.number?.[0])
      docs.push({ owner: e.ownerId, type: e.schema === 'Passport' ? 'passport' : 'id', number: e.properties.number[0], country: e.properties.country?.[0] });
  }
  for (const d of docs) {
    const owner = listed.get(d.owner);
    if (owner) owner.documents = [...(owner.documents ?? []), { type: d.type, number: d.number, ...(d.country ? { country: d.country } : {}) }];
  }
  return [...listed.values()];
}

export const LIST_FILES = {
  un: () => readList('un', [join(WATCHLISTS, 'un', 'UN_consolidated.xml')], 'un-sc'),
  pep: () => readList('senzing', [join(WATCHLISTS, 'opensanctions', 'us_congress_senzing.json')], 'us-congress'),
  ofac: () => readList('ofac-csv', [join(WATCHLISTS, 'ofac', '2021-07')], 'ofac-sdn'),
  ofacCons: () => readList('ofac-csv', [join(WATCHLISTS, 'ofac', 'cons-2025-12')], 'ofac-cons'),
};

export function dataPresent(): boolean {
  return existsSync(EVAL) && existsSync(join(WATCHLISTS, 'un', 'UN_consolidated.xml'));
}
