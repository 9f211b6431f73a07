// The page of one listed entity at /entities/:id (?list=NAME): its names in their scripts, facts, documents and lists.
import type { ReactNode } from 'react';
import { ApiError } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { Badge, ErrorNote, Loading } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, useLocation } from '../../router';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { fetchEntity, listPath, type EntityDetail } from '../lists/api';
import { schemaLabel, versionLabel } from '../lists/format';
import { Section } from '../lists/Section';
import { AddressesTable, addressRows } from './AddressesTable';
import { DetailsTable, detailRows } from './DetailsTable';
import { DocumentsTable, docRows } from './DocumentsTable';
import { HeldByTable, OtherRecordsTable, RelatedTable } from './LinkTables';
import { NamesTable } from './NamesTable';
import { SanctionsTable } from './SanctionsTable';
import { auxKind, NAME_PROPS, NOTE_PROPS, valuesOf } from './props';
import '../lists/watchlists.css';

function idFrom(pathname: string): string | null {
  const m = /^\/entities\/([^/]+)\/?$/.exec(pathname);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

export function EntityTool({ pathname }: { pathname: string }) {
  const canRead = useCan('watchlists.read');
  const { query } = useLocation();
  const id = idFrom(pathname);
  const list = query.get('list');
  const detail = useResource<EntityDetail | null>(() => (id && canRead ? fetchEntity(id, list ?? undefined) : Promise.resolve(null)), [id, list, canRead]);

  if (!canRead) return <NotFound forbidden />;
  if (!id || (detail.error instanceof ApiError && detail.error.status === 404)) return <NotFound />;

  const back = (
    <p className="breadcrumb">
      {list ? <Link to={listPath(list, 'entities')}>{t('entity.back-to-list', { list })}</Link> : <Link to="/lists">{t('lists.title')}</Link>}
    </p>
  );
  const d = detail.data;
  // While another entity loads, the previous one is not shown; the server may answer with the id an alias id was merged into.
  if (!d || (detail.loading && d.entity.id !== id)) {
    return (
      <>
        {back}
        {detail.error !== undefined ? <ErrorNote error={detail.error} onRetry={detail.reload} /> : <Loading />}
      </>
    );
  }

  const { entity, auxiliaries, related, lists } = d;
  const names = NAME_PROPS.reduce((n, p) => n + valuesOf(entity, p).length, 0);
  const notes = NOTE_PROPS.flatMap((p) => valuesOf(entity, p));
  const others = auxiliaries.filter((a) => auxKind(a.schema) === 'other');
  const count = (kind: ReturnType<typeof auxKind>) => auxiliaries.filter((a) => auxKind(a.schema) === kind).length;
  const details = detailRows(entity).length;
  const documents = docRows(entity, auxiliaries).length;
  const addresses = addressRows(entity, auxiliaries).length;
  const activeIn = lists.filter((l) => l.inActiveVersion);

  const sections: { id: string; title: string; count?: number; empty?: string; body: ReactNode }[] = [
    { id: 'names', title: t('entity.names'), count: names, body: <NamesTable entity={entity} /> },
    {
      id: 'sanctions',
      title: t('entity.sanctions'),
      count: count('sanction'),
      empty: t('sanctions.none'),
      body: <SanctionsTable entity={entity} auxiliaries={auxiliaries} />,
    },
    { id: 'details', title: t('entity.details'), count: details, empty: t('details.none'), body: <DetailsTable entity={entity} /> },
    {
      id: 'documents',
      title: t('entity.documents'),
      count: documents,
      empty: t('docs.none'),
      body: <DocumentsTable entity={entity} auxiliaries={auxiliaries} />,
    },
    {
      id: 'addresses',
      title: t('entity.addresses'),
      count: addresses,
      empty: t('addresses.none'),
      body: <AddressesTable entity={entity} auxiliaries={auxiliaries} />,
    },
    {
      id: 'related',
      title: t('entity.related'),
      count: related.length,
      empty: t('related.none'),
      body: <RelatedTable entity={entity} related={related} list={list} />,
    },
    { id: 'lists', title: t('entity.held-by'), count: lists.length, empty: t('held.none'), body: <HeldByTable entity={entity} lists={lists} /> },
  ];
  if (notes.length)
    sections.push({
      id: 'notes',
      title: t('entity.notes'),
      body: (
        <div className="panel notes">
          {notes.map((n) => (
            <p key={n} dir="auto">
              {n}
            </p>
          ))}
        </div>
      ),
    });
  if (others.length)
    sections.push({ id: 'other', title: t('entity.other'), count: others.length, body: <OtherRecordsTable entity={entity} records={others} /> });

  return (
    <>
      {back}
      <PageHeader
        key={entity.id}
        title={entity.caption}
        isName
        description={t('entity.description', { schema: schemaLabel(entity.schema), id: entity.id, list: d.list, version: versionLabel(d.version) })}
      />
      <div className="entity-badges">
        <Badge tone="info">{schemaLabel(entity.schema)}</Badge>
        {activeIn.length ? (
          activeIn.map((l) => (
            <Badge key={l.name} tone="bad">
              {t('entity.listed-on', { list: l.title })}
            </Badge>
          ))
        ) : (
          <Badge tone="warn">{t('entity.not-active')}</Badge>
        )}
      </div>
      <nav className="on-this-page" aria-label={t('entity.on-this-page')}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#sec-${s.id}`}>
                {s.title}
                {s.count !== undefined && <span className="muted"> ({formatNumber(s.count)})</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((s) => (
        <Section key={s.id} id={`sec-${s.id}`} title={s.title} count={s.count} empty={s.empty}>
          {s.body}
        </Section>
      ))}
    </>
  );
}
