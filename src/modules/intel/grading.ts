// Grading schemes of intelligence reports: source evaluation, information assessment and handling codes; three built in, more configurable.
import { z } from 'zod';
import { invalid } from '../../platform/errors.js';

export interface Grade {
  code: string;
  label: string;
}

export interface GradingScheme {
  id: string;
  name: string;
  /** What the source grades say (e.g. "Source evaluation"). */
  sourceTitle: string;
  source: Grade[];
  infoTitle: string;
  info: Grade[];
  handling: Grade[];
  builtIn: boolean;
}

const g = (code: string, label: string): Grade => ({ code, label });

/** UK College of Policing intelligence management (3x5x2), in force since 2016. */
const UK_3X5X2: GradingScheme = {
  id: 'uk-3x5x2',
  name: 'UK 3x5x2',
  sourceTitle: 'Source evaluation',
  source: [g('1', 'Reliable'), g('2', 'Untested'), g('3', 'Not reliable')],
  infoTitle: 'Intelligence assessment',
  info: [
    g('A', 'Known directly to the source'),
    g('B', 'Known indirectly to the source but corroborated'),
    g('C', 'Known indirectly to the source'),
    g('D', 'Not known'),
    g('E', 'Suspected to be false or malicious'),
  ],
  handling: [g('P', 'Lawful sharing permitted'), g('C', 'Lawful sharing permitted subject to conditions')],
  builtIn: true,
};

/** The earlier UK National Intelligence Model 5x5x5. */
const UK_5X5X5: GradingScheme = {
  id: 'uk-5x5x5',
  name: 'UK 5x5x5',
  sourceTitle: 'Source evaluation',
  source: [g('A', 'Always reliable'), g('B', 'Mostly reliable'), g('C', 'Sometimes reliable'), g('D', 'Unreliable'), g('E', 'Untested source')],
  infoTitle: 'Intelligence evaluation',
  info: [
    g('1', 'Known to be true without reservation'),
    g('2', 'Known personally to the source but not to the officer'),
    g('3', 'Not personally known to the source but corroborated'),
    g('4', 'Cannot be judged'),
    g('5', 'Suspected to be false'),
  ],
  handling: [
    g('1', 'May be disseminated to other law enforcement and prosecuting agencies'),
    g('2', 'May be disseminated to non-prosecuting parties'),
    g('3', 'May be disseminated to foreign law enforcement agencies'),
    g('4', 'May be disseminated within the originating agency only'),
    g('5', 'No further dissemination: refer to the originator'),
  ],
  builtIn: true,
};

/** NATO / Admiralty code (STANAG 2511, AJP-2.1); handling by Traffic Light Protocol 2.0. */
const NATO: GradingScheme = {
  id: 'nato-admiralty',
  name: 'NATO / Admiralty',
  sourceTitle: 'Source reliability',
  source: [
    g('A', 'Completely reliable'),
    g('B', 'Usually reliable'),
    g('C', 'Fairly reliable'),
    g('D', 'Not usually reliable'),
    g('E', 'Unreliable'),
    g('F', 'Reliability cannot be judged'),
  ],
  infoTitle: 'Information credibility',
  info: [
    g('1', 'Confirmed by other sources'),
    g('2', 'Probably true'),
    g('3', 'Possibly true'),
    g('4', 'Doubtful'),
    g('5', 'Improbable'),
    g('6', 'Truth cannot be judged'),
  ],
  handling: [
    g('TLP:CLEAR', 'No restriction'),
    g('TLP:GREEN', 'Community'),
    g('TLP:AMBER', 'Organisation and clients'),
    g('TLP:AMBER+STRICT', 'Organisation only'),
    g('TLP:RED', 'Named recipients only'),
  ],
  builtIn: true,
};

export const BUILT_IN_SCHEMES: readonly GradingScheme[] = [UK_3X5X2, UK_5X5X5, NATO];

const GradeInput = z.object({ code: z.string().regex(/^[A-Za-z0-9:+_-]{1,20}$/), label: z.string().min(1).max(200) });
const grades = z.array(GradeInput).min(1).max(20);
/** A scheme an organisation defines (PUT /api/intel/schemes/:id). */
export const SchemeInput = z.object({
  name: z.string().min(1).max(100),
  sourceTitle: z.string().min(1).max(100),
  source: grades,
  infoTitle: z.string().min(1).max(100),
  info: grades,
  handling: grades,
});
export type SchemeInput = z.infer<typeof SchemeInput>;
export const SCHEME_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Checks that codes are unique within each list; throws a validation error naming the list. */
export function checkScheme(id: string, s: SchemeInput): GradingScheme {
  if (!SCHEME_ID.test(id)) throw invalid('id', 'must be lower case letters, digits and -, at most 40');
  if (BUILT_IN_SCHEMES.some((b) => b.id === id)) throw invalid('id', `${id} is a built-in scheme and cannot be changed`);
  for (const list of ['source', 'info', 'handling'] as const) {
    const seen = new Set<string>();
    for (const [i, x] of s[list].entries()) {
      if (seen.has(x.code)) throw invalid(`${list}[${i}].code`, `code ${x.code} appears twice`);
      seen.add(x.code);
    }
  }
  return { id, ...s, builtIn: false };
}

/** Checks a report's grades against its scheme; throws naming the field. */
export function checkGrades(scheme: GradingScheme, r: { sourceGrade: string; infoGrade: string; handling: string }): void {
  const has = (list: Grade[], code: string) => list.some((x) => x.code === code);
  const codes = (list: Grade[]) => list.map((x) => x.code).join(', ');
  if (!has(scheme.source, r.sourceGrade)) throw invalid('sourceGrade', `${scheme.name}: one of ${codes(scheme.source)}`);
  if (!has(scheme.info, r.infoGrade)) throw invalid('infoGrade', `${scheme.name}: one of ${codes(scheme.info)}`);
  if (!has(scheme.handling, r.handling)) throw invalid('handling', `${scheme.name}: one of ${codes(scheme.handling)}`);
}
