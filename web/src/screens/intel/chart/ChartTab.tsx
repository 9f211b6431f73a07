// The link chart of a case: WebGL drawing, expansion with type filters, undo/redo, collapse/hide/group/pin, selection, styling, filters, timeline, saved charts, PNG/SVG.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Field } from '../../../components/Field';
import { Badge, ErrorNote, Name } from '../../../components/Text';
import { formatNumber, t, type MessageKey } from '../../../i18n';
import { Link, useQueryState } from '../../../router';
import { schemaLabel } from '../../lists/format';
import { casePath } from '../api';
import {
  createChart,
  deleteChart,
  fetchAnalysis,
  fetchChart,
  fetchCharts,
  fetchFacts,
  fetchNeighbourhood,
  fetchSeed,
  fromSaved,
  toState,
  updateChart,
  type Analysis,
  type ChartSummary,
} from './api';
import {
  addGraph,
  apply,
  collapse,
  emptyDoc,
  group,
  GROUP_PREFIX,
  move,
  redo,
  removeNodes,
  setCollapsed,
  showAll,
  startHistory,
  undo,
  ungroup,
  update,
  type ChartDoc,
  type History,
} from './doc';
import { downloadBlob, scene, toPng, toSvg } from './image';
import { layoutInWorker } from './layout';
import { ChartRenderer } from './render';
import { Timeline } from './Timeline';
import { NO_GRADE, project, viewDegrees, type Fact, type Metrics, type ViewOptions } from './view';

const NODE_TYPES = ['Person', 'Company', 'Organization', 'LegalEntity', 'PublicBody', 'Address', 'BankAccount', 'Vehicle', 'Event'];
const LINK_TYPES = ['Ownership', 'Directorship', 'Membership', 'Employment', 'Family', 'Associate', 'Payment', 'Call', 'Representation', 'UnknownLink'];
/** Layout runs by itself (in a web worker) after an addition up to this many entities; beyond it, on request. */
const AUTO_LAYOUT = 20_000;

interface Session {
  hist: History;
  options: ViewOptions;
  chart: { id: string; name: string } | null;
  notices: string[];
}
/** The chart of each case survives switching tabs (it is the analyst's work in progress). */
const sessions = new Map<string, Session>();
const DEFAULT_OPTIONS: ViewOptions = { colourBy: 'type', sizeBy: 'none', undated: true };

const uniq = <T,>(xs: Iterable<T>) => [...new Set(xs)];

/** An operation of the toolbar on the selected entities: a change of the chart, undoable under its own label. */
interface SelectionOp {
  /** Button text. */
  label: MessageKey;
  /** Undo label. */
  op: MessageKey;
  apply: (d: ChartDoc, ids: string[]) => ChartDoc;
  /** The selection is gone afterwards (hidden or removed entities). */
  clears?: boolean;
}
const SELECTION_OPS: readonly SelectionOp[] = [
  { label: 'intel.chart.collapse', op: 'intel.chart.op.collapse', apply: collapse },
  { label: 'intel.chart.hide', op: 'intel.chart.op.hide', apply: (d, ids) => update(d, ids, { hidden: true }), clears: true },
  { label: 'intel.chart.pin', op: 'intel.chart.op.pin', apply: (d, ids) => update(d, ids, { pinned: true }) },
  { label: 'intel.chart.unpin', op: 'intel.chart.op.unpin', apply: (d, ids) => update(d, ids, { pinned: false }) },
  { label: 'intel.chart.remove', op: 'intel.chart.op.remove', apply: removeNodes, clears: true },
];

export function ChartTab({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const [query, setQuery] = useQueryState();
  const initial = sessions.get(caseId);
  const [hist, setHist] = useState<History>(initial?.hist ?? startHistory());
  const [options, setOptions] = useState<ViewOptions>(initial?.options ?? DEFAULT_OPTIONS);
  const [chart, setChart] = useState<Session['chart']>(initial?.chart ?? null);
  const [notices, setNotices] = useState<string[]>(initial?.notices ?? []);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [facts, setFacts] = useState<{ map: Map<string, Fact>; grades: string[] }>({ map: new Map(), grades: [] });
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [saved, setSaved] = useState<ChartSummary[]>([]);
  const [expandTypes, setExpandTypes] = useState<string[]>([]);
  const [expandLinks, setExpandLinks] = useState<string[]>([]);
  const [expandLimit, setExpandLimit] = useState('200');
  const [minDegree, setMinDegree] = useState('3');
  const [groupName, setGroupName] = useState('');
  const [saveName, setSaveName] = useState(initial?.chart?.name ?? '');
  const doc = hist.doc;

  useEffect(() => {
    sessions.set(caseId, { hist, options, chart, notices });
  }, [caseId, hist, options, chart, notices]);

  const histRef = useRef(hist);
  histRef.current = hist;
  const change = useCallback((next: ChartDoc, label: string) => setHist((h) => apply(h, next, label)), []);
  const note = (s: string) => setNotices((n) => [s, ...n.filter((x) => x !== s)].slice(0, 6));

  // Facts (dates, grades) and the saved charts of the case.
  const loadSaved = useCallback(() => fetchCharts(caseId).then(setSaved, setError), [caseId]);
  useEffect(() => {
    fetchFacts(caseId).then((f) => setFacts({ map: new Map(f.items.map((i) => [i.id, i])), grades: f.grades }), setError);
    void loadSaved();
  }, [caseId, loadSaved]);

  // Centrality and communities when the styling needs them.
  const needMetrics = options.colourBy === 'community' || options.sizeBy !== 'none';
  useEffect(() => {
    if (!needMetrics || analysis) return;
    fetchAnalysis(caseId).then(setAnalysis, setError);
  }, [caseId, needMetrics, analysis]);
  const metrics = useMemo(() => new Map<string, Metrics>((analysis?.nodes ?? []).map((n) => [n.id, n])), [analysis]);

  const view = useMemo(() => project(doc, options, facts.map, metrics), [doc, options, facts.map, metrics]);

  // Sigma, mounted once; events read the latest state through refs.
  const box = useRef<HTMLDivElement>(null);
  const renderer = useRef<ChartRenderer | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const expandRef = useRef<(ids: string[]) => void>(() => undefined);
  useEffect(() => {
    if (!box.current) return;
    const r = new ChartRenderer(box.current, {
      onClickNode: (key, additive) =>
        setSelected((s) => {
          const next = new Set(additive ? s : []);
          if (additive && s.has(key)) next.delete(key);
          else next.add(key);
          return next;
        }),
      onClickStage: () => setSelected(new Set()),
      onDoubleClickNode: (key) => expandRef.current([key]),
      onDragEnd: (key, x, y) => {
        const h = histRef.current;
        if (key.startsWith(GROUP_PREFIX)) {
          const g = h.doc.groups.find((gr) => `${GROUP_PREFIX}${gr.id}` === key);
          if (!g) return;
          const ms = g.members.map((m) => h.doc.nodes.get(m)!).filter(Boolean);
          const cx = ms.reduce((s, n) => s + n.x, 0) / ms.length;
          const cy = ms.reduce((s, n) => s + n.y, 0) / ms.length;
          change(move(h.doc, new Map(ms.map((n) => [n.id, { x: n.x + x - cx, y: n.y + y - cy }]))), t('intel.chart.op.move'));
        } else change(move(h.doc, new Map([[key, { x, y }]]), true), t('intel.chart.op.move'));
      },
    });
    renderer.current = r;
    (window as unknown as { __vigilChart?: ChartRenderer }).__vigilChart = r;
    return () => {
      r.kill();
      renderer.current = null;
    };
  }, [change]);
  useEffect(() => renderer.current?.sync(view, selectedRef.current), [view]);
  useEffect(() => renderer.current?.select(selected), [selected]);

  /** Entity ids behind a selection (a collapsed group stands for its members). */
  const entityIds = useCallback(
    (keys: Iterable<string>) =>
      uniq(
        [...keys].flatMap((k) => (k.startsWith(GROUP_PREFIX) ? (histRef.current.doc.groups.find((g) => `${GROUP_PREFIX}${g.id}` === k)?.members ?? []) : [k])),
      ),
    [],
  );
  const groupIds = (keys: Iterable<string>) => [...keys].filter((k) => k.startsWith(GROUP_PREFIX)).map((k) => k.slice(GROUP_PREFIX.length));

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // A layout still running when the chart goes away is dropped.
  const layouts = useRef<AbortController | null>(null);
  useEffect(() => {
    const c = new AbortController();
    layouts.current = c;
    return () => c.abort();
  }, []);

  /**
   * Adds to the chart, laid out in a web worker (the chart stays fluid meanwhile), as one undoable change. What changed
   * on the chart during the layout stays: the additions go onto the chart as it is then.
   */
  const add = async (inc: Parameters<typeof addGraph>[1], around: string[] | undefined, label: string) => {
    const base = histRef.current.doc;
    let next = addGraph(base, inc, around);
    if (next.nodes.size <= AUTO_LAYOUT && next.nodes.size !== base.nodes.size) {
      const placed = await layoutInWorker(next, undefined, layouts.current?.signal);
      if (!placed) return;
      if (histRef.current.doc !== base) next = addGraph(histRef.current.doc, inc, around);
      next = move(next, placed);
    }
    change(next, label);
  };

  const expand = (keys: string[]) =>
    run(async () => {
      const ids = entityIds(keys);
      if (!ids.length) return;
      const r = await fetchNeighbourhood(caseId, { ids, limit: Number(expandLimit) || 200, nodeTypes: expandTypes, types: expandLinks });
      await add({ nodes: [...r.seeds, ...r.nodes], links: r.links }, ids, t('intel.chart.op.expand', { count: ids.length }));
      if (r.shown < r.total || !r.exact)
        note(
          t(r.exact ? 'intel.chart.capped' : 'intel.chart.capped-atleast', {
            shown: formatNumber(r.shown),
            total: formatNumber(r.total),
            what: ids.length === 1 ? (histRef.current.doc.nodes.get(ids[0]!)?.caption ?? ids[0]!) : t('intel.chart.selection', { count: ids.length }),
          }),
        );
    });
  expandRef.current = (ids) => void expand(ids);

  // A chart started from a selection elsewhere (entities, search, a path): ?seed=id,id…; a saved chart: ?chart=id.
  const seed = query.get('seed');
  const chartParam = query.get('chart');
  useEffect(() => {
    if (!seed) return;
    const ids = seed.split(',').filter(Boolean);
    void run(async () => {
      const r = await fetchSeed(caseId, ids);
      await add(r, undefined, t('intel.chart.op.seed', { count: r.nodes.length }));
      setSelected(new Set(r.nodes.map((n) => n.id)));
      if (r.missing.length) note(t('intel.chart.missing', { count: r.missing.length }));
      setQuery({ seed: null });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per seed
  }, [seed]);
  const openChart = (chartId: string) =>
    run(async () => {
      const s = await fetchChart(caseId, chartId);
      const { doc: d, options: o } = fromSaved(s);
      change(d, t('intel.chart.op.open', { name: s.name }));
      setOptions(o);
      setChart({ id: s.id, name: s.name });
      setSaveName(s.name);
      setSelected(new Set());
      if (s.graph.missing.length) note(t('intel.chart.missing', { count: s.graph.missing.length }));
    });
  useEffect(() => {
    if (!chartParam || chart?.id === chartParam) return;
    void openChart(chartParam);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per chart opened
  }, [chartParam]);

  const sel = [...selected];
  const selIds = entityIds(sel);
  const present = uniq([...doc.nodes.values()].map((n) => n.schema)).sort();
  const hiddenCount = view.hidden;

  const selectBy = (pred: (key: string) => boolean) => setSelected(new Set(view.nodes.map((n) => n.key).filter(pred)));
  const degrees = useMemo(() => viewDegrees(view), [view]);

  const doLayout = () =>
    void run(async () => {
      const placed = await layoutInWorker(histRef.current.doc, undefined, layouts.current?.signal);
      if (placed) change(move(histRef.current.doc, placed), t('intel.chart.op.layout'));
    });
  const save = (asNew: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    void run(async () => {
      const state = toState(doc, options);
      const name = saveName.trim();
      const s = !asNew && chart ? await updateChart(caseId, chart.id, { name, state }) : await createChart(caseId, name, state);
      setChart({ id: s.id, name: s.name });
      setQuery({ chart: s.id });
      note(t('intel.chart.saved', { name: s.name }));
      await loadSaved();
    });
  };
  const exportAs = (kind: 'png' | 'svg') =>
    void run(async () => {
      const s = scene(view, selected);
      const stem = (chart?.name ?? 'chart').replace(/[^\p{L}\p{N}_-]+/gu, '-');
      if (kind === 'svg') downloadBlob(`${stem}.svg`, new Blob([toSvg(s, chart?.name ?? t('intel.chart.title'))], { type: 'image/svg+xml' }));
      else downloadBlob(`${stem}.png`, await toPng(s));
    });

  const onKey = (e: KeyboardEvent) => {
    // Only on the chart itself: fields keep their own undo and Delete.
    if (!(e.target as HTMLElement).closest('.intel-chart__canvas')) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      setHist((h) => (e.shiftKey ? redo(h) : undo(h)));
    } else if (mod && e.key.toLowerCase() === 'y') {
      e.preventDefault();
      setHist(redo);
    } else if (e.key === 'Delete' && selIds.length) change(removeNodes(doc, selIds), t('intel.chart.op.remove'));
  };

  const runOp = (o: SelectionOp) => {
    change(o.apply(doc, selIds), t(o.op));
    if (o.clears) setSelected(new Set());
  };

  const one = sel.length === 1 ? sel[0]! : undefined;
  const oneNode = one && !one.startsWith(GROUP_PREFIX) ? doc.nodes.get(one) : undefined;
  const oneGroup = one?.startsWith(GROUP_PREFIX) ? doc.groups.find((g) => `${GROUP_PREFIX}${g.id}` === one) : undefined;
  const capped = analysis && analysis.shown < analysis.total;
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const gradeSet = options.grades;

  return (
    <div className="intel-chart" onKeyDown={onKey}>
      <div className="intel-chart__bar" role="toolbar" aria-label={t('intel.chart.toolbar')}>
        <button type="button" className="button button--small" disabled={!hist.past.length} onClick={() => setHist(undo)} title={hist.label}>
          {t('intel.chart.undo')}
        </button>
        <button type="button" className="button button--small" disabled={!hist.future.length} onClick={() => setHist(redo)} title={hist.future[0]?.label}>
          {t('intel.chart.redo')}
        </button>
        <button type="button" className="button button--small" onClick={() => renderer.current?.fit()}>
          {t('intel.chart.fit')}
        </button>
        <button type="button" className="button button--small" disabled={doc.nodes.size < 2 || busy} onClick={doLayout}>
          {t('intel.chart.layout')}
        </button>
        <button type="button" className="button button--small" disabled={!doc.nodes.size} onClick={() => change(emptyDoc(), t('intel.chart.op.clear'))}>
          {t('intel.chart.clear')}
        </button>
        <span className="intel-chart__sep" />
        <button type="button" className="button button--small button--primary" disabled={!selIds.length || busy} onClick={() => void expand(sel)}>
          {t('intel.chart.expand')}
        </button>
        {SELECTION_OPS.map((op) => (
          <button key={op.label} type="button" className="button button--small" disabled={!selIds.length} onClick={() => runOp(op)}>
            {t(op.label)}
          </button>
        ))}
        <button type="button" className="button button--small" disabled={!hiddenCount} onClick={() => change(showAll(doc), t('intel.chart.op.show'))}>
          {t('intel.chart.show-hidden', { count: hiddenCount })}
        </button>
      </div>

      <div className="intel-chart__main">
        <div className="intel-chart__stage">
          <p className="intel-chart__status small" aria-live="polite">
            {t('intel.chart.status', { nodes: formatNumber(view.nodes.length), links: formatNumber(view.links.length) })}
            {hiddenCount > 0 && ` · ${t('intel.chart.hidden', { count: formatNumber(hiddenCount) })}`}
            {view.filteredNodes + view.filteredLinks > 0 &&
              ` · ${t('intel.chart.filtered', { nodes: formatNumber(view.filteredNodes), links: formatNumber(view.filteredLinks) })}`}
            {chart && (
              <>
                {' · '}
                <Badge tone="info">{chart.name}</Badge>
              </>
            )}
          </p>
          {notices.map((n) => (
            <p key={n} className="callout callout--warning intel-chart__notice" role="status">
              {n}{' '}
              <button type="button" className="button button--small" onClick={() => setNotices((ns) => ns.filter((x) => x !== n))}>
                {t('action.close')}
              </button>
            </p>
          ))}
          {capped && (
            <p className="callout callout--warning intel-chart__notice">
              {t('intel.chart.metrics-capped', { shown: formatNumber(analysis.shown), total: formatNumber(analysis.total) })}
            </p>
          )}
          {error !== undefined && <ErrorNote error={error} />}
          <div
            ref={box}
            className="intel-chart__canvas"
            tabIndex={0}
            aria-label={t('intel.chart.canvas')}
            data-nodes={view.nodes.length}
            data-links={view.links.length}
          />
          {!doc.nodes.size && <p className="muted intel-chart__empty">{t('intel.chart.empty')}</p>}
          <Timeline
            doc={doc}
            facts={facts.map}
            since={options.since}
            until={options.until}
            onRange={(since, until) => setOptions((o) => ({ ...o, since, until }))}
          />
        </div>

        <aside className="intel-chart__side">
          {(oneNode || oneGroup) && (
            <section className="panel">
              {oneNode && (
                <>
                  <h3 className="panel__title">
                    <Name>{oneNode.caption || oneNode.id}</Name> <Badge>{schemaLabel(oneNode.schema)}</Badge>
                  </h3>
                  <p className="small">
                    {t('intel.chart.degree', { count: degrees.get(oneNode.id) ?? 0 })}
                    {oneNode.pinned && ` · ${t('intel.chart.pinned')}`}
                    {facts.map.get(oneNode.id)?.grades.length ? ` · ${t('intel.chart.grades', { grades: facts.map.get(oneNode.id)!.grades.join(', ') })}` : ''}
                  </p>
                  <p>
                    <Link to={`${casePath(caseId, 'entities')}/${encodeURIComponent(oneNode.id)}`}>{t('intel.chart.open-entity')}</Link>
                  </p>
                </>
              )}
              {oneGroup && (
                <>
                  <h3 className="panel__title">{oneGroup.label}</h3>
                  <ul className="intel-list small">
                    {oneGroup.members.slice(0, 50).map((m) => (
                      <li key={m}>{doc.nodes.get(m)?.caption ?? m}</li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
          <details className="panel">
            <summary className="panel__title">{t('intel.chart.expand-options')}</summary>
            <fieldset className="intel-chart__checks">
              <legend className="small">{t('intel.chart.expand-types')}</legend>
              {uniq([...NODE_TYPES, ...present]).map((s) => (
                <label key={s} className="check check--inline small">
                  <input type="checkbox" checked={expandTypes.includes(s)} onChange={() => setExpandTypes((l) => toggle(l, s))} /> {schemaLabel(s)}
                </label>
              ))}
            </fieldset>
            <fieldset className="intel-chart__checks">
              <legend className="small">{t('intel.chart.expand-links')}</legend>
              {LINK_TYPES.map((s) => (
                <label key={s} className="check check--inline small">
                  <input type="checkbox" checked={expandLinks.includes(s)} onChange={() => setExpandLinks((l) => toggle(l, s))} /> {schemaLabel(s)}
                </label>
              ))}
            </fieldset>
            <Field label={t('intel.chart.expand-limit')}>
              <input className="input input--short" type="number" min={1} max={10000} value={expandLimit} onChange={(e) => setExpandLimit(e.target.value)} />
            </Field>
            <p className="muted small">{t('intel.chart.expand-hint')}</p>
          </details>

          <details className="panel">
            <summary className="panel__title">{t('intel.chart.select')}</summary>
            <div className="intel-inline">
              <select
                className="input input--short"
                aria-label={t('intel.chart.select-type')}
                value=""
                onChange={(e) => e.target.value && selectBy((k) => doc.nodes.get(k)?.schema === e.target.value)}
              >
                <option value="">{t('intel.chart.select-type')}</option>
                {present.map((s) => (
                  <option key={s} value={s}>
                    {schemaLabel(s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="intel-inline">
              <label className="small" htmlFor="intel-chart-degree">
                {t('intel.chart.select-degree')}
              </label>
              <input
                id="intel-chart-degree"
                className="input input--short"
                type="number"
                min={0}
                value={minDegree}
                onChange={(e) => setMinDegree(e.target.value)}
              />
              <button type="button" className="button button--small" onClick={() => selectBy((k) => (degrees.get(k) ?? 0) >= (Number(minDegree) || 0))}>
                {t('intel.chart.select-do')}
              </button>
            </div>
            <div className="intel-inline">
              <button type="button" className="button button--small" onClick={() => selectBy(() => true)}>
                {t('intel.chart.select-all')}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={!sel.length}
                onClick={() => {
                  const s = new Set(sel);
                  for (const l of view.links) {
                    if (selected.has(l.source)) s.add(l.target);
                    if (selected.has(l.target)) s.add(l.source);
                  }
                  setSelected(s);
                }}
              >
                {t('intel.chart.select-neighbours')}
              </button>
              <button type="button" className="button button--small" disabled={!sel.length} onClick={() => setSelected(new Set())}>
                {t('intel.chart.select-none')}
              </button>
            </div>
            <p className="small">{t('intel.chart.selected', { count: formatNumber(selIds.length) })}</p>
            <form
              className="intel-inline"
              onSubmit={(e) => {
                e.preventDefault();
                change(group(doc, selIds, groupName.trim() || t('intel.chart.group-default')), t('intel.chart.op.group'));
                setGroupName('');
                setSelected(new Set());
              }}
            >
              <input
                className="input input--short"
                aria-label={t('intel.chart.group-name')}
                placeholder={t('intel.chart.group-name')}
                value={groupName}
                onChange={(e) => setGroupName(e.target.value)}
              />
              <button type="submit" className="button button--small" disabled={selIds.length < 2}>
                {t('intel.chart.group')}
              </button>
            </form>
            <div className="intel-inline">
              <button
                type="button"
                className="button button--small"
                disabled={!doc.groups.length}
                onClick={() =>
                  change(
                    setCollapsed(
                      doc,
                      doc.groups.map((g) => g.id),
                      false,
                    ),
                    t('intel.chart.op.open-groups'),
                  )
                }
              >
                {t('intel.chart.groups-open')}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={!doc.groups.length}
                onClick={() =>
                  change(
                    setCollapsed(
                      doc,
                      doc.groups.map((g) => g.id),
                      true,
                    ),
                    t('intel.chart.op.close-groups'),
                  )
                }
              >
                {t('intel.chart.groups-close')}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={!groupIds(sel).length}
                onClick={() => change(ungroup(doc, groupIds(sel)), t('intel.chart.op.ungroup'))}
              >
                {t('intel.chart.ungroup')}
              </button>
            </div>
          </details>

          <details className="panel">
            <summary className="panel__title">{t('intel.chart.style')}</summary>
            <Field label={t('intel.chart.colour-by')}>
              <select
                className="input"
                value={options.colourBy}
                onChange={(e) => setOptions((o) => ({ ...o, colourBy: e.target.value as ViewOptions['colourBy'] }))}
              >
                <option value="type">{t('intel.chart.by-type')}</option>
                <option value="community">{t('intel.chart.by-community')}</option>
              </select>
            </Field>
            <Field label={t('intel.chart.size-by')}>
              <select className="input" value={options.sizeBy} onChange={(e) => setOptions((o) => ({ ...o, sizeBy: e.target.value as ViewOptions['sizeBy'] }))}>
                <option value="none">{t('intel.chart.size-none')}</option>
                <option value="degree">{t('intel.chart.size-degree')}</option>
                <option value="betweenness">{t('intel.chart.size-betweenness')}</option>
              </select>
            </Field>
            <div className="intel-inline">
              <input
                type="color"
                aria-label={t('intel.chart.colour')}
                disabled={!selIds.length}
                onChange={(e) => change(update(doc, selIds, { colour: e.target.value }), t('intel.chart.op.colour'))}
              />
              <button
                type="button"
                className="button button--small"
                disabled={!selIds.length}
                onClick={() => change(update(doc, selIds, { colour: undefined }), t('intel.chart.op.colour'))}
              >
                {t('intel.chart.colour-reset')}
              </button>
            </div>
          </details>

          <details className="panel">
            <summary className="panel__title">{t('intel.chart.filters')}</summary>
            <div className="intel-inline">
              <Field label={t('intel.chart.since')}>
                <input
                  className="input input--short"
                  placeholder="2024-01"
                  value={options.since ?? ''}
                  onChange={(e) => setOptions((o) => ({ ...o, since: e.target.value.trim() || undefined }))}
                />
              </Field>
              <Field label={t('intel.chart.until')}>
                <input
                  className="input input--short"
                  placeholder="2026-12"
                  value={options.until ?? ''}
                  onChange={(e) => setOptions((o) => ({ ...o, until: e.target.value.trim() || undefined }))}
                />
              </Field>
            </div>
            <label className="check check--inline small">
              <input type="checkbox" checked={options.undated} onChange={(e) => setOptions((o) => ({ ...o, undated: e.target.checked }))} />{' '}
              {t('intel.chart.undated')}
            </label>
            <fieldset className="intel-chart__checks">
              <legend className="small">{t('intel.chart.grade-filter')}</legend>
              {[...facts.grades, NO_GRADE].map((g) => (
                <label key={g} className="check check--inline small">
                  <input
                    type="checkbox"
                    checked={!gradeSet || gradeSet.has(g)}
                    onChange={() =>
                      setOptions((o) => {
                        const all = [...facts.grades, NO_GRADE];
                        const cur = new Set(o.grades ?? all);
                        if (cur.has(g)) cur.delete(g);
                        else cur.add(g);
                        return { ...o, grades: cur.size === all.length ? undefined : cur };
                      })
                    }
                  />{' '}
                  {g === NO_GRADE ? t('intel.chart.no-grade') : g}
                </label>
              ))}
            </fieldset>
          </details>

          <details className="panel" open>
            <summary className="panel__title">{t('intel.chart.saved-charts')}</summary>
            {canWrite && (
              <form className="intel-inline" onSubmit={save(false)}>
                <input
                  className="input input--short"
                  aria-label={t('intel.chart.name')}
                  placeholder={t('intel.chart.name')}
                  value={saveName}
                  onChange={(e) => setSaveName(e.target.value)}
                />
                <button type="submit" className="button button--small" disabled={!saveName.trim() || busy}>
                  {chart ? t('intel.chart.save') : t('intel.chart.save-new')}
                </button>
                {chart && (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={!saveName.trim() || busy || saveName.trim() === chart.name}
                    onClick={() => save(true)()}
                  >
                    {t('intel.chart.save-new')}
                  </button>
                )}
              </form>
            )}
            <ul className="intel-list small">
              {saved.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => {
                      // The same chart again (after clearing it): open it here, as the address does not change.
                      if (chartParam === c.id) void openChart(c.id);
                      else setQuery({ chart: c.id });
                    }}
                  >
                    {c.name}
                  </button>{' '}
                  <span className="muted">{t('intel.chart.saved-nodes', { count: formatNumber(c.nodes) })}</span>{' '}
                  {canWrite && (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('intel.chart.delete', { name: c.name })}
                      onClick={() =>
                        void run(async () => {
                          await deleteChart(caseId, c.id);
                          if (chart?.id === c.id) {
                            setChart(null);
                            setQuery({ chart: null });
                          }
                          await loadSaved();
                        })
                      }
                    >
                      {t('intel.chart.delete-short')}
                    </button>
                  )}
                </li>
              ))}
              {!saved.length && <li className="muted">{t('intel.chart.saved-none')}</li>}
            </ul>
          </details>

          <section className="panel">
            <h3 className="panel__title">{t('intel.chart.export')}</h3>
            <p className="export-links">
              <button type="button" className="button button--small" disabled={!view.nodes.length} onClick={() => exportAs('png')}>
                PNG
              </button>
              <button type="button" className="button button--small" disabled={!view.nodes.length} onClick={() => exportAs('svg')}>
                SVG
              </button>
            </p>
          </section>
        </aside>
      </div>
    </div>
  );
}
