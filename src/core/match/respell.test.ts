// Latin-script names respelled for matching: Wade–Giles names meet their Pinyin spelling.
import { describe, expect, it } from 'vitest';
import { match } from './scorer.js';
import type { MatchEntity } from './subject.js';

const person = (name: string): MatchEntity => ({ id: `p-${name}`, schema: 'Person', properties: { name: [name] } });

describe('Wade–Giles names', () => {
  it('match their Pinyin spelling, either way round', () => {
    expect(match({ name: 'Hsi Chin-ping', schema: 'Person' }, person('Xi Jinping')).match).toBe(true);
    expect(match({ name: 'Xi Jinping', schema: 'Person' }, person('Hsi Chin-ping')).match).toBe(true);
    expect(match({ name: 'Mao Zedong', schema: 'Person' }, person('Mao Tse-tung')).match).toBe(true);
  });
  it('do not make another surname match', () => {
    expect(match({ name: 'Chen Kai-shek', schema: 'Person' }, person('Chiang Kai-shek')).match).toBe(false);
    expect(match({ name: 'Hsi Chin-ping', schema: 'Person' }, person('Xi Jinhua')).match).toBe(false);
  });
});
