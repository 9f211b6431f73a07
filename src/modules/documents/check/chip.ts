// Chip data for the document check: read from a folder (CLI) or the API's JSON, verified against the operator's trust store.
import type { AppContext } from '../../../platform/context.js';
import type { ChipData, PaResult } from '../pa/types.js';
import { parseChipJson, readChipDir } from '../pa/chip.js';
import { verifyWithStore } from '../pa/store.js';

/** Passive authentication of `chip`, DG1 compared with the printed MRZ when it was readable. */
export function verifyChip(ctx: AppContext, chip: ChipData, printed: string[] | null, at: Date): Promise<PaResult> {
  return verifyWithStore(ctx.db.kysely, chip, printed, at);
}

export const chipFromJson = (value: unknown): ChipData => parseChipJson(value);
export const chipFromDir = (dir: string): Promise<ChipData> => readChipDir(dir);
