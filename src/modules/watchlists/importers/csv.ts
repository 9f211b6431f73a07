// Imports national lists as CSV with a FollowTheMoney mapping (`--mapping`): each row becomes the mapping's entities.
import { stat } from 'node:fs/promises';
import { readCsv } from './csv-reader.js';
import { loadMapping, type Mapping, type QueryMapping } from './mapping.js';
import { applyMapping } from './mapping-rows.js';
import { ImportError, type Importer } from './types.js';

export { applyMapping, mapRow, mappedId, rowPasses, type MappedRow } from './mapping-rows.js';

/** Which queries read which file: one file for all queries, or one file per query in order. */
function plan(paths: readonly string[], mapping: Mapping): [string, QueryMapping[]][] {
  if (paths.length === 1) return [[paths[0]!, mapping.queries]];
  if (paths.length === mapping.queries.length) return paths.map((p, i) => [p, [mapping.queries[i]!]]);
  throw new ImportError(`${paths.length} CSV files given for ${mapping.queries.length} mapping queries: give one file for all, or one per query`, {
    file: mapping.file,
  });
}

export const csvImporter: Importer = {
  format: 'csv',
  description: 'CSV with a FollowTheMoney mapping (YAML, as `ftm map` and Aleph use it; --mapping)',
  async *read(source, ctx) {
    if (!source.mapping) throw new ImportError('a CSV import needs a mapping: --mapping FILE.yml');
    if (!source.paths.length) throw new ImportError('no file given');
    const mapping = await loadMapping(source.mapping);
    const files = plan(source.paths, mapping);
    const sizes = await Promise.all(
      files.map(([f]) =>
        stat(f).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    );
    const totalBytes = sizes.reduce((a, b) => a + b, 0);
    let bytes = 0;
    let records = 0;
    for (const [i, [file, queries]] of files.entries()) {
      let read = 0;
      const rows = readCsv(file, {
        header: true,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onProgress: (p) => {
          read = p.records;
          ctx.onProgress?.({ bytes: bytes + p.bytes, totalBytes, records: records + p.records });
        },
      });
      yield* applyMapping(queries, source.listName, rows, file, mapping.file);
      bytes += sizes[i]!;
      records += read;
    }
  },
};
