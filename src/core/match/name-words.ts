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
