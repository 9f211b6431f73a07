// The importer registry: which importer reads each list format. A format is offered once its importer exists.
import { IMPORT_FORMATS, type Importer, type ImportFormat } from './types.js';
import { ftmImporter } from './ftm.js';
import { senzingImporter } from './senzing.js';
import { csvImporter } from './csv.js';
import { unImporter } from './un.js';
import { ofacCsvImporter } from './ofac-csv.js';
import { ofacXmlImporter } from './ofac-xml.js';
import { ofacAdvancedImporter } from './ofac-advanced.js';
import { euImporter } from './eu.js';
import { ukImporter } from './uk.js';

const IMPORTERS: Partial<Record<ImportFormat, Importer>> = {
  un: unImporter,
  'ofac-csv': ofacCsvImporter,
  'ofac-xml': ofacXmlImporter,
  'ofac-advanced': ofacAdvancedImporter,
  eu: euImporter,
  uk: ukImporter,
  ftm: ftmImporter,
  senzing: senzingImporter,
  csv: csvImporter,
};

/** The importer of a format, or undefined when this build has none for it. */
export function importerFor(format: string): Importer | undefined {
  return (IMPORT_FORMATS as readonly string[]).includes(format) ? IMPORTERS[format as ImportFormat] : undefined;
}

/** The formats this build can import, in the documented order. */
export function availableFormats(): ImportFormat[] {
  return IMPORT_FORMATS.filter((f) => IMPORTERS[f] !== undefined);
}

export { IMPORT_FORMATS, ImportError, type Importer, type ImportFormat, type ImportedEntity } from './types.js';
