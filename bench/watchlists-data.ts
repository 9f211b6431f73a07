// Benchmark data of the watchlists suite: FtM JSON lines of invented entities whose names are built from real name parts.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { seeded } from '../src/core/seeded.js';

export interface NameParts {
  given: string[];
  family: string[];
  scripts: string[];
  sources: string[];
}

/** Used only when neither real list is at hand (said visibly): clearly invented parts. */
const INVENTED = {
  given: ['Testperson', 'Quux', 'Fixtura', 'Exemplia', 'Mockwell', 'Stubrina', 'Dummond', 'Placeholda', 'Samplina', 'Fakiro'],
  family: ['Quuxley', 'Fooberg', 'Barnsworth', 'Bazinski', 'Testington', 'Sampleton', 'Mockford', 'Fakirov', 'Stubbins', 'Dummer'],
};

const tokens = (s: string) => s.split(/\s+/).filter((w) => /^\p{L}[\p{L}'.-]{1,30}$/u.test(w));

/** Given and family name parts from the UN list (committed) and the US Congress Senzing file (../shared), de-duplicated. */
export function loadNameParts(root: string): NameParts {
  const given = new Set<string>();
  const family = new Set<string>();
  const scripts = new Set<string>();
  const sources: string[] = [];
  const un = join(root, 'demo', 'watchlists', 'UN_consolidated.xml');
  if (existsSync(un)) {
    const xml = readFileSync(un, 'utf8');
    for (const block of xml.match(/<INDIVIDUAL>[\s\S]*?<\/INDIVIDUAL>/g) ?? []) {
      const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(block)?.[1] ?? '';
      for (const w of tokens(field('FIRST_NAME'))) given.add(w);
      for (const w of [...tokens(field('SECOND_NAME')), ...tokens(field('THIRD_NAME'))]) family.add(w);
      const original = field('NAME_ORIGINAL_SCRIPT').trim();
      if (original) scripts.add(original);
    }
    sources.push('UN consolidated list');
  }
  const congress = join(root, '..', 'shared', 'data', 'watchlists', 'opensanctions', 'us_congress_senzing.json');
  if (existsSync(congress)) {
    for (const line of readFileSync(congress, 'utf8').split('\n')) {
      const full = /"NAME_FULL":"([^"]+)"/.exec(line)?.[1];
      const words = full ? tokens(full).filter((w) => !w.endsWith('.')) : [];
      if (words.length >= 2) {
        given.add(words[0]!);
        family.add(words[words.length - 1]!);
      }
    }
    sources.push('US Congress (OpenSanctions, Senzing)');
  } else console.warn(`(watchlists bench: ${congress} is absent; names use the UN list only)`);
  if (given.size < 20 || family.size < 20) {
    console.warn('(watchlists bench: no real name lists found; using a small committed list of invented name parts)');
    return { given: INVENTED.given, family: INVENTED.family, scripts: [], sources: ['invented parts'] };
  }
  return { given: [...given], family: [...family], scripts: [...scripts], sources };
}

/** A seeded generator, so the cached file is the same on every machine. */
const random = seeded;

const COUNTRIES = ['us', 'ru', 'ir', 'sy', 'af', 'iq', 'kp', 'ly', 'so', 'ye', 'sd', 'cd', 'de', 'fr', 'gb', 'cn', 've', 'by', 'mm', 'ni'];
const SUFFIXES = ['Trading LLC', 'Holdings Ltd', 'General Trading Co', 'Shipping SA', 'Investments Group', 'Logistics FZE', 'Industries JSC'];

/** Writes (once; cached under .bench-cache) `n` FtM entities, 80 % Person and 20 % Company; returns the file. */
export async function ensureDataset(root: string, n: number, parts: NameParts): Promise<string> {
  const dir = join(root, '.bench-cache');
  const file = join(dir, `watchlists-ftm-${n}-v1.json`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const rnd = random(20260301);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const temp = `${file}.${process.pid}.part`;
  const out = createWriteStream(temp);
  for (let i = 0; i < n; i++) {
    const id = `bench-${i.toString(36).padStart(6, '0')}`;
    let entity: object;
    if (rnd() < 0.8) {
      const first = pick(parts.given);
      const last = pick(parts.family);
      const name = rnd() < 0.3 ? `${first} ${pick(parts.family)} ${last}` : `${first} ${last}`;
      const alias = [...(rnd() < 0.4 ? [`${last} ${first}`] : []), ...(parts.scripts.length && rnd() < 0.15 ? [pick(parts.scripts)] : [])];
      const birth = `${1940 + Math.floor(rnd() * 60)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const properties = {
        name: [name],
        ...(alias.length ? { alias } : {}),
        firstName: [first],
        lastName: [last],
        birthDate: [birth],
        nationality: [pick(COUNTRIES)],
        gender: [rnd() < 0.8 ? 'male' : 'female'],
      };
      entity = { id, schema: 'Person', properties };
    } else {
      const name = `${pick(parts.family)} ${pick(SUFFIXES)}`;
      entity = {
        id,
        schema: 'Company',
        properties: { name: [name], jurisdiction: [pick(COUNTRIES)], registrationNumber: [String(100000 + Math.floor(rnd() * 900000))] },
      };
    }
    if (!out.write(JSON.stringify(entity) + '\n')) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  renameSync(temp, file);
  return file;
}
