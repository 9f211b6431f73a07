// The OASIS STIX 2.1 JSON schemas committed beside this module, loaded and compiled once per process.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StixValidator, type JsonSchema } from '../../core/stix/index.js';

/** The schemas folder: beside this file in src/, or found from dist/ by walking up to the checkout. */
export function schemasDir(from = import.meta.dirname): string {
  const here = join(from, 'schemas');
  if (existsSync(here)) return here;
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    const p = join(dir, 'src', 'modules', 'taxii', 'schemas');
    if (existsSync(p)) return p;
  }
  throw new Error('The STIX 2.1 schemas (src/modules/taxii/schemas) are missing from this installation');
}

function loadSchemas(dir: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...loadSchemas(p));
    else if (name.endsWith('.json')) out.push(JSON.parse(readFileSync(p, 'utf8')) as JsonSchema);
  }
  return out;
}

let cached: StixValidator | undefined;

/** The process-wide validator, compiled on first use (the server calls it at start). */
export function stixValidator(): StixValidator {
  cached ??= new StixValidator(loadSchemas(schemasDir())).warm();
  return cached;
}
