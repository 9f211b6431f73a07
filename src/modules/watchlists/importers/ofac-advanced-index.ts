// First pass over OFAC's sdn_advanced.xml: reference value sets, locations, documents, sanctions entries and relationships, kept compact.
import { normaliseDate } from '../../../core/model/index.js';
import { readXml, child, childrenNamed, textOf, type XmlElement } from './xml-reader.js';
import type { ImportContext } from './types.js';

export interface RefValue {
  text: string;
  attrs: Record<string, string>;
}

export interface LocationInfo {
  countryId?: string;
  /** [LocPartTypeID, value] */
  parts: [string, string][];
}

export interface DocInfo {
  typeId: string;
  number: string;
  countryId?: string;
  authority: string;
  comment: string;
  /** [IDRegDocDateTypeID, FtM dates] */
  dates: [string, string[]][];
}

export interface EntryInfo {
  listIds: string[];
  /** [SanctionsTypeID, comment] */
  measures: [string, string][];
  legalBasisIds: string[];
  dates: string[];
}

export interface Relation {
  id: string;
  from: string;
  to: string;
  typeId: string;
  former: boolean;
}

export class AdvancedIndex {
  readonly refs = new Map<string, Map<string, RefValue>>();
  readonly locations = new Map<string, LocationInfo>();
  readonly docs = new Map<string, DocInfo[]>();
  readonly entries = new Map<string, EntryInfo>();
  readonly relations: Relation[] = [];

  /** The text of a reference value (`ref('AliasType', '1400')` → `A.K.A.`), '' when unknown. */
  ref(set: string, id: string | undefined): string {
    return (id !== undefined && this.refs.get(set)?.get(id)?.text) || '';
  }

  refAttrs(set: string, id: string | undefined): Record<string, string> {
    return (id !== undefined && this.refs.get(set)?.get(id)?.attrs) || {};
  }
}

const SECTIONS = new Set(['Locations', 'IDRegDocuments', 'ProfileRelationships', 'SanctionsEntries']);

/** Reads everything but the parties, which the second pass streams. */
export async function indexAdvanced(file: string, ctx: ImportContext, onBytes: (bytes: number, records: number) => void): Promise<AdvancedIndex> {
  const idx = new AdvancedIndex();
  const records = readXml(file, {
    root: 'Sanctions',
    isRecord: (p) => p.length === 3 && (p[1] === 'ReferenceValueSets' || SECTIONS.has(p[1]!)),
    onProgress: (p) => onBytes(p.bytes, p.records),
    signal: ctx.signal,
  });
  for await (const { element: el } of records) {
    const id = el.attrs.ID ?? '';
    if (el.name === 'Location') {
      const parts = childrenNamed(el, 'LocationPart').map((p): [string, string] => {
        const values = childrenNamed(p, 'LocationPartValue');
        const value = values.find((v) => v.attrs.Primary === 'true') ?? values[0];
        return [p.attrs.LocPartTypeID ?? '', textOf(value, 'Value')];
      });
      idx.locations.set(id, { countryId: child(el, 'LocationCountry')?.attrs.CountryID, parts });
    } else if (el.name === 'IDRegDocument') {
      const doc: DocInfo = {
        typeId: el.attrs.IDRegDocTypeID ?? '',
        number: textOf(el, 'IDRegistrationNo'),
        countryId: el.attrs['IssuedBy-CountryID'],
        authority: textOf(el, 'IssuingAuthority'),
        comment: textOf(el, 'Comment'),
        dates: childrenNamed(el, 'DocumentDate').map((d) => [d.attrs.IDRegDocDateTypeID ?? '', periodDates(child(d, 'DatePeriod'))]),
      };
      const key = el.attrs.IdentityID ?? '';
      idx.docs.set(key, [...(idx.docs.get(key) ?? []), doc]);
    } else if (el.name === 'ProfileRelationship') {
      const a = el.attrs;
      idx.relations.push({ id, from: a['From-ProfileID'] ?? '', to: a['To-ProfileID'] ?? '', typeId: a.RelationTypeID ?? '', former: a.Former === 'true' });
    } else if (el.name === 'SanctionsEntry') {
      const entry = idx.entries.get(el.attrs.ProfileID ?? '') ?? { listIds: [], measures: [], legalBasisIds: [], dates: [] };
      if (el.attrs.ListID) entry.listIds.push(el.attrs.ListID);
      for (const ev of childrenNamed(el, 'EntryEvent')) {
        if (ev.attrs.LegalBasisID) entry.legalBasisIds.push(ev.attrs.LegalBasisID);
        const date = dayOf(child(ev, 'Date'));
        if (date) entry.dates.push(date);
      }
      for (const m of childrenNamed(el, 'SanctionsMeasure')) entry.measures.push([m.attrs.SanctionsTypeID ?? '', textOf(m, 'Comment')]);
      idx.entries.set(el.attrs.ProfileID ?? '', entry);
    } else {
      // a reference value set, e.g. <AliasTypeValues><AliasType ID="1400">A.K.A.</AliasType>…
      const set = new Map<string, RefValue>();
      for (const v of el.children) if (v.attrs.ID !== undefined) set.set(v.attrs.ID, { text: textOf(v), attrs: v.attrs });
      idx.refs.set(el.name.replace(/Values$/, ''), set);
    }
  }
  return idx;
}

/** `YYYY-MM-DD` (or coarser) from an element with Year, Month, Day children; '' when there is no year. */
export function dayOf(el: XmlElement | undefined): string {
  const y = textOf(el, 'Year');
  if (!/^\d{4}$/.test(y)) return '';
  const m = textOf(el, 'Month');
  const d = textOf(el, 'Day');
  const pad = (s: string): string => s.padStart(2, '0');
  const value = /^\d{1,2}$/.test(m) ? (/^\d{1,2}$/.test(d) ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}`) : y;
  return normaliseDate(value)?.[0] ?? '';
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * FtM dates of a DatePeriod: its start (Start/From) and end (End/To). One day when they agree;
 * a whole month or whole years when the period covers exactly that; otherwise both ends.
 */
export function periodDates(dp: XmlElement | undefined): string[] {
  if (!dp) return [];
  const start = child(dp, 'Start');
  const end = child(dp, 'End');
  const from = dayOf(child(start, 'From')) || dayOf(child(start, 'To'));
  const to = dayOf(child(end, 'To')) || dayOf(child(end, 'From')) || from;
  if (!from) return to ? [to] : [];
  if (from === to || from.length < 10 || to.length < 10) return [...new Set([from, to])];
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (fm === 1 && fd === 1 && tm === 12 && td === 31) return normaliseDate(fy === ty ? String(fy) : `between ${fy} and ${ty}`) ?? [from, to];
  if (fy === ty && fm === tm && fd === 1 && td === lastDay(ty, tm)) return [from.slice(0, 7)];
  return [from, to];
}
