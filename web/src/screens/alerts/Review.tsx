// Reviewing one alert at /alerts/:id: both sides field by field, the explanation, provenance, earlier decisions; decided by keyboard.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { Badge, ErrorNote, Loading, Name } from '../../components/Text';
import { formatNumber, t, tn } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, navigate, useQueryState } from '../../router';
import { useCan, useMe } from '../../session';
import { NotFound } from '../NotFound';
import { entityPath } from '../lists/api';
import { schemaLabel } from '../lists/format';
import { Explanation, ScoreBar } from '../screening/Explanation';
import { alertPath, decide, fetchAlert, fetchNext, type Decision } from './api';
import { BulkDialog } from './BulkDialog';
import { confirmRole, DecisionPanel, firstReason, type Choice } from './DecisionPanel';
import { Decisions, Provenance } from './History';
import { rememberDecided } from './resume';
import { SideBySide } from './SideBySide';
import { ShortcutBar, ShortcutHelp } from './ShortcutHelp';
import { useShortcuts } from './shortcuts';
import { fetchFlightNext, flightQueuePath, reviewPath } from '../travel/alertsApi';
import { StatusBadge } from './StatusBadge';

/** Alerts visited with "next" in this tab, for "previous". */
const visited: string[] = [];
/** What the last decision did, shown once on the screen that follows it. */
let flash: string | null = null;

const EMPTY: Choice = { decision: null, reason: '', note: '' };

export function Review({ id }: { id: string }) {
  const me = useMe();
  const canDecide = useCan('alerts.decide');
  const canConfirm = useCan('alerts.confirm');
  const canOpen = useCan('watchlists.read');
  const detail = useResource(() => fetchAlert(id), [id]);
  // Reached from a flight's passenger queue (`?flight=`): "next" and "back" stay on that flight.
  const flight = useQueryState()[0].get('flight') || null;
  const pathOf = (x: string) => (flight ? reviewPath(x, flight) : alertPath(x));
  const queuePath = flight ? flightQueuePath(flight) : '/alerts';
  const nextOf = (after: string) => (flight ? fetchFlightNext(flight, after) : fetchNext(after));
  const [tick, setTick] = useState(0);
  const next = useResource(() => nextOf(id), [id, tick, flight]);
  const [choice, setChoice] = useState<Choice>(EMPTY);
  const [help, setHelp] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [focusRecord, setFocusRecord] = useState(0);

  useEffect(() => {
    setChoice(EMPTY);
    setNotice(flash);
    flash = null;
  }, [id]);

  const a = detail.data && detail.data.id === id ? detail.data : undefined;
  const final = a?.status === 'confirmed' || a?.status === 'false-positive';

  const goNext = (after: string | null | undefined) => {
    if (!after || after === id) return false;
    visited.push(id);
    navigate(pathOf(after));
    return true;
  };
  const goPrevious = () => {
    const prev = visited.pop();
    if (prev) navigate(pathOf(prev));
  };

  const choose = (d: Decision) => {
    if (!a || final || !canDecide) return;
    if (d === 'confirmed' && ['own-pending', 'cannot-complete'].includes(confirmRole(a, me.id, canConfirm))) return;
    setChoice((c) => ({ ...c, decision: d, reason: firstReason(d) }));
    setFocusRecord((n) => n + 1);
  };

  // Once the choice is rendered (the button enabled), the record button takes focus: Enter records the decision.
  useEffect(() => {
    if (focusRecord) submitRef.current?.focus();
  }, [focusRecord]);

  useShortcuts((action) => {
    if (action === 'help') setHelp(true);
    else if (action === 'next') goNext(next.data?.id);
    else if (action === 'previous') goPrevious();
    else if (action === 'queue') navigate(queuePath);
    else if (action === 'bulk') {
      if (a && canDecide) setBulk(true);
    } else choose(action);
  });

  const record = async (c: Choice & { decision: Decision }) => {
    const r = await decide(id, { decision: c.decision, reason: c.reason, ...(c.note.trim() ? { note: c.note.trim() } : {}) });
    rememberDecided(me.id, id);
    const text = t(`review.recorded.${r.status}`, { name: a?.entityCaption ?? '' });
    const after = await nextOf(id).catch(() => null);
    if (after?.id && after.id !== id) {
      flash = text;
      goNext(after.id);
    } else {
      setNotice(`${text} ${t('review.queue-done')}`);
      detail.reload();
      setTick((n) => n + 1);
    }
  };

  if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFound />;
  const back = (
    <p className="breadcrumb">
      <Link to={queuePath}>{flight ? t('alerts.back-flight', { flight }) : t('alerts.back')}</Link>
    </p>
  );
  if (!a)
    return (
      <>
        {back}
        {detail.error !== undefined ? <ErrorNote error={detail.error} onRetry={detail.reload} /> : <Loading />}
      </>
    );

  const threshold = (a.provenance as { threshold?: number }).threshold;
  return (
    <>
      {back}
      <PageHeader
        title={a.entityCaption}
        isName
        description={t('review.description', { subject: a.subject.name?.[0] ?? a.subjectId, schema: schemaLabel(a.entitySchema), lists: a.lists.join(', ') })}
        actions={
          <div className="review-head">
            <StatusBadge alert={a} me={me.id} />
            <ScoreBar score={a.score} threshold={threshold} />
          </div>
        }
      />
      {notice && (
        <p className="callout callout--success review-notice" role="status">
          {notice}
        </p>
      )}
      <div className="review-nav">
        <button type="button" className="button button--small" onClick={goPrevious} disabled={!visited.length}>
          {t('review.previous')} <kbd>k</kbd>
        </button>
        <button type="button" className="button button--small" onClick={() => goNext(next.data?.id)} disabled={!next.data?.id || next.data.id === id}>
          {t('review.next')} <kbd>j</kbd>
        </button>
        <span className="muted small" aria-live="polite">
          {next.data ? tn('review.remaining', next.data.remaining) : ''}
        </span>
        <ShortcutBar onHelp={() => setHelp(true)} />
      </div>
      <div className="review">
        <div className="review__main">
          <section className="page-section" aria-labelledby="review-compare-title">
            <h2 id="review-compare-title" className="section-title">
              {t('review.compare')}
            </h2>
            <SideBySide alert={a} />
          </section>
          <section className="page-section" aria-labelledby="review-why-title">
            <h2 id="review-why-title" className="section-title">
              {t('review.explanation')}
            </h2>
            <Explanation items={a.explanation} caption={t('screening.explanation-of', { name: a.entityCaption })} />
          </section>
        </div>
        <aside className="review__side" aria-label={t('review.side')}>
          {final ? (
            <div className={`panel decided decided--${a.status}`}>
              <h2 className="panel__title">{t('review.decided')}</h2>
              <p>{t(`alerts.status.${a.status}`)}</p>
            </div>
          ) : canDecide ? (
            <DecisionPanel ref={submitRef} alert={a} me={me.id} canConfirm={canConfirm} choice={choice} onChoice={setChoice} onSubmit={record} />
          ) : (
            <p className="callout callout--info">{t('review.read-only')}</p>
          )}
          <section className="panel" aria-labelledby="review-history-title">
            <h2 id="review-history-title" className="panel__title">
              {t('review.history')} <span className="count-pill">{formatNumber(a.decisions.length)}</span>
            </h2>
            <Decisions decisions={a.decisions} me={me.id} alertId={a.id} />
          </section>
          <section className="panel" aria-labelledby="review-prov-title">
            <h2 id="review-prov-title" className="panel__title">
              {t('review.provenance')}
            </h2>
            <Provenance alert={a} />
          </section>
          <section className="panel review-entity">
            <h2 className="panel__title">{t('review.candidate')}</h2>
            <p>
              {canOpen ? (
                <Link to={entityPath(a.entityId, a.lists[0])}>
                  <Name>{a.entityCaption}</Name>
                </Link>
              ) : (
                <Name>{a.entityCaption}</Name>
              )}{' '}
              <Badge tone="info">{schemaLabel(a.entitySchema)}</Badge>
            </p>
            <div className="review-entity__actions">
              <Link className="button button--small" to={`/alerts?entity=${encodeURIComponent(a.entityId)}`}>
                {t('review.all-of-entity')}
              </Link>
              {canDecide && (
                <button type="button" className="button button--small" onClick={() => setBulk(true)}>
                  {t('review.bulk')} <kbd>b</kbd>
                </button>
              )}
            </div>
          </section>
        </aside>
      </div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {bulk && (
        <BulkDialog
          entityId={a.entityId}
          caption={a.entityCaption}
          onClose={() => setBulk(false)}
          onDone={() => {
            detail.reload();
            setTick((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
