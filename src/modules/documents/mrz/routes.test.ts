// POST /api/documents/mrz/parse through inject: the reading of valid and invalid MRZs, body errors, permission, no audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app.js';
import { ManualClock } from '../../../platform/clock.js';
import { DOC9303_SPECIMENS } from '../../../core/mrz/index.js';

type Headers = Record<string, string>;
const headersOf = (h: object): Headers => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'userId' && k !== 'tokenId')) as Headers;

describe('POST /api/documents/mrz/parse', () => {
  let t: TestApp;
  let officer: Headers;
  let officerId: string;
  const post = (payload: unknown, headers: Headers = officer) =>
    t.app.inject({ method: 'POST', url: '/api/documents/mrz/parse', headers, payload: payload as object });

  beforeAll(async () => {
    t = await createTestApp({ clock: new ManualClock('2010-06-01T10:00:00.000Z') });
    const o = await t.as('officer');
    officer = headersOf(o);
    officerId = o.userId;
  });
  afterAll(() => t.close());

  it('reads an MRZ sent as one text or as lines, dates ISO, expiry by the platform clock', async () => {
    const res = await post({ mrz: DOC9303_SPECIMENS.TD3.join('\n') });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: 'TD3', valid: true, specimen: true, expiry: 'valid', errors: [], suggestions: [] });
    expect(body.fields.birthDate).toMatchObject({ value: '1974-08-12', valid: true });
    expect(body.fields.documentNumber).toMatchObject({ value: 'L898902C3', line: 2, column: 1 });
    const byLines = await post({ lines: [...DOC9303_SPECIMENS.TD1] });
    expect(byLines.json()).toMatchObject({ format: 'TD1', valid: true });
  });

  it('answers 200 with located problems and suggestions for an invalid MRZ', async () => {
    const [l1, l2] = DOC9303_SPECIMENS.TD3;
    const res = await post({ lines: [l1, l2!.replace('L898902C36', 'L898902C3G')] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.valid).toBe(false);
    expect(body.errors).toContainEqual(expect.objectContaining({ field: 'documentNumberCheckDigit', line: 2, column: 10, code: 'bad-character' }));
    expect(body.suggestions[0].lines).toEqual([...DOC9303_SPECIMENS.TD3]);
    const short = await post({ mrz: `${l1}\n${l2!.slice(0, 30)}` });
    expect(short.json().errors[0]).toMatchObject({ code: 'bad-line-length', line: 2, detail: 'line 2 has 30 characters; a TD3 line has 44' });
  });

  it('rejects a malformed body with a problem naming the field', async () => {
    const none = await post({});
    expect(none.statusCode).toBe(400);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.json()).toMatchObject({ code: 'validation-failed', field: 'mrz' });
    expect((await post({ mrz: 'x', lines: ['y'] })).json()).toMatchObject({ field: 'lines' });
    expect((await post({ mrz: 'P<'.repeat(10_000) })).statusCode).toBe(400);
    expect((await post({ lines: 'not an array' })).statusCode).toBe(400);
  });

  it('needs documents.check and writes no audit row (parsing reads nothing stored)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/documents/mrz/parse', payload: { mrz: 'x' } })).statusCode).toBe(401);
    const auditor = headersOf(await t.as('auditor'));
    expect((await post({ mrz: DOC9303_SPECIMENS.TD2.join('\n') }, auditor)).statusCode).toBe(403);
    const rows = await t.ctx.audit.search({ actorId: officerId });
    expect(rows.filter((r) => r.action.startsWith('documents'))).toEqual([]);
  });
});
