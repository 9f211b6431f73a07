// For tests: mutations of real or fixture inputs, and a check that an importer fails on them only with an ImportError.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ImportError, type ImportedEntity, type Importer } from './types.js';

/** An XML external entity payload: a DOCTYPE declaring a SYSTEM entity, used in a record of `<list><item>`. */
export const XXE = `<?xml version="1.0"?>\n<!DOCTYPE list [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<list><item>&xxe;</item></list>\n`;
/** The billion-laughs entity expansion bomb. */
export const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [',
  ' <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
  ']>',
  '<list><item>&lol9;</item></list>',
].join('\n');

/** An XML hazard wrapped around another root: `payload('CONSOLIDATED_LIST')`. */
export function withRoot(payload: string, root: string): string {
  return payload
    .replace(/<list>/g, `<${root}>`)
    .replace(/<\/list>/g, `</${root}>`)
    .replace(/DOCTYPE list/, `DOCTYPE ${root}`);
}

const SNIPPETS = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&undefined;',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '<?pi x?>',
  '<x>',
  '</x>',
  '<a b="1" b="2">',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '\u0000',
  '\u001a',
  '\uFFFF',
  '\uD800',
  'é',
  '\r',
  '\n',
  '\r\n',
  ',',
  ';',
  '-0-',
  '""',
  '"a""b"',
  '\ufeff',
  'DOB 31 Feb 1965',
  'Passport (',
  "a.k.a. '",
  'IMO 123',
  ' '.repeat(50),
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
];

/** One change to a text: cut, delete, insert, replace or repeat a part. */
const mutation: fc.Arbitrary<(s: string) => string> = fc.oneof(
  fc.nat().map((n) => (s: string) => s.slice(0, s.length ? n % (s.length + 1) : 0)),
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([a, len]) => (s: string) => {
    const at = s.length ? a % s.length : 0;
    return s.slice(0, at) + s.slice(at + len);
  }),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 20 }))).map(([a, ins]) => (s: string) => {
    const at = s.length ? a % (s.length + 1) : 0;
    return s.slice(0, at) + ins + s.slice(at);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 300 }), fc.integer({ min: 2, max: 5 })).map(([a, len, times]) => (s: string) => {
    const at = s.length ? a % s.length : 0;
    return s.slice(0, at) + s.slice(at, at + len).repeat(times) + s.slice(at + len);
  }),
);

/** Texts derived from `seed` by one to four mutations. */
export function mutated(seed: string): fc.Arbitrary<string> {
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce((s, m) => m(s), seed));
}

/** Mutated copies of `seed`, and now and then arbitrary text. */
export function mutatedOrRandom(seed: string): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: mutated(seed), weight: 4 }, { arbitrary: fc.string({ maxLength: 300 }), weight: 1 });
}

/** Reads everything the importer yields; returns the entities, or the error it failed with. */
export async function drain(importer: Importer, paths: string[]): Promise<{ entities: ImportedEntity[]; error?: unknown }> {
  const entities: ImportedEntity[] = [];
  try {
    for await (const e of importer.read({ paths, listName: 'fuzz' }, {})) entities.push(e);
    return { entities };
  } catch (error) {
    return { entities, error };
  }
}

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix = 'vigil-import-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Property: on any input, the importer yields entities or fails with an ImportError, never another error.
 * `write` puts one generated input on disk and returns the paths to import.
 */
export async function assertOnlyImportErrors<T>(
  importer: Importer,
  inputs: fc.Arbitrary<T>,
  write: (dir: string, input: T) => string[],
  numRuns = 100,
): Promise<void> {
  const { dir, remove } = tempDir();
  try {
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        const run = mkdtempSync(join(dir, 'run-'));
        const { error } = await drain(importer, write(run, input));
        if (error !== undefined && !(error instanceof ImportError)) throw error;
      }),
      { numRuns },
    );
  } finally {
    remove();
  }
}
