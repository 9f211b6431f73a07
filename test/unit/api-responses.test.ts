// The web client is typed from the OpenAPI document: every JSON route of these modules must declare its success response there
// (a zod response schema), or the screens fall back to hand-copied shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/test-support/app.js';

const PREFIXES = ['/api/cbm/', '/api/travel/', '/api/alerts'];
/** Routes that answer something other than JSON (a download), and so declare no JSON body. */
const NOT_JSON = new Set(['get /api/cbm/contacts/export.stix', 'get /api/cbm/consultations/{id}/attachments/{attachmentId}']);

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('response schemas in the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it('declares a JSON body for the success answer of every cbm, travel and alerts route', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const missing: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!PREFIXES.some((p) => path.startsWith(p))) continue;
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method} ${path}`;
        if (method === 'delete' || NOT_JSON.has(key)) continue;
        checked++;
        const ok = op.responses?.['200'] ?? op.responses?.['201'];
        if (!ok?.content?.['application/json']?.schema) missing.push(key);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
