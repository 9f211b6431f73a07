// Name features on contradicting name parts, word order, names in syllabic scripts and repeated name parts.
import { describe, expect, it } from 'vitest';
import { match } from './scorer.js';
import type { MatchEntity } from './subject.js';
import { abjadKey } from './text.js';

const person = (name: string): MatchEntity => ({ id: `p-${name}`, schema: 'Person', properties: { name: [name] } });
const company = (name: string): MatchEntity => ({ id: `c-${name}`, schema: 'Company', properties: { name: [name] } });
const feature = (r: ReturnType<typeof match>, f: string) => r.explanation.find((e) => e.feature === f);

describe('name features', () => {
  it('counts a name part each name has and the other lacks against the match, however common the part', () => {
    const contradicting = match({ name: 'Testperson Borislav Quuxley' }, person('Testperson Dimitar Quuxley'));
    const missing = match({ name: 'Testperson Quuxley' }, person('Testperson Dimitar Quuxley'));
    expect(feature(contradicting, 'conflict')?.value).toBe(1);
    expect(feature(contradicting, 'conflict')?.score).toBeLessThan(0);
    expect(feature(contradicting, 'conflict')?.detail).toBe('each name has a part the other lacks: BORISLAV against DIMITAR');
    expect(feature(missing, 'conflict')).toBeUndefined();
    expect(contradicting.score).toBeLessThan(missing.score);
  });

  it('does not let the parts two contradicting names share outweigh the contradiction, however many they are', () => {
    const long = match({ name: 'Testabd Testkader Testmahmoud Borislav Testsayed' }, person('Testabd Testkader Testmahmoud Dimitar Testsayed'));
    const short = match({ name: 'Testsayed Borislav' }, person('Testsayed Dimitar'));
    const missing = match({ name: 'Testabd Testkader Testmahmoud Testsayed' }, person('Testabd Testkader Testmahmoud Dimitar Testsayed'));
    for (const r of [long, short]) {
      expect(feature(r, 'conflict')?.value).toBe(1);
      expect(feature(r, 'nameSimilarity')?.value).toBe(0);
      expect(feature(r, 'nameSimilarity')?.detail).toContain('not counted for the match: the names contradict each other');
      expect(feature(r, 'coverageMin')).toBeUndefined();
      expect(feature(r, 'rarity')).toBeUndefined();
      expect(r.match).toBe(false);
    }
    // Four shared parts of five make the contradiction no smaller than one shared part of two.
    expect(long.score).toBeLessThanOrEqual(short.score + 0.05);
    expect(feature(missing, 'nameSimilarity')?.value).toBeGreaterThan(0.7);
    expect(long.score).toBeLessThan(missing.score);
  });

  it("counts a missing father's name written in Cyrillic as little as one written in Latin, whatever the romanisation", () => {
    const latin = match({ name: 'Serej Testov' }, person('Sergej Viktorovich Testov'));
    // SEREJ is closest to ISO 9's SERGEJ, whose VIKTOROVIC reads like a South Slavic family name (-ovic).
    const cyrillic = match({ name: 'Serej Testov' }, person('Сергей Викторович Тестов'));
    const family = match({ name: 'Serej Testov' }, person('Sergej Testov Viktorov'));
    expect(feature(cyrillic, 'romanised')?.detail).toContain('SERGEJ VIKTOROVIC TESTOV');
    const unmatched = (r: ReturnType<typeof match>) => feature(r, 'unmatchedOne')?.value ?? 0;
    expect(unmatched(cyrillic)).toBe(unmatched(latin));
    expect(unmatched(cyrillic)).toBeLessThan(unmatched(family));
    // The scores differ by what comparing through a romanisation counts (the `romanised` feature), nothing else.
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(logit(cyrillic.score) - logit(latin.score)).toBeCloseTo(feature(cyrillic, 'romanised')!.score, 2);
  });

  it('reads a slash in a listed name as two names or two words, as lists write alternatives', () => {
    const org = (name: string): MatchEntity => ({ id: `o-${name}`, schema: 'Organization', properties: { name: [name] } });
    const names = match({ name: 'Al Quuxida', schema: 'Organization' }, org('Al-Quuxida/Testland Army'));
    const words = match({ name: "Quux's Testing Army", schema: 'Organization' }, org("QUUX'S TESTING MOVEMENT/ARMY"));
    const other = match({ name: 'Al Quuxida Army', schema: 'Organization' }, org('Al-Quuxida/Testland Army'));
    expect(names.match).toBe(true);
    expect(feature(names, 'unmatchedOne')).toBeUndefined();
    expect(feature(words, 'unmatchedOne')).toBeUndefined();
    expect(words.match).toBe(true);
    // Between spaces a slash separates two names, also a short one (an acronym).
    const acronym = match({ name: 'Harakat ul Quuxidin', schema: 'Organization' }, org('HARAKAT UL-QUUXIDIN / HUQ'));
    expect(feature(acronym, 'unmatchedOne')).toBeUndefined();
    expect(match({ name: 'HUQ', schema: 'Organization' }, org('HARAKAT UL-QUUXIDIN / HUQ')).match).toBe(true);
    // Neither half alone is "Al Quuxida Army": a word of one name is not added to the other.
    expect(feature(other, 'unmatchedOne')).toBeDefined();
    // Single letters around a slash are an abbreviation (A/S, J/V), not alternatives.
    expect(feature(match({ name: 'Testing Denmark', schema: 'Company' }, company('Testing Denmark A/S')), 'unmatchedOne')).toBeUndefined();
  });

  it("counts a given name that is the father's name in the other against the match, but not BEN as a given name", () => {
    const swapped = match({ name: 'Salman bin Muhammad Testrawi' }, person('Muhammad bin Salman Testrawi'));
    expect(feature(swapped, 'conflict')?.detail).toBe(
      "a name that is the person's own in one is a parent's (after bin) or a child's (after abu, umm) in the other",
    );
    expect(swapped.match).toBe(false);
    const reordered = match({ name: 'Testnelson Ben' }, person('Ben Testnelson'));
    expect(feature(reordered, 'conflict')).toBeUndefined();
    expect(feature(reordered, 'patronymicSwap')).toBeUndefined();
    expect(reordered.match).toBe(true);
  });

  it('reads a name written family name first with a comma in either order, as another word order in neither', () => {
    const exact = match({ name: 'Quentin Testwilliams' }, person('Quentin Testwilliams'));
    expect(match({ name: 'TESTWILLIAMS, Quentin' }, person('Quentin Testwilliams')).score).toBeCloseTo(exact.score, 6);
    for (const query of ['TESTWILLIAMS, Quentin', 'Testwilliams, Quentin, Jr.'])
      expect(feature(match({ name: query }, person('Quentin Testwilliams')), 'reordered'), query).toBeUndefined();
    // Without the comma nothing says the order: the other order counts (slightly) against.
    const swapped = match({ name: 'Testwilliams Quentin' }, person('Quentin Testwilliams'));
    expect(feature(swapped, 'reordered')?.value).toBe(1);
    expect(swapped.score).toBeLessThan(exact.score);
    // The listed side too: a list's SURNAME, Given is the same name as the query's Given Surname, and as a Korean name
    // written family name first without a comma.
    expect(feature(match({ name: 'Quentin Testwilliams' }, person('TESTWILLIAMS, Quentin')), 'reordered')).toBeUndefined();
    const korean = match({ name: 'TESTKIM YONG TESTCHOL' }, person('TESTKIM, Yong Testchol'));
    expect(feature(korean, 'reordered')).toBeUndefined();
    expect(korean.score).toBeCloseTo(match({ name: 'TESTKIM YONG TESTCHOL' }, person('TESTKIM YONG TESTCHOL')).score, 6);
  });

  it("reads a listed person's name family name first when the list gives the last name, also where the name says the same", () => {
    const parts = (name: string | undefined, props: Record<string, string>): MatchEntity => ({
      id: `p-parts`,
      schema: 'Person',
      properties: { ...(name ? { name: [name] } : {}), ...Object.fromEntries(Object.entries(props).map(([k, v]) => [k, [v]])) },
    });
    const given = { firstName: 'Quentin', middleName: 'Zebulon', lastName: 'Testwilliams' };
    const exact = match({ name: 'Quentin Zebulon Testwilliams' }, parts('Quentin Zebulon Testwilliams', given));
    // The name as written (no turn) and its parts (last name known) make one form, which may be read family name first.
    for (const entity of [parts('Quentin Zebulon Testwilliams', given), parts(undefined, given)]) {
      const turned = match({ name: 'Testwilliams Quentin Zebulon' }, entity);
      expect(feature(turned, 'reordered')).toBeUndefined();
      expect(turned.score).toBeCloseTo(exact.score, 6);
      // Only the family name moves: another order still counts.
      expect(feature(match({ name: 'Zebulon Quentin Testwilliams' }, entity), 'reordered')?.value).toBe(1);
    }
    // The family name moves whole: a name that answers only part of it read first is another order.
    const double = parts(undefined, { firstName: 'Quentin', middleName: 'Zebulon', lastName: 'Testabdul Testsayed' });
    expect(feature(match({ name: 'Testabdul Testsayed Quentin Zebulon' }, double), 'reordered')).toBeUndefined();
    expect(feature(match({ name: 'Testabdul Zebulon' }, double), 'reordered')?.value).toBe(1);
    // A particle of the family name may be left out (TESTALI for AL-TESTALI).
    const particle = parts(undefined, { firstName: 'Testsalih', lastName: 'Al-Testali' });
    expect(feature(match({ name: 'Testali Testsalih' }, particle), 'reordered')).toBeUndefined();
    // A word the name has twice (AL) may answer either: the family name read first is still in order.
    const al = parts('Testhani Abd-al-Testlatif Al-Testkriti', { firstName: 'Testhani', middleName: 'Abd-al-Testlatif', lastName: 'Al-Testkriti' });
    expect(feature(match({ name: 'Al-Testkriti Testhani Abd-al-Testlatif' }, al), 'reordered')).toBeUndefined();
    // A comma alias with the name's own tokens says it too.
    const alias: MatchEntity = { id: 'p-alias', schema: 'Person', properties: { name: ['Quentin Testwilliams'], alias: ['TESTWILLIAMS, Quentin'] } };
    expect(feature(match({ name: 'Testwilliams Quentin' }, alias), 'reordered')).toBeUndefined();
    // The same name with no part said to be the last name.
    const unknown = parts('Quentin Zebulon Testwilliams', { firstName: 'Quentin', secondName: 'Zebulon', middleName: 'Testwilliams' });
    expect(feature(match({ name: 'Testwilliams Quentin Zebulon' }, unknown), 'reordered')?.value).toBe(1);
  });

  it("reads a misspelt BEN (BNE, JEN) that corresponds to the other name's BEN as that particle: the name after it is no swap", () => {
    for (const query of ['Testazhar ben Testkhalifa bne Ahmed Testrouine', 'Testazhar ben Testkhalifa jen Ahmed Testrouine']) {
      const r = match({ name: query }, person('Testazhar ben Testkhalifa ben Ahmed Testrouine'));
      expect(feature(r, 'patronymicSwap'), query).toBeUndefined();
      expect(r.match, query).toBe(true);
    }
    // A name that is the person's own in one and a parent's in the other is still a swap when what precedes it differs.
    const swapped = match({ name: 'Testazhar ben Testkhalifa Ahmed bin Testrouine' }, person('Testazhar ben Testkhalifa ben Ahmed Testrouine'));
    expect(feature(swapped, 'patronymicSwap')?.value).toBe(1);
  });

  it("counts a person's own name that is a child's name in the other's kunya against the match (USAMA is not ABU USAMA)", () => {
    const kunya = match({ name: 'Usama bin Testladen' }, person('Abu Usama'));
    expect(feature(kunya, 'patronymicSwap')?.value).toBe(1);
    expect(feature(kunya, 'conflict')?.value).toBe(1);
    expect(kunya.match).toBe(false);
    // The same kunya on both sides, and the person's own names on both sides, are no swap.
    const same = match({ name: 'Abu Usama al-Testmasri' }, person('Abu Usama'));
    expect(feature(same, 'patronymicSwap')).toBeUndefined();
    const own = match({ name: 'Usama bin Testladen' }, person('Usama bin Testmuhammad bin Testladen'));
    expect(feature(own, 'patronymicSwap')).toBeUndefined();
    expect(own.match).toBe(true);
  });

  it("reads a kunya's name as a child's even when the other name has no particle, but not a misspelt ABU's", () => {
    // MOHAMED TESTSALAH names Mohamed; ABOU MOHAMED TESTSALAH is Testsalah, father of Mohamed.
    const own = match({ name: 'Mohamed Testsalah' }, person('Abou Mohamed Testsalah'));
    expect(feature(own, 'patronymicSwap')?.value).toBe(1);
    expect(own.match).toBe(false);
    const typed = match({ name: 'Aby Mohamed Testsalah' }, person('Abou Mohamed Testsalah'));
    expect(feature(typed, 'patronymicSwap')).toBeUndefined();
    expect(typed.match).toBe(true);
    // Written as one word, the kunya is a given name (ABUBAKAR for ABU BAKR).
    expect(match({ name: 'Abubakar Testshekau' }, person('Abu Bakr Testshekau')).match).toBe(true);
  });

  it('compares two Chinese names as written: a different character is a different name part', () => {
    const other = match({ name: '习近朋' }, person('习近平'));
    expect(feature(other, 'romanised')).toBeUndefined();
    expect(feature(other, 'conflict')?.value).toBe(1);
    expect(other.match).toBe(false);
    // Across scripts the romanisation still finds the name.
    const across = match({ name: 'Xi Jinping' }, person('习近平'));
    expect(feature(across, 'romanised')?.value).toBe(1);
    expect(across.match).toBe(true);
  });

  it('takes characters read alike (simplified and traditional forms) as phonetic spellings of one another', () => {
    const r = match({ name: '習近平' }, person('习近平'));
    expect(feature(r, 'nameSimilarity')?.detail).toContain('習 ~ 习 (phonetic)');
    expect(feature(r, 'conflict')).toBeUndefined();
  });

  it('splits Korean names into syllables, so spacing does not matter and a different syllable counts against', () => {
    expect(feature(match({ name: '김 정은' }, person('김정은')), 'exactName')?.value).toBe(1);
    const other = match({ name: '김종은' }, person('김정은'));
    expect(feature(other, 'conflict')?.value).toBe(1);
    expect(other.match).toBe(false);
  });

  it('keeps a name part written twice in a row, as a part that says little when the other name lacks it', () => {
    // Sergey Sergey Testov (a doubled name) is still Sergey Testov ...
    const doubled = match({ name: 'Abdul Aziz Aziz Testfield' }, person('Abdul Aziz Testfield'));
    expect(doubled.match).toBe(true);
    expect(feature(doubled, 'conflict')).toBeUndefined();
    // ... but where the other name has another part in its place, the repeat is a name (MOHAMED son of MOHAMED) and contradicts it.
    const father = match({ name: 'Testullahi Mohamed Mohamed Testdow' }, person('Testullahi Osman Mohamed Testdow'));
    expect(feature(father, 'conflict')?.value).toBe(1);
    expect(father.match).toBe(false);
    const repeated = match({ name: 'Abdul Kabir Abdul Testjan' }, person('Abdul Kabir Mohammad Testjan'));
    expect(feature(repeated, 'conflict')?.value).toBe(1);
  });

  it('counts no edit between letters that spell one sound, and every other letter', () => {
    // BARACK and BARAK, KHUSSEIN and HUSSEIN: one name in two spelling conventions.
    const spelled = match({ name: 'Barack Testama' }, person('Barak Testama'));
    expect(feature(spelled, 'weakestEdits')).toBeUndefined();
    expect(spelled.match).toBe(true);
    const other = match({ name: 'Pedro Testancho' }, person('Pedro Testanchez'));
    expect(feature(other, 'weakestEdits')?.value).toBeGreaterThanOrEqual(0.5);
    // The explanation says how many letters differ.
    expect(feature(other, 'weakestEdits')?.detail).toBe('TESTANCHO and TESTANCHEZ differ by 2 letters in their spelling');
    expect(feature(match({ name: 'Pedro Testnachez' }, person('Pedro Testanchez')), 'weakestEdits')?.detail).toBe(
      'TESTNACHEZ and TESTANCHEZ differ by one letter in their spelling',
    );
  });

  it('counts the letters that differ between joined words and the word they correspond to as edits', () => {
    const differs = match({ name: 'Zorvan Testadian' }, person('Testad Iman Zorvan'));
    expect(feature(differs, 'nameSimilarity')?.detail).toContain('TESTADIAN ~ TESTAD IMAN (joined)');
    expect(feature(differs, 'weakestEdits')?.detail).toBe('TESTADIAN and TESTAD IMAN differ by one letter in their spelling');
    // Words joined as they are differ by no letter.
    const joined = match({ name: 'Zorvan Testadiman' }, person('Testad Iman Zorvan'));
    expect(feature(joined, 'weakestEdits')).toBeUndefined();
    expect(differs.score).toBeLessThan(joined.score);
  });

  it('counts the letters of a name written in Arabic script as the script can write them: e/i, o/u, p/b, v/f, x/ks are a romanisation’s choice', () => {
    expect(abjadKey('perez')).toBe(abjadKey('biriz'));
    expect(abjadKey('maxim')).toBe(abjadKey('maksim'));
    // Letters the script tells apart stay apart (و W, ف F), and so does a vowel written or not (MUHAMMAD, MAHMUD).
    expect(abjadKey('wahid')).not.toBe(abjadKey('fahid'));
    expect(abjadKey('muhammad')).not.toBe(abjadKey('mahmud'));
    const arabic = match({ name: 'بيدرو تستوبيريز' }, person('Pedro Testoperez'));
    expect(feature(arabic, 'nameSimilarity')?.detail).toContain('BIDRU ~ PEDRO');
    // TASTUBIRIZ and TESTOPEREZ: only the vowel the romanisation chose for the unwritten one (ت TA) differs.
    expect(feature(arabic, 'weakestEdits')?.detail).toBe('TASTUBIRIZ and TESTOPEREZ differ by one letter as Arabic or Hebrew script can write them');
    expect(arabic.match).toBe(true);
    // The same letters written in Latin script spell another name.
    const latin = match({ name: 'Bidru Tastubiriz' }, person('Pedro Testoperez'));
    expect(feature(latin, 'weakestEdits')?.detail).toBe('TASTUBIRIZ and TESTOPEREZ differ by 4 letters or more in their spelling');
    expect(latin.match).toBe(false);
    // A consonant the script writes, written otherwise (م M for P), still counts.
    const other = match({ name: 'بيدرو تستوميريز' }, person('Pedro Testoperez'));
    expect(feature(other, 'weakestEdits')?.value).toBeGreaterThan(feature(arabic, 'weakestEdits')!.value!);
    expect(other.score).toBeLessThan(arabic.score);
  });

  it('finds no name in initials alone: N.N. is not every person whose names start with N', () => {
    for (const name of ['N.N.', 'N. Q.', 'NQ']) {
      const r = match({ name }, person('Nursultan Quuxbayev'));
      expect(r.match, name).toBe(false);
      expect(feature(r, 'nameSimilarity')?.value, name).toBe(0);
    }
    // An initial beside a name still stands for a name part; an organisation's acronym is its name.
    expect(match({ name: 'N. Quuxbayev' }, person('Nursultan Quuxbayev')).match).toBe(true);
    expect(match({ name: 'QTM', schema: 'Company' }, company('Quux Testing Machines')).match).toBe(true);
  });

  it('reads common abbreviations in organisation names as the words they stand for', () => {
    const abbreviated = match({ name: "First Bank Int'l", schema: 'Company' }, company('First International Bank'));
    const written = match({ name: 'First Bank International', schema: 'Company' }, company('First International Bank'));
    expect(feature(abbreviated, 'nameSimilarity')?.detail).toContain('INTERNATIONAL = INTERNATIONAL');
    expect(abbreviated.score).toBeCloseTo(written.score, 6);
    expect(abbreviated.score).toBeGreaterThan(abbreviated.threshold + 0.2);
    for (const [a, b] of [
      ['Testacme Mfg. Co.', 'Testacme Manufacturing Company'],
      ['Testacme Bros Hldgs', 'Testacme Brothers Holdings'],
      ["Nat'l Testacme Svcs Grp", 'National Testacme Services Group'],
      ['Testacme Univ Dept of Mgmt', 'Testacme University Department of Management'],
    ] as const) {
      const r = match({ name: a, schema: 'Company' }, company(b));
      expect(feature(r, 'exactName')?.value, a).toBe(1);
    }
  });

  it('leaves the abbreviations of organisation names alone in the names of people', () => {
    const r = match({ name: 'Testperson Bros' }, person('Testperson Brothers'));
    expect(feature(r, 'exactName')).toBeUndefined();
    expect(feature(r, 'nameSimilarity')?.detail).not.toContain('BROTHERS = BROTHERS');
  });
});
