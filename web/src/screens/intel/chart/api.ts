// Calls of the link chart: neighbourhood, analysis, seeds, dates and grades, saved charts; and the chart document as a saved state.
import { api, call } from '../../../api/client';
import type { BodyOf, Ok } from '../../../api/types';
import type { ChartDoc } from './doc';
import type { ViewOptions } from './view';

export type ChartSummary = Ok<'/api/intel/cases/{caseId}/charts', 'get'>['items'][number];
export type SavedChart = Ok<'/api/intel/cases/{caseId}/charts/{chartId}', 'get'>;
export type ChartState = BodyOf<'/api/intel/cases/{caseId}/charts', 'post'>['state'];
export type Expansion = Ok<'/api/intel/cases/{caseId}/neighbourhood', 'get'>;
export type Analysis = Ok<'/api/intel/cases/{caseId}/analysis', 'get'>;
export type Seed = Ok<'/api/intel/cases/{caseId}/chart-seed', 'get'>;
export type Facts = Ok<'/api/intel/cases/{caseId}/chart-facts', 'get'>;

const path = (caseId: string) => ({ path: { caseId } });

export const fetchNeighbourhood = (caseId: string, q: { ids: string[]; limit: number; nodeTypes: string[]; types: string[] }) =>
  call(
    api.GET('/api/intel/cases/{caseId}/neighbourhood', {
      params: {
        ...path(caseId),
        query: {
          ids: q.ids.join(','),
          hops: 1,
          limit: q.limit,
          nodeTypes: q.nodeTypes.length ? q.nodeTypes.join(',') : undefined,
          types: q.types.length ? q.types.join(',') : undefined,
        },
      },
    }),
  );
export const fetchAnalysis = (caseId: string) => call(api.GET('/api/intel/cases/{caseId}/analysis', { params: { ...path(caseId), query: { limit: 10000 } } }));
export const fetchSeed = (caseId: string, ids: string[]) =>
  call(api.GET('/api/intel/cases/{caseId}/chart-seed', { params: { ...path(caseId), query: { ids: ids.join(',') } } }));
export const fetchFacts = (caseId: string) => call(api.GET('/api/intel/cases/{caseId}/chart-facts', { params: path(caseId) }));
export const fetchCharts = (caseId: string) => call(api.GET('/api/intel/cases/{caseId}/charts', { params: path(caseId) })).then((r) => r.items);
export const fetchChart = (caseId: string, chartId: string) =>
  call(api.GET('/api/intel/cases/{caseId}/charts/{chartId}', { params: { path: { caseId, chartId } } }));
export const createChart = (caseId: string, name: string, state: ChartState) =>
  call(api.POST('/api/intel/cases/{caseId}/charts', { params: path(caseId), body: { name, state } }));
export const updateChart = (caseId: string, chartId: string, body: { name?: string; state?: ChartState }) =>
  call(api.PUT('/api/intel/cases/{caseId}/charts/{chartId}', { params: { path: { caseId, chartId } }, body }));
export const deleteChart = (caseId: string, chartId: string) =>
  call(api.DELETE('/api/intel/cases/{caseId}/charts/{chartId}', { params: { path: { caseId, chartId } } }));

const round = (v: number) => Math.round(v * 100) / 100;

/** The document and its styling as the state a saved chart keeps (ids and layout, no names). */
export function toState(doc: ChartDoc, o: ViewOptions): ChartState {
  return {
    version: 1,
    nodes: [...doc.nodes.values()].map((n) => ({
      id: n.id,
      x: round(n.x),
      y: round(n.y),
      ...(n.pinned ? { pinned: true } : {}),
      ...(n.hidden ? { hidden: true } : {}),
      ...(n.colour ? { colour: n.colour } : {}),
    })),
    links: [...doc.links.keys()],
    groups: doc.groups.map((g) => ({ ...g, members: [...g.members] })),
    style: {
      colourBy: o.colourBy,
      sizeBy: o.sizeBy,
      ...(o.since ? { since: o.since } : {}),
      ...(o.until ? { until: o.until } : {}),
      ...(o.undated ? {} : { undated: false }),
      ...(o.grades ? { grades: [...o.grades] } : {}),
    },
  };
}

/** A saved chart back into a document, with the names the case has now. */
export function fromSaved(s: SavedChart): { doc: ChartDoc; options: ViewOptions } {
  const known = new Map(s.graph.nodes.map((n) => [n.id, n]));
  const nodes = new Map(
    s.state.nodes.flatMap((n) => {
      const k = known.get(n.id);
      return k
        ? [[n.id, { id: n.id, schema: k.schema, caption: k.caption, x: n.x, y: n.y, pinned: !!n.pinned, hidden: !!n.hidden, colour: n.colour }] as const]
        : [];
    }),
  );
  const links = new Map(s.graph.links.map((l) => [l.id, l]));
  const groups = s.state.groups.map((g) => ({ ...g, members: g.members.filter((m) => nodes.has(m)) })).filter((g) => g.members.length);
  const st = s.state.style;
  return {
    doc: { nodes, links, groups },
    options: {
      colourBy: st.colourBy,
      sizeBy: st.sizeBy,
      since: st.since,
      until: st.until,
      undated: st.undated ?? true,
      grades: st.grades ? new Set(st.grades) : undefined,
    },
  };
}
