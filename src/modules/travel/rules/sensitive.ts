// The validator that refuses sensitive characteristics (EU PNR Directive art. 6(4), CJEU C-817/19) in fields, values and list names.
import { operandsOf, type Expr } from './ast.js';
import { fail, type Span } from './errors.js';
import { countryOf } from './view.js';

export const CATEGORIES = {
  ethnic: 'racial or ethnic origin',
  political: 'political opinions',
  religion: 'religious or philosophical beliefs',
  union: 'trade union membership',
  health: 'health',
  sexLife: 'sex life or sexual orientation',
  sex: 'sex or gender',
  freeText: 'free text, which may reveal any sensitive characteristic',
} as const;
export type Category = keyof typeof CATEGORIES;

/** Words of a field name (split on dots and camelCase) that name a sensitive characteristic. */
const FIELD_WORDS: Record<string, Category> = {
  sex: 'sex',
  gender: 'sex',
  title: 'sex',
  salutation: 'sex',
  sexual: 'sexLife',
  orientation: 'sexLife',
  meal: 'religion',
  meals: 'religion',
  diet: 'religion',
  dietary: 'religion',
  religion: 'religion',
  religious: 'religion',
  faith: 'religion',
  belief: 'religion',
  beliefs: 'religion',
  ethnic: 'ethnic',
  ethnicity: 'ethnic',
  race: 'ethnic',
  racial: 'ethnic',
  language: 'ethnic',
  name: 'ethnic',
  names: 'ethnic',
  surname: 'ethnic',
  health: 'health',
  medical: 'health',
  disability: 'health',
  disabled: 'health',
  wheelchair: 'health',
  assistance: 'health',
  pregnancy: 'health',
  political: 'political',
  politics: 'political',
  union: 'union',
  ssr: 'freeText',
  osi: 'freeText',
  remark: 'freeText',
  remarks: 'freeText',
  text: 'freeText',
  freetext: 'freeText',
  note: 'freeText',
  notes: 'freeText',
  comment: 'freeText',
  comments: 'freeText',
};

const RELIGIOUS_MEALS = ['MOML', 'KSML', 'HNML', 'VJML', 'JNML'];
const OTHER_MEALS = ['AVML', 'BBML', 'CHML', 'FPML', 'ORML', 'RVML', 'SFML', 'VGML', 'VLML', 'VOML', 'JPML', 'NSML'];
const HEALTH_MEALS = ['BLML', 'DBML', 'GFML', 'HFML', 'LCML', 'LFML', 'LPML', 'LSML', 'NLML', 'PFML', 'SPML'];
const HEALTH_SSR = [
  'WCHR',
  'WCHS',
  'WCHC',
  'WCBD',
  'WCBW',
  'WCMP',
  'WCOB',
  'WCLB',
  'BLND',
  'DEAF',
  'DPNA',
  'MEDA',
  'STCR',
  'OXYG',
  'POXY',
  'PPOC',
  'MAAS',
  'SVAN',
  'ESAN',
];

/** SSR codes as they appear in PNRs, and what they reveal. */
export const SENSITIVE_CODES: ReadonlyMap<string, Category> = new Map<string, Category>([
  ...RELIGIOUS_MEALS.map((c) => [c, 'religion'] as const),
  ...OTHER_MEALS.map((c) => [c, 'religion'] as const),
  ...HEALTH_MEALS.map((c) => [c, 'health'] as const),
  ...HEALTH_SSR.map((c) => [c, 'health'] as const),
  ['LANG', 'ethnic'],
]);

const WORDS: Array<[RegExp, Category]> = [
  [
    /\b(MUSLIMS?|ISLAM|ISLAMIC|ISLAMIST\w*|HALAL|KOSHER|JEWS?|JEWISH|HINDU\w*|CHRISTIAN\w*|CATHOLIC\w*|PROTESTANT\w*|ORTHODOX|BUDDHIS\w*|SIKHS?|MOSQUES?|CHURCH(?:ES)?|SYNAGOGUES?|PRAYERS?|RAMADAN|VEGETARIANS?|VEGANS?|ATHEIS\w*)\b/,
    'religion',
  ],
  [/\b(WHEELCHAIRS?|DISAB\w*|BLIND|DEAF|PREGNAN\w*|DIABET\w*|MEDICAL|ALLERG\w*|ILLNESS|HIV|OXYGEN|STRETCHER)\b/, 'health'],
  [/\b(GAYS?|LESBIANS?|HOMOSEXUAL\w*|BISEXUAL\w*|TRANSGENDER\w*|LGBT\w*)\b/, 'sexLife'],
  [/\b(ETHNIC\w*|RACIAL|RACES?|CAUCASIANS?)\b/, 'ethnic'],
  [/\b(TRADE ?UNION\w*|UNIONISTS?)\b/, 'union'],
  [/\b(POLITICAL|PARTY MEMBER\w*|ACTIVISTS?)\b/, 'political'],
  [/\b(MALES?|FEMALES?|GENDER|SEX)\b/, 'sex'],
];

/** The category a value (a literal, a list entry or a list name) would reveal, or null. */
export function sensitiveValue(value: string): Category | null {
  const upper = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  if (!upper) return null;
  for (const word of upper.split(' ')) {
    const c = SENSITIVE_CODES.get(word);
    if (c) return c;
  }
  // A country's own name (`Islamic Republic of Iran`) is a country, not a belief.
  if (countryOf(value)) return null;
  for (const [re, c] of WORDS) if (re.test(upper)) return c;
  return null;
}

/** The category a field name would read, or null. */
export function sensitiveField(name: string): Category | null {
  const words = name
    .split('.')
    .flatMap((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_]+/))
    .map((w) => w.toLowerCase());
  for (const w of words) {
    const c = Object.hasOwn(FIELD_WORDS, w) ? FIELD_WORDS[w] : undefined;
    if (c) return c;
  }
  return null;
}

const WHY: Record<Category, string> = {
  ethnic: 'rules may not use racial or ethnic origin, nor what stands in for it (names, languages)',
  political: 'rules may not use political opinions',
  religion: 'rules may not use religious or philosophical beliefs, nor what reveals them (meal preferences)',
  union: 'rules may not use trade union membership',
  health: 'rules may not use health data, nor what reveals it (wheelchair and medical assistance requests, special meals)',
  sexLife: "rules may not use a person's sex life or sexual orientation",
  sex: 'rules may not use sex or gender: it is no risk indicator, and criteria that single people out by sex discriminate',
  freeText: 'rules may not read free text (remarks, SSR and OSI text): it may reveal any sensitive characteristic and cannot be checked',
};

function refuse(kind: 'field' | 'value' | 'list', text: string, span: Span, c: Category): never {
  const what = kind === 'field' ? `the field ${text}` : kind === 'list' ? `the list name "${text}"` : `the value "${text}"`;
  return fail(
    'sensitive-characteristic',
    `${what} refers to ${CATEGORIES[c]}: ${WHY[c]} (${c === 'sex' ? 'EU Charter art. 21, CJEU C-817/19' : 'EU PNR Directive art. 6(4), CJEU C-817/19'})`,
    span,
    text,
    c,
  );
}

/** Throws RuleError `sensitive-characteristic` naming the first offending part; returns quietly for an acceptable rule. */
export function checkSensitive(e: Expr): void {
  visit(e);
}

function visit(e: Expr): void {
  if (e.kind === 'quantified') {
    const c = sensitiveField(e.collection);
    if (c) refuse('field', e.collection, e.collectionSpan, c);
    visit(e.body);
    return;
  }
  if (e.kind === 'or' || e.kind === 'and') return e.items.forEach(visit);
  if (e.kind === 'not') return visit(e.expr);
  if (e.kind === 'in-list') {
    const c = sensitiveValue(e.list);
    if (c) refuse('list', e.list, e.listSpan, c);
  }
  for (const o of operandsOf(e)) {
    if (o.kind === 'field') {
      const c = sensitiveField(o.name);
      if (c) refuse('field', o.name, o.span, c);
    } else if (o.kind === 'string') {
      const c = sensitiveValue(o.value);
      if (c) refuse('value', o.value, o.span, c);
    }
  }
}
