// The batch route also takes CSV (as `vigil screen --input F.csv` does): NDJSON out, bad rows named by line, a broken file is one 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { headersOf, importUnDemo } from './test-support.js';

describe('POST /api/screen/batch with text/csv', () => {
  let t: TestApp;
  let officer: Record<string, string>;
  const batch = (payload: string) =>
    t.app.inject({ method: 'POST', url: '/api/screen/batch', headers: { ...officer, 'content-type': 'text/csv; charset=utf-8' }, payload });

  beforeAll(async () => {
    t = await createTestApp();
    await importUnDemo(t.ctx);
    officer = headersOf(await t.as('officer'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('screens each row; a row without a name is an error line naming its CSV line', async () => {
    const csv = 'id,name,birthDate,nationality\r\nr1,"Izzat Ibrahim al-Douri",1942,Iraq\r\nr2,,1970,\r\nr3,"Testperson Quuxley",,\r\n';
    const res = await batch(csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; matches?: Array<{ caption: string }>; line?: number; error?: { field?: string; detail: string } });
    expect(lines.map((l) => l.id)).toEqual(['r1', 'r2', 'r3']);
    expect(lines[0]!.matches![0]!.caption).toMatch(/IZZAT IBRAHIM AL-DURI/);
    expect(lines[1]).toMatchObject({ line: 3, error: { field: 'name' } });
    expect(lines[1]!.error!.detail).toMatch(/^line 3: /);
    expect(lines[2]!.matches).toEqual([]);
  });

  it('rejects a broken CSV file whole, naming the line and the problem', async () => {
    const unclosed = await batch('id,name\r\nr1,"Erika Musterfrau\r\n');
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json()).toMatchObject({ detail: expect.stringContaining('line 2: a quoted field is not closed') });
    const header = await batch('id,fullname\r\nr1,Erika\r\n');
    expect(header.statusCode).toBe(400);
    expect(header.json()).toMatchObject({ detail: expect.stringContaining('unknown column "fullname"') });
  });
});
