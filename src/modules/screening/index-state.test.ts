// The screening index follows list versions by applying their changes, and then finds what a fresh build finds.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateIndex, screen } from '../../core/match/index.js';
import { SYSTEM_ACTOR } from '../../platform/audit/types.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { activeEntities, importList } from '../watchlists/index.js';
import { currentIndex, indexStatus } from './index-state.js';
import { importUnDemo, UN_DEMO } from './test-support.js';

const QUERIES = ['Eric Badege', 'Erick Badege', 'Saddam Hussein', 'Izzat Ibrahim al-Douri', 'Ali Hassan al-Majid', 'Абу Бакр', 'Kim Jong Un'];

/**
 * Search and screening results, independent of the index's internal numbering (every candidate is retrieved: which of
 * several equally scored entities fills the last place of a shorter list depends on that numbering).
 */
function findings(index: CandidateIndex) {
  return QUERIES.map((name) => ({
    found: index
      .search({ name }, { limit: 10_000 })
      .map((c) => `${c.entityId} ${c.retrieval} ${c.share} ${c.name.text} ${c.lists.join(',')}`)
      .sort(),
    screened: screen(index, { name }, { minScore: 0.2, candidates: 10_000 }).matches,
  }));
}

describe('screening index across list versions', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    await importUnDemo(t.ctx);
    dir = mkdtempSync(join(tmpdir(), 'vigil-index-'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('applies a new version as added, changed and removed entities, with the results of a full rebuild', async () => {
    const first = await currentIndex(t.ctx);
    expect(indexStatus(t.ctx)).toMatchObject({ built: true, builds: 1, updates: 0 });
    expect(indexStatus(t.ctx).bytes).toBeGreaterThan(1_000_000);
    const xml = readFileSync(UN_DEMO, 'utf8');
    // Version 2: the first individual removed, a name respelled, a birth date corrected.
    const firstEnd = xml.indexOf('</INDIVIDUAL>') + '</INDIVIDUAL>'.length;
    const v2 = xml.slice(0, xml.indexOf('<INDIVIDUAL>')) + xml.slice(firstEnd);
    expect(v2.split('1937-04-28').length).toBe(2);
    const changed = v2.replace('1937-04-28', '1937-04-29').replace('<FIRST_NAME>SADDAM</FIRST_NAME>', '<FIRST_NAME>SADAM</FIRST_NAME>');
    writeFileSync(join(dir, 'v2.xml'), changed);
    const imported = await importList(t.ctx, { list: 'un', format: 'un', paths: [join(dir, 'v2.xml')], actor: SYSTEM_ACTOR });
    expect(imported).toMatchObject({ version: 2, activated: true });

    const second = await currentIndex(t.ctx);
    expect(second.index).toBe(first.index);
    expect(second.versions).toEqual({ un: 2 });
    expect(indexStatus(t.ctx)).toMatchObject({ builds: 1, updates: 1, lists: [{ list: 'un', version: 2 }] });

    const { entities } = await activeEntities(t.ctx.db.kysely);
    const fresh = CandidateIndex.build(entities.map((e) => ({ ...e, lists: [e.list] })));
    expect(second.index.size).toBe(fresh.size);
    expect(second.index.size).toBe(first.index.size);
    expect(findings(second.index)).toEqual(findings(fresh));
    expect(second.sources.facts(entities[0]!.id)).toMatchObject({ name: entities[0]!.properties.name });
  });
});
