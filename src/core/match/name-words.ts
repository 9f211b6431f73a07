// Words with a role in names beyond what core/text parses: particles (per token), legal words in person names, number words.

/** Connecting particles and stop words: kept, but they carry little weight. */
export const PARTICLES: ReadonlySet<string> = new Set(
  (
    'al el ul bin ibn ben bint binti abu abou van von der den de del della dei di da du des la le los las dos das y ' +
    'ter ten zu af av mac of the and for in fi at on und et'
  ).split(' '),
);

/** Person names drop only these legal-form words (others, such as `sa` or `ao`, are also given names). */
export const PERSON_LEGAL_WORDS: ReadonlySet<string> = new Set('llc ltd limited inc gmbh corp corporation plc jsc ooo oao'.split(' '));

/**
 * Abbreviations of common words in organisation names, each to the word it stands for (INT'L, MFG, BROS): a name is
 * compared as if written out. Written by hand from general knowledge of English business usage in company names and
 * on registers; only abbreviations that stand for one word and are no word of their own (not TECH, IND, INT, ENG).
 * Legal forms (Co, Corp, Inc, Ltd) are core/text's legal-form table.
 */
export const ORGANISATION_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['intl', 'international'],
  ['natl', 'national'],
  ['mfg', 'manufacturing'],
  ['mfr', 'manufacturer'],
  ['mfrs', 'manufacturers'],
  ['assn', 'association'],
  ['bros', 'brothers'],
  ['grp', 'group'],
  ['hldg', 'holding'],
  ['hldgs', 'holdings'],
  ['svc', 'service'],
  ['svcs', 'services'],
  ['mgmt', 'management'],
  ['dept', 'department'],
  ['univ', 'university'],
  ['govt', 'government'],
  ['engg', 'engineering'],
  ['trdg', 'trading'],
  ['fdn', 'foundation'],
]);

const UNITS = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS = 'zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth'.split(' ');

/** Number words to their value: cardinals up to ninety, the common ordinals and the misspelling `fourty`. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i] as [string, number]),
  ...TENS.flatMap((w, i) => (w ? [[w, i * 10] as [string, number]] : [])),
  ...ORDINALS.map((w, i) => [w, i] as [string, number]),
  ['fourty', 40],
  ['hundred', 100],
]);
