// Chip data in: a folder of files a reader dumped (`--chip DIR`) or the API's JSON `{ sod, dataGroups: { "1": base64, … } }`.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, invalid, notFound } from '../../../platform/errors.js';
import type { ChipData } from './types.js';

/** Largest file accepted (a DG3 with fingerprints runs to some hundred KB; EF.SOD a few KB). */
export const MAX_CHIP_FILE = 4 * 1024 * 1024;

/**
 * File names recognised in a chip folder, case-insensitive, with an optional `.bin`, `.der` or `.dat`:
 * EF.SOD as `EF.SOD`, `EF_SOD`, `SOD` (e.g. `SOD.bin`); data group n (1-16) as `DGn`, `DG0n`, `EF.DGn`, `EF_DGn` (e.g. `DG1.bin`, `EF.DG2`).
 * Other files (EF.COM, EF.CardAccess …) are ignored.
 */
export const CHIP_FILE = /^(?:ef[._-]?)?(?:(sod)|dg(\d{1,2}))(?:\.(?:bin|der|dat))?$/i;

/** Reads chip files from `dir`. Throws AppError: not-found for a missing folder, validation-failed naming the file otherwise. */
export async function readChipDir(dir: string): Promise<ChipData> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw invalid('chip', `${dir} is not a folder`);
    names = await readdir(dir);
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('chip folder', dir);
    throw invalid('chip', `cannot read ${dir}: ${(e as Error).message}`);
  }
  let sod: Uint8Array | null = null;
  let sodName = '';
  const dataGroups = new Map<number, Uint8Array>();
  const dgNames = new Map<number, string>();
  for (const name of names.sort()) {
    const m = CHIP_FILE.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const info = await stat(path);
    if (!info.isFile()) continue;
    if (info.size > MAX_CHIP_FILE) throw invalid('chip', `${name} is ${info.size} bytes, more than the ${MAX_CHIP_FILE} accepted`);
    const bytes = new Uint8Array(await readFile(path));
    if (m[1]) {
      if (sod) throw invalid('chip', `both ${sodName} and ${name} hold EF.SOD`);
      sod = bytes;
      sodName = name;
    } else {
      const n = Number(m[2]);
      if (n < 1 || n > 16) throw invalid('chip', `${name}: data groups are numbered 1 to 16`);
      if (dataGroups.has(n)) throw invalid('chip', `both ${dgNames.get(n)} and ${name} hold DG${n}`);
      dataGroups.set(n, bytes);
      dgNames.set(n, name);
    }
  }
  if (!sod) throw invalid('chip', `${dir} holds no EF.SOD (a file named EF.SOD, SOD or SOD.bin)`);
  return { sod, dataGroups };
}

/** The API's JSON form of chip data. */
export interface ChipJson {
  sod: string;
  dataGroups?: Record<string, string>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_B64 = Math.ceil((MAX_CHIP_FILE * 4) / 3) + 4;

function decode(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string') throw invalid(field, 'expected a base64 string');
  const s = value.replace(/\s+/g, '');
  if (s.length > MAX_B64) throw invalid(field, `more than ${MAX_CHIP_FILE} bytes`);
  if (!BASE64.test(s) || s.length % 4 === 1) throw invalid(field, 'not valid base64');
  const bytes = new Uint8Array(Buffer.from(s, 'base64'));
  if (bytes.length === 0) throw invalid(field, 'empty');
  return bytes;
}

/** Parses `{ "sod": base64, "dataGroups": { "1": base64, … } }`; throws AppError validation-failed naming the field. */
export function parseChipJson(body: unknown): ChipData {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('chip', 'expected an object with sod and dataGroups');
  const o = body as Record<string, unknown>;
  const sod = decode(o.sod, 'chip.sod');
  const dataGroups = new Map<number, Uint8Array>();
  if (o.dataGroups !== undefined) {
    if (typeof o.dataGroups !== 'object' || o.dataGroups === null || Array.isArray(o.dataGroups))
      throw invalid('chip.dataGroups', 'expected an object keyed by data-group number');
    for (const [k, v] of Object.entries(o.dataGroups)) {
      if (!/^(?:[1-9]|1[0-6])$/.test(k)) throw invalid(`chip.dataGroups.${k.slice(0, 20)}`, 'data groups are numbered 1 to 16');
      dataGroups.set(Number(k), decode(v, `chip.dataGroups.${k}`));
    }
  }
  return { sod, dataGroups };
}

/** The JSON form of chip data (for the API, fixtures and the demo). */
export function chipToJson(chip: ChipData): ChipJson {
  const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
  return { sod: b64(chip.sod), dataGroups: Object.fromEntries([...chip.dataGroups].sort(([a], [b]) => a - b).map(([n, v]) => [String(n), b64(v)])) };
}
