// Test helpers of screening: the committed demo UN list, imported as list "un", and request headers of a test user.
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { importList } from '../watchlists/index.js';

export const UN_DEMO = fileURLToPath(new URL('../../../demo/watchlists/UN_consolidated.xml', import.meta.url));

export async function importUnDemo(ctx: AppContext): Promise<void> {
  await importList(ctx, { list: 'un', format: 'un', paths: [UN_DEMO], title: 'UN consolidated (demo)', actor: SYSTEM_ACTOR });
}

export const headersOf = (h: object): Record<string, string> =>
  Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'userId' && k !== 'tokenId')) as Record<string, string>;
