// One STIX object: its properties (references as links), TLP, versions in every collection, relationships as a list and a graph.
import type { ReactNode } from 'react';
import { ErrorNote, Instant, Loading } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, useLocation } from '../../router';
import { fetchCollections, fetchObject, objectPath, type ObjectDetail } from './api';
import { RelationGraph, typeColour } from './RelationGraph';
import { TlpBadge } from './TlpBadge';

const STIX_ID = /^[a-z0-9-]+--[0-9a-f-]{36}$/;
/** Shown in the header already, or too technical for the property list. */
const SKIP = new Set(['type', 'id', 'name']);

function Value({ value }: { value: unknown }): ReactNode {
  if (typeof value === 'string') return STIX_ID.test(value) ? <Link to={objectPath(value)}>{value}</Link> : <span className="taxii-text">{value}</span>;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return (
      <ul className="taxii-values">
        {value.map((v, i) => (
          <li key={i}>
            <Value value={v} />
          </li>
        ))}
      </ul>
    );
  return <pre className="taxii-json">{JSON.stringify(value, null, 2)}</pre>;
}

function Properties({ o }: { o: ObjectDetail }) {
  const entries = Object.entries(o.object).filter(([k]) => !SKIP.has(k));
  return (
    <section aria-labelledby="taxii-props">
      <h2 id="taxii-props">{t('taxii.object.properties')}</h2>
      <dl className="facts taxii-facts">
        <dt>{t('taxii.col.id')}</dt>
        <dd>
          <code>{o.id}</code>
        </dd>
        {entries.map(([k, v]) => (
          <div key={k} className="taxii-fact">
            <dt>{k}</dt>
            <dd>
              <Value value={v} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ObjectPage({ id }: { id: string }) {
  const { query } = useLocation();
  const collection = query.get('collection') ?? undefined;
  const res = useResource(() => fetchObject(id, collection), [id, collection]);
  const collections = useResource(fetchCollections, []);
  const titles = new Map((collections.data?.items ?? []).map((c) => [c.id, c.title]));
  if (res.error) return <ErrorNote error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Loading />;
  const o = res.data;
  return (
    <article className="taxii-object">
      <p>
        <Link to="/taxii/objects">{t('taxii.object.back')}</Link>
      </p>
      <header className="taxii-object__head">
        <span className="taxii-dot" style={{ background: typeColour(o.type) }} aria-hidden="true" />
        <h2 className="taxii-object__title">{o.name ?? o.id}</h2>
        <code>{o.type}</code>
        <TlpBadge level={o.tlp} />
      </header>
      <p className="taxii-muted">
        {t('taxii.object.where', { collection: titles.get(o.collectionId) ?? o.collectionId, version: o.version ?? '—', spec: o.specVersion })}
      </p>
      <div className="taxii-columns">
        <Properties o={o} />
        <section aria-labelledby="taxii-rels">
          <h2 id="taxii-rels">{t('taxii.object.relationships', { count: o.relationships.length })}</h2>
          {o.relationships.length === 0 ? (
            <p>{t('taxii.object.no-relationships')}</p>
          ) : (
            <>
              <RelationGraph centre={o} relationships={o.relationships} />
              <table className="table taxii-table">
                <thead>
                  <tr>
                    <th scope="col">{t('taxii.rel.direction')}</th>
                    <th scope="col">{t('taxii.rel.type')}</th>
                    <th scope="col">{t('taxii.rel.other')}</th>
                    <th scope="col">{t('taxii.col.type')}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.relationships.map((r) => (
                    <tr key={r.id}>
                      <td className="taxii-nowrap">{r.direction === 'out' ? t('taxii.rel.out') : t('taxii.rel.in')}</td>
                      <td>
                        <Link to={objectPath(r.id, r.collectionId)}>{r.relationshipType}</Link>
                      </td>
                      <td>
                        {r.other.known ? (
                          <Link to={objectPath(r.other.id)}>{r.other.name ?? r.other.id}</Link>
                        ) : (
                          <span title={t('taxii.rel.unknown')}>{r.other.id}</span>
                        )}
                      </td>
                      <td>
                        <code>{r.other.type}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      </div>
      <section aria-labelledby="taxii-versions">
        <h2 id="taxii-versions">{t('taxii.object.versions', { count: o.versions.length })}</h2>
        <table className="table taxii-table">
          <thead>
            <tr>
              <th scope="col">{t('taxii.col.version')}</th>
              <th scope="col">{t('taxii.col.collection')}</th>
              <th scope="col">{t('taxii.col.tlp')}</th>
              <th scope="col">{t('taxii.col.added')}</th>
            </tr>
          </thead>
          <tbody>
            {o.versions.map((v) => (
              <tr
                key={`${v.collectionId} ${v.version ?? v.dateAdded}`}
                aria-current={v.collectionId === o.collectionId && v.version === o.version ? 'true' : undefined}
              >
                <td>
                  <code>{v.version ?? '—'}</code>
                </td>
                <td>{titles.get(v.collectionId) ?? v.collectionId}</td>
                <td>
                  <TlpBadge level={v.tlp} />
                </td>
                <td>
                  <Instant value={v.dateAdded} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <details className="taxii-raw">
        <summary>{t('taxii.object.json')}</summary>
        <pre className="taxii-json">{JSON.stringify(o.object, null, 2)}</pre>
      </details>
    </article>
  );
}
