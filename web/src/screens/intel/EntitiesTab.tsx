// Entities of a case: searchable, merged records shown once; one entity with every record, what supports it, and its links.
import { useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { Pager } from '../../components/Pager';
import { Badge, ErrorNote, Loading, Name } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, navigate, useQueryState } from '../../router';
import { schemaLabel } from '../lists/format';
import { casePath, fetchEntities, fetchEntity, splitRecord, type EntitySummary } from './api';
import { PropertiesTable } from './PropertiesTable';

const LIMIT = 100;
const entityPath = (caseId: string, id: string) => `${casePath(caseId, 'entities')}/${encodeURIComponent(id)}`;

function EntityView({ caseId, entityId, canWrite }: { caseId: string; entityId: string; canWrite: boolean }) {
  const e = useResource(() => fetchEntity(caseId, entityId), [caseId, entityId]);
  const [error, setError] = useState<unknown>(undefined);
  if (!e.data) return e.error !== undefined ? <ErrorNote error={e.error} onRetry={e.reload} /> : <Loading />;
  const d = e.data;
  const split = async (id: string) => {
    setError(undefined);
    try {
      await splitRecord(caseId, id);
      e.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="stack-gap">
      <p className="breadcrumb">
        <Link to={casePath(caseId, 'entities')}>{t('intel.entities.back')}</Link>
      </p>
      <h2 className="section-title">
        <Name>{d.caption}</Name> <Badge tone="info">{schemaLabel(d.schema)}</Badge>
      </h2>
      <p className="muted small mono">{d.id}</p>
      <PropertiesTable properties={d.properties} />
      <section className="panel" aria-labelledby="intel-records">
        <h3 id="intel-records" className="panel__title">
          {t('intel.entity.records', { count: d.records.length })}
        </h3>
        {error !== undefined && <ErrorNote error={error} />}
        {d.records.map((r) => (
          <div key={r.id} className="intel-record">
            <p>
              <span className="mono">{r.id}</span> <Badge>{schemaLabel(r.schema)}</Badge>{' '}
              {canWrite && d.records.length > 1 && (
                <button type="button" className="button button--small" onClick={() => split(r.id)}>
                  {t('intel.entity.split')}
                </button>
              )}
            </p>
            <ul className="intel-list">
              {r.support.map((s) => (
                <li key={`${s.kind}-${s.refId}`}>
                  <Badge tone={s.kind === 'report' ? 'good' : 'neutral'}>{t(`intel.support.${s.kind}`)}</Badge> {s.label}
                  {s.grade && <span className="intel-grade"> {t('intel.support.grade', { grade: s.grade, handling: s.handling ?? '' })}</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section className="panel" aria-labelledby="intel-links">
        <h3 id="intel-links" className="panel__title">
          {t('intel.entity.links', { count: d.links.length })}
        </h3>
        <ul className="intel-list">
          {d.links.map((l) => (
            <li key={l.id}>
              {schemaLabel(l.type)} {l.direction === 'out' ? '→' : '←'}{' '}
              <Link to={entityPath(caseId, l.other.id)}>
                <Name>{l.other.caption || l.other.id}</Name>
              </Link>{' '}
              <span className="muted small">{t('intel.entity.link-support', { count: l.supports })}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function EntitiesTab({ caseId, entityId, canWrite }: { caseId: string; entityId: string | undefined; canWrite: boolean }) {
  const [query, setQuery] = useQueryState();
  const q = query.get('q') ?? '';
  const offset = Number(query.get('offset') ?? 0) || 0;
  const kind = query.get('kind') ?? 'things';
  const page = useResource(() => fetchEntities(caseId, { q, links: kind === 'links', limit: LIMIT, offset }), [caseId, q, offset, kind]);
  const [text, setText] = useState(q);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const chartOf = (ids: string[]) => navigate(`${casePath(caseId, 'chart')}?seed=${encodeURIComponent(ids.join(','))}`);
  if (entityId) return <EntityView key={entityId} caseId={caseId} entityId={entityId} canWrite={canWrite} />;
  return (
    <>
      <form
        className="form intel-inline"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: text.trim(), offset: null });
        }}
      >
        <input
          className="input"
          aria-label={t('intel.entities.search')}
          placeholder={t('intel.entities.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          className="input input--short"
          aria-label={t('intel.entities.kind')}
          value={kind}
          onChange={(e) => setQuery({ kind: e.target.value, offset: null })}
        >
          <option value="things">{t('intel.entities.things')}</option>
          <option value="links">{t('intel.entities.linksOnly')}</option>
        </select>
        <button type="submit" className="button">
          {t('intel.entities.find')}
        </button>
      </form>
      {page.error !== undefined && <ErrorNote error={page.error} onRetry={page.reload} />}
      {!page.data ? (
        <Loading />
      ) : (
        <>
          <DataTable<EntitySummary>
            caption={t('intel.entities')}
            exportName="case-entities"
            rows={page.data.items}
            rowKey={(e) => e.id}
            empty={t('intel.entities.empty')}
            countNote={t('intel.entities.total', { total: formatNumber(page.data.total) })}
            toolbar={
              <>
                <button type="button" className="button button--small" disabled={!picked.size} onClick={() => chartOf([...picked])}>
                  {t('intel.chart.from-selection', { count: picked.size })}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={!page.data.items.length}
                  onClick={() => chartOf(page.data!.items.map((e) => e.id))}
                >
                  {t('intel.chart.from-page')}
                </button>
              </>
            }
            columns={[
              {
                key: 'pick',
                header: '',
                render: (e) => (
                  <input
                    type="checkbox"
                    aria-label={t('intel.chart.select-row', { name: e.caption || e.id })}
                    checked={picked.has(e.id)}
                    onChange={() =>
                      setPicked((s) => {
                        const n = new Set(s);
                        if (n.has(e.id)) n.delete(e.id);
                        else n.add(e.id);
                        return n;
                      })
                    }
                  />
                ),
              },
              {
                key: 'caption',
                header: t('intel.entity.caption'),
                render: (e) => (
                  <Link to={entityPath(caseId, e.id)}>
                    <Name>{e.caption || e.id}</Name>
                  </Link>
                ),
                csv: (e) => e.caption,
              },
              { key: 'schema', header: t('intel.entity.schema'), render: (e) => schemaLabel(e.schema), csv: (e) => e.schema },
              { key: 'records', header: t('intel.entity.records-col'), render: (e) => formatNumber(e.records), csv: (e) => e.records },
              { key: 'supports', header: t('intel.entity.supports'), render: (e) => formatNumber(e.supports), csv: (e) => e.supports },
              { key: 'id', header: t('intel.entity.id'), render: (e) => <span className="mono small">{e.id}</span>, csv: (e) => e.id },
            ]}
          />
          <Pager
            offset={offset}
            limit={LIMIT}
            shown={page.data.items.length}
            total={page.data.total}
            onPage={(o) => setQuery({ offset: String(o) })}
            label={t('intel.entities.pages')}
          />
        </>
      )}
    </>
  );
}
