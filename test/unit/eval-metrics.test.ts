// The evaluation's equal-alarm comparison (each method's threshold at an alarm rate, and recall at a threshold) and its generated variants.
import { describe, expect, it } from 'vitest';
import type { Listed } from '../../scripts/eval-screening/data.js';
import { nameTruth } from '../../scripts/eval-screening/lists-eval.js';
import { alarmThreshold, recallAt } from '../../scripts/eval-screening/metrics.js';
import { variantProbes } from '../../scripts/eval-screening/variants.js';

describe('alarm-rate threshold', () => {
  it('lets through at most the allowed alarms per 1,000 and no fewer than it must', () => {
    // 1,000 negatives: 995 score 0.2, five score 0.9, 0.8, 0.7, 0.6, 0.5; 5 per 1,000 allows five alarms.
    const best = [...Array<number>(995).fill(0.2), 0.9, 0.8, 0.7, 0.6, 0.5];
    const t = alarmThreshold(best, 5);
    expect(best.filter((s) => s >= t).length).toBe(5);
    expect(t).toBeGreaterThan(0.2);
    expect(t).toBeLessThanOrEqual(0.5);
    // One per 1,000 allows one alarm: only 0.9 passes.
    const strict = alarmThreshold(best, 1);
    expect(best.filter((s) => s >= strict)).toEqual([0.9]);
  });

  it('allows no alarm when the sample is too small for one, and ties alarm together or not at all', () => {
    expect([0.4, 0.3].filter((s) => s >= alarmThreshold([0.4, 0.3], 5))).toEqual([]);
    const tied = [...Array<number>(990).fill(0.1), ...Array<number>(10).fill(0.7)];
    expect(tied.filter((s) => s >= alarmThreshold(tied, 5)).length).toBe(0);
  });
});

describe('recall at a threshold', () => {
  it('counts the queries whose truth is first at or above it', () => {
    expect(recallAt([0.9, 0.5, -1, 0.7], 0.6)).toBe(0.5);
    expect(recallAt([0.9, 0.5, -1, 0.7], -Infinity)).toBe(0.75);
    expect(recallAt([], 0.5)).toBe(0);
  });
});

describe('generated variants', () => {
  const person = (id: string, name: string): Listed => ({ id, schema: 'Person', properties: { name: [name] }, lists: ['test'] });
  const listed = [person('a', 'KIM YONG CHOL'), person('b', 'KIM SONG CHOL'), person('c', 'TESTUR QUUXLEY MANAN'), person('d', 'TESTUR QUUXLEY MANAN')];
  const probes = variantProbes(listed, 50, nameTruth(listed));

  it('takes as truth every listed person with the name varied: a name alone cannot tell namesakes apart', () => {
    const manan = probes.filter((p) => p.query.name.includes('manan'));
    expect(manan.length).toBeGreaterThan(0);
    for (const p of manan) expect([...p.truth].sort()).toEqual(['c', 'd']);
  });

  it('leaves out a part of a name that another listed person’s name holds too', () => {
    const partial = probes.filter((p) => p.kind === 'partial').map((p) => p.query.name);
    // KIM CHOL is in both KIM YONG CHOL and KIM SONG CHOL; TESTUR MANAN only in the namesakes' own name.
    expect(partial).not.toContain('kim chol');
    expect(partial).toContain('testur manan');
  });

  it('makes a partial name of the first and last name parts, each with the words that introduce it', () => {
    const parts = [
      person('e', 'ABU TESTZAYD QUUXOMAR TESTDORDA'),
      person('f', 'ABD AL-TESTRAHMAN QUUX AL-TESTANIZI'),
      person('g', 'TESTMOHAMAD QUUX BIN TESTUDIN'),
      person('h', 'ABDEL TESTKARIM QUUX TESTOMAR'),
      person('i', 'TESTHAN YU-RO'),
      person('j', 'TESTSALIM AL-TESTMANSUR'),
    ];
    const partial = variantProbes(parts, 50, nameTruth(parts))
      .filter((p) => p.kind === 'partial')
      .map((p) => p.query.name)
      .sort();
    // ABU alone is no one's name (ABU TESTDORDA would read as "father of Testdorda"); a hyphenated word is one part; a name
    // of two parts and a particle has none to leave out.
    expect(partial).toEqual(['abd al testrahman al testanizi', 'abdel testkarim testomar', 'abu testzayd testdorda', 'testmohamad bin testudin']);
  });
});
