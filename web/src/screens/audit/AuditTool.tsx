// The audit trail: filters kept in the URL, newest first with "load more", chain verification and file export.
import { useEffect, useMemo, useState } from 'react';
import { api, call } from '../../api/client';
import type { AuditQuery, AuditRow, User } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ErrorNote } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useQueryState } from '../../router';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { AuditFilters, FILTER_KEYS } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ExportLinks } from './ExportLinks';
import { VerifyPanel } from './VerifyPanel';

const PAGE = 50;

export function AuditTool() {
  const canRead = useCan('audit.read');
  const canExport = useCan('audit.export');
  const canReadUsers = useCan('users.read', 'users.manage');
  const [query] = useQueryState();

  const filter = useMemo(() => {
    const f: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const v = query.get(key);
      if (v) f[key] = v;
    }
    return f;
  }, [query]);
  const startBefore = Number(query.get('beforeSeq')) || undefined;
  const filterKey = JSON.stringify([filter, startBefore]);

  const [rows, setRows] = useState<AuditRow[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  const fetchPage = (beforeSeq: number | undefined) =>
    call(api.GET('/api/audit', { params: { query: { ...(filter as AuditQuery), ...(beforeSeq ? { beforeSeq } : {}), limit: PAGE } } }));

  useEffect(() => {
    if (!canRead) return;
    let live = true;
    setLoading(true);
    setError(undefined);
    fetchPage(startBefore).then(
      (page) => {
        if (!live) return;
        setRows(page.items);
        setNext(page.nextBeforeSeq);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setRows([]);
        setNext(null);
        setError(err);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey, attempt, canRead]);

  const loadMore = async () => {
    if (next === null) return;
    setLoading(true);
    try {
      const page = await fetchPage(next);
      setRows((r) => [...r, ...page.items.filter((row) => !r.some((x) => x.seq === row.seq))]);
      setNext(page.nextBeforeSeq);
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };

  // Names help reading the trail; the trail itself holds only ids.
  const users = useResource<User[]>(
    () =>
      canReadUsers
        ? call(api.GET('/api/admin/users', { params: { query: { includeDisabled: 'true' } } })).then(
            (r) => r.items,
            () => [],
          )
        : Promise.resolve([]),
    [canReadUsers],
  );
  const usernames = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.username])), [users.data]);

  if (!canRead) return <NotFound forbidden />;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={canExport ? <ExportLinks from={filter.from} to={filter.to} /> : undefined}
      />
      <VerifyPanel />
      <AuditFilters />
      {startBefore !== undefined && <p className="callout callout--info">{t('audit.starting-at', { seq: startBefore - 1 })}</p>}
      {error !== undefined && <ErrorNote error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      <AuditTable rows={rows} usernames={usernames} loading={loading} hasMore={next !== null} onLoadMore={loadMore} filtered={Object.keys(filter).length > 0} />
    </>
  );
}
