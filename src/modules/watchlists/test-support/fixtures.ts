// Test helpers: a tiny line-based importer (tests only) and generated FtM JSON-lines lists of invented people.
import { readFileSync, writeFileSync } from 'node:fs';
import { ImportError, type ImportedEntity, type Importer } from '../importers/types.js';

/**
 * A tiny importer for tests: one entity per line, tab-separated:
 * `id  schema  listed|owner:<id>  prop=v1|v2 …`. A line `!fail` throws an ImportError with its line number.
 */
export const tinyImporter: Importer = {
  format: 'ftm',
  description: 'test-only line format',
  async *read(source, ctx) {
    let records = 0;
    let bytes = 0;
    for (const file of source.paths) {
      const lines = readFileSync(file, 'utf8').split('\n');
      for (const [i, text] of lines.entries()) {
        bytes += Buffer.byteLength(text) + 1;
        if (!text.trim()) continue;
        if (text === '!fail') throw new ImportError('the test importer was told to fail', { file, line: i + 1, column: 1 });
        const [id, schema, role, ...props] = text.split('\t');
        if (!id || !schema || !role) throw new ImportError('a line needs id, schema and role', { file, line: i + 1 });
        const properties: Record<string, string[]> = {};
        for (const p of props) {
          const [k, v] = p.split('=');
          properties[k!] = v!.split('|');
        }
        records++;
        ctx.onProgress?.({ bytes, records });
        const owner = role.startsWith('owner:') ? role.slice(6) : undefined;
        yield { id, schema, properties, listed: role === 'listed', ...(owner ? { ownerId: owner } : {}), sourceId: id } satisfies ImportedEntity;
      }
    }
  },
};

const FIRST = ['Testperson', 'Quux', 'Fixtura', 'Exemplia', 'Mockwell', 'Stubrina', 'Dummond', 'Placeholda'];
const LAST = ['Quuxley', 'Fooberg', 'Barnsworth', 'Bazinski', 'Testington', 'Sampleton', 'Mockford', 'Fakirov'];

export interface FtmFixtureEntity {
  id: string;
  schema: string;
  target?: boolean;
  properties: Record<string, string[]>;
}

/** `n` invented persons (every fifth a company), each with a Sanction; deterministic. */
export function ftmFixture(n: number): FtmFixtureEntity[] {
  const out: FtmFixtureEntity[] = [];
  for (let i = 0; i < n; i++) {
    const id = `fx-${String(i).padStart(5, '0')}`;
    const company = i % 5 === 4;
    const name = company ? `${LAST[i % LAST.length]} Testing Holdings ${i}` : `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]} ${i}`;
    out.push({
      id,
      schema: company ? 'Company' : 'Person',
      properties: company
        ? { name: [name], jurisdiction: ['cy'] }
        : { name: [name], alias: [`${name.split(' ')[0]} Àccented-${i}`], birthDate: [`19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`], nationality: ['de'] },
    });
    out.push({
      id: `${id}-sanction`,
      schema: 'Sanction',
      target: false,
      properties: { entity: [id], program: ['Fixture Programme'], authority: ['Invented Authority'] },
    });
  }
  return out;
}

export const writeFtm = (file: string, entities: readonly FtmFixtureEntity[]): void =>
  writeFileSync(file, entities.map((e) => JSON.stringify(e)).join('\n') + '\n');
