// What every list importer yields: FtM entities with provenance, streamed with constant memory.
import type { EntityData } from '../../../core/model/types.js';

export const IMPORT_FORMATS = ['un', 'ofac-csv', 'ofac-xml', 'ofac-advanced', 'eu', 'uk', 'ftm', 'senzing', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportedEntity extends EntityData {
  /** A top-level listed entity (counted in a version's counts); false for its addresses, sanctions and documents. */
  listed: boolean;
  /** For an auxiliary entity: the id of the listed entity it belongs to. */
  ownerId?: string;
  /** The source's own record id (UN reference number, OFAC ent_num, FtM id, CSV key). */
  sourceId: string;
}

export interface ImportSource {
  /** The files or folders given on the command line, in order (e.g. an OFAC folder, then extra alias files). */
  paths: readonly string[];
  /** The list's name in Vigil; importers with no id scheme of their own prefix ids with it. */
  listName: string;
  /** For `csv`: path of the FollowTheMoney mapping (YAML). */
  mapping?: string;
}

export interface ImportProgress {
  /** Bytes read so far of all input files, and their total when known. */
  bytes: number;
  totalBytes?: number;
  /** Records (source rows or elements) read so far. */
  records: number;
}

export interface ImportContext {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

export interface Importer {
  format: ImportFormat;
  /** One line for `--help`. */
  description: string;
  read(source: ImportSource, ctx: ImportContext): AsyncIterable<ImportedEntity>;
}

/** Where in the input a problem is: file, line and column (1-based), byte offset, record id. */
export interface ImportLocation {
  file?: string;
  line?: number;
  column?: number;
  offset?: number;
  record?: string;
}

/** The input is rejected: the message names the problem, `where` its position. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly where: ImportLocation = {},
  ) {
    super(message);
    this.name = 'ImportError';
  }

  /** `file:line:column: message` for people. */
  describe(): string {
    const w = this.where;
    const pos = [w.file, w.line, w.column].filter((x) => x !== undefined).join(':');
    const extra = [w.offset !== undefined ? `byte ${w.offset}` : '', w.record ? `record ${w.record}` : ''].filter(Boolean).join(', ');
    return `${pos ? pos + ': ' : ''}${this.message}${extra ? ` (${extra})` : ''}`;
  }
}

/** Bounds that keep hostile input from exhausting memory. */
export const IMPORT_LIMITS = {
  /** Longest single property value kept, in characters. */
  maxValueLength: 4096,
  /** Most values of one property of one entity. */
  maxValuesPerProperty: 1000,
  /** Deepest XML element nesting accepted. */
  maxXmlDepth: 64,
  /** Longest text inside one XML element or CSV cell, in characters. */
  maxTextLength: 1 << 20,
  /** Longest line of JSON lines / CSV, in bytes. */
  maxLineBytes: 16 << 20,
} as const;
