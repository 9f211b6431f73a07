// Paths between two entities of a case (shortest, or all up to a length), each step named with the link that joins it; exports of the graph.
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Badge, ErrorNote, Loading, Name } from '../../components/Text';
import { t, tn } from '../../i18n';
import { Link, navigate, useQueryState } from '../../router';
import { schemaLabel } from '../lists/format';
import { casePath, EXPORTS, exportUrl, fetchEntities, fetchEntity, fetchPaths, type EntitySummary, type Paths } from './api';

/** An entity chosen by typing part of its name: the matches are offered, the id is kept. */
function EntityPicker({ caseId, label, value, onChange }: { caseId: string; label: string; value: string; onChange: (id: string) => void }) {
  const [text, setText] = useState(value);
  const [options, setOptions] = useState<EntitySummary[]>([]);
  const listId = `intel-pick-${label.replace(/\W/g, '')}`;
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) return;
    let live = true;
    fetchEntities(caseId, { q, links: false, limit: 20, offset: 0 }).then(
      (r) => live && setOptions(r.items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [caseId, text]);
  return (
    <div>
      <Field label={label} hint={t('intel.paths.pick-hint')} required>
        <input
          className="input"
          list={listId}
          value={text}
          onChange={(e) => {
            const v = e.target.value;
            setText(v);
            const hit = options.find((o) => o.id === v);
            onChange(hit ? hit.id : v.trim());
          }}
        />
      </Field>
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>{`${o.caption} · ${schemaLabel(o.schema)}`}</option>
        ))}
      </datalist>
    </div>
  );
}

function PathView({ caseId, ids, names }: { caseId: string; ids: string[]; names: Map<string, { caption: string; schema: string }> }) {
  return (
    <ol className="intel-path">
      {ids.map((id, i) => {
        const n = names.get(id);
        const link = i % 2 === 1;
        return (
          <li key={`${id}-${i}`} className={link ? 'intel-path__link' : 'intel-path__node'}>
            {link ? (
              <span>
                ↓ {schemaLabel(n?.schema ?? '')} <span className="muted small mono">{id}</span>
              </span>
            ) : (
              <Link to={`${casePath(caseId, 'entities')}/${encodeURIComponent(id)}`}>
                <Name>{n?.caption || id}</Name> <Badge>{schemaLabel(n?.schema ?? '')}</Badge>
              </Link>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function PathsTab({ caseId }: { caseId: string }) {
  const [query, setQuery] = useQueryState();
  const [from, setFrom] = useState(query.get('from') ?? '');
  const [to, setTo] = useState(query.get('to') ?? '');
  const [maxLength, setMaxLength] = useState(query.get('max') ?? '6');
  const [all, setAll] = useState(query.get('all') === '1');
  const [result, setResult] = useState<Paths | null>(null);
  const [names, setNames] = useState(new Map<string, { caption: string; schema: string }>());
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const find = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!from || !to) return;
    setBusy(true);
    setError(undefined);
    setQuery({ from, to, max: maxLength, all: all ? '1' : null });
    try {
      const r = await fetchPaths(caseId, from, to, { maxLength: Number(maxLength) || undefined, all });
      const ids = [...new Set(r.paths.flat())].slice(0, 100);
      const found = await Promise.all(
        ids.map((id) =>
          fetchEntity(caseId, id).then(
            (d) => [id, { caption: d.caption, schema: d.schema }] as const,
            () => [id, { caption: id, schema: '' }] as const,
          ),
        ),
      );
      setNames(new Map(found));
      setResult(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack-gap">
      <form className="form form--grid" onSubmit={find}>
        <EntityPicker caseId={caseId} label={t('intel.paths.from')} value={from} onChange={setFrom} />
        <EntityPicker caseId={caseId} label={t('intel.paths.to')} value={to} onChange={setTo} />
        <Field label={t('intel.paths.max-length')}>
          <input className="input input--short" type="number" min={1} max={10} value={maxLength} onChange={(e) => setMaxLength(e.target.value)} />
        </Field>
        <label className="check check--inline">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('intel.paths.all')}
        </label>
        <div className="form__full">
          <button type="submit" className="button button--primary" disabled={busy || !from || !to}>
            {t('intel.paths.find')}
          </button>
        </div>
      </form>
      {error !== undefined && <ErrorNote error={error} />}
      {busy && <Loading />}
      {result && (
        <section aria-live="polite" aria-labelledby="intel-paths-found">
          <h2 id="intel-paths-found" className="section-title">
            {result.paths.length ? tn('intel.paths.found', result.paths.length, { total: result.total }) : t('intel.paths.none')}
          </h2>
          {!result.exact && <p className="callout callout--warning">{t('intel.paths.inexact', { shown: result.paths.length, total: result.total })}</p>}
          {result.paths.map((p, i) => (
            <div key={i}>
              <PathView caseId={caseId} ids={p} names={names} />
              <button
                type="button"
                className="button button--small"
                onClick={() => navigate(`${casePath(caseId, 'chart')}?seed=${encodeURIComponent(p.join(','))}`)}
              >
                {t('intel.chart.from-path')}
              </button>
            </div>
          ))}
        </section>
      )}
      <section className="panel" aria-labelledby="intel-exports">
        <h2 id="intel-exports" className="panel__title">
          {t('intel.export.title')}
        </h2>
        <p className="export-links">
          {EXPORTS.map((f) => (
            <a key={f} className="button button--small" href={exportUrl(caseId, f)} download>
              {t(`intel.export.${f}`)}
            </a>
          ))}
        </p>
      </section>
    </div>
  );
}
