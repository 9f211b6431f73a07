// One received message: what it is, its parse error and findings (each pointing at its segment), what it held, the raw EDIFACT.
import { useMemo } from 'react';
import { ApiError } from '../../api/problem';
import { Digest } from '../../components/Digest';
import { PageHeader } from '../../components/PageHeader';
import { ErrorNote, Instant, Loading } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router';
import { NotFound } from '../NotFound';
import { fetchMessage, flightPath, TRAVEL, type Finding, type MessageDetail } from './api';
import { splitSegments } from './edifact';
import { MessageStatus, channelLabel } from './MessagesTab';
import { Facts, MiniTable, Panel, orDash } from './Parts';
import { RawEdifact, lineId, locate, type Located } from './RawEdifact';

function where(f: Finding & { element?: number | null }, l: Located['line']): string {
  const parts = [
    f.segment !== null ? t('travel.finding.segment', { n: formatNumber(f.segment + 1), tag: f.tag ?? l?.tag ?? '' }).trim() : (f.tag ?? ''),
    f.element !== null && f.element !== undefined ? t('travel.finding.element', { n: f.element }) : '',
    f.offset !== null ? t('travel.finding.offset', { n: formatNumber(f.offset) }) : '',
  ];
  return parts.filter(Boolean).join(' · ') || t('travel.finding.whole');
}

function FindingsList({ located }: { located: readonly Located[] }) {
  if (located.length === 0) return <p className="muted">{t('travel.message.no-findings')}</p>;
  return (
    <ul className="findings">
      {located.map((l, i) => (
        <li key={i} className={`finding finding--${l.kind}`}>
          <code className="finding__code">{l.finding.code}</code>
          <span className="finding__where">{l.line ? <a href={`#${lineId(l.line.index)}`}>{where(l.finding, l.line)}</a> : where(l.finding, l.line)}</span>
          <span className="finding__detail">{l.finding.detail}</span>
        </li>
      ))}
    </ul>
  );
}

function Body({ m }: { m: MessageDetail }) {
  const segments = useMemo(() => splitSegments(m.raw).segments, [m.raw]);
  const errors = [m.error, ...m.messages.map((p) => p.error)].filter((e, i, all): e is NonNullable<typeof e> => e !== null && all.indexOf(e) === i);
  const uniqueErrors = errors.filter((e, i) => errors.findIndex((o) => o.code === e.code && o.offset === e.offset && o.detail === e.detail) === i);
  const located = locate(segments, [
    ...uniqueErrors.map((finding) => ({ finding, kind: 'error' as const })),
    ...[...m.interchangeFindings, ...m.messages.flatMap((p) => p.findings)].map((finding) => ({ finding, kind: 'finding' as const })),
  ]);
  const errorsLocated = located.filter((l) => l.kind === 'error');
  const findingsLocated = located.filter((l) => l.kind === 'finding');
  return (
    <>
      {errorsLocated.length > 0 && (
        <div className="callout callout--error parse-error" role="alert">
          <strong>{m.status === 'rejected' ? t('travel.message.rejected-lead') : t('travel.message.part-error-lead')}</strong>
          <FindingsList located={errorsLocated} />
        </div>
      )}
      <div className="travel-grid">
        <Panel title={t('travel.message.about')}>
          <Facts
            items={[
              [t('travel.col.status'), <MessageStatus m={m} />],
              [t('travel.col.sender'), m.sender ? <code>{m.sender}</code> : null],
              [t('travel.col.reference'), m.interchangeRef ? <span className="mono">{m.interchangeRef}</span> : null],
              [t('travel.col.type'), m.type],
              [t('travel.col.channel'), channelLabel(m.channel)],
              [t('travel.col.received'), <Instant value={m.receivedAt} />],
              [t('travel.col.size'), t('travel.bytes', { n: formatNumber(m.size) })],
              [t('travel.col.duplicates'), m.duplicates ? formatNumber(m.duplicates) : null],
              [t('travel.message.sha256'), <Digest value={m.sha256} label={t('travel.message.sha256')} />],
            ]}
          />
        </Panel>
        <Panel title={t('travel.message.held')} className="travel-panel--wide">
          <MiniTable
            caption={t('travel.message.held')}
            rows={m.messages}
            columns={[
              { header: t('travel.col.reference'), render: (p) => <span className="mono">{p.messageRef}</span> },
              { header: t('travel.col.type'), render: (p) => p.type },
              { header: t('travel.message.function'), render: (p) => p.function },
              {
                header: t('travel.col.flight'),
                render: (p) =>
                  p.flights.length ? (
                    <span className="stack">
                      {p.flights.map((f, i) =>
                        f.id ? <Link key={f.id} to={flightPath(f.id)}>{`${f.carrier}${f.number}`}</Link> : <span key={i}>{`${f.carrier}${f.number}`}</span>,
                      )}
                    </span>
                  ) : (
                    orDash(null)
                  ),
              },
              { header: t('travel.col.travellers'), render: (p) => formatNumber(p.travellers), className: 'num' },
              { header: t('travel.col.findings'), render: (p) => formatNumber(p.findings.length), className: 'num' },
            ]}
          />
        </Panel>
      </div>
      <Panel title={t('travel.message.findings', { count: formatNumber(findingsLocated.length) })} className="travel-panel--block">
        <FindingsList located={findingsLocated} />
      </Panel>
      <h2 className="section-title">{t('travel.message.raw')}</h2>
      <RawEdifact raw={m.raw} located={located} />
    </>
  );
}

export function MessagePage({ id }: { id: string }) {
  const res = useResource(() => fetchMessage(id), [id]);
  const crumb = (
    <p className="breadcrumb">
      <Link to={`${TRAVEL}/messages`}>{t('travel.tab.messages')}</Link>
    </p>
  );
  if (res.error instanceof ApiError && res.error.status === 404) return <NotFound />;
  if (!res.data)
    return (
      <>
        {crumb}
        {res.error !== undefined ? <ErrorNote error={res.error} onRetry={res.reload} /> : <Loading />}
      </>
    );
  const m = res.data;
  return (
    <>
      {crumb}
      <PageHeader
        title={t('travel.message.title', { type: m.type ?? t('travel.message.unknown-type'), sender: m.sender ?? '—' })}
        description={m.interchangeRef ? t('travel.message.reference', { ref: m.interchangeRef }) : undefined}
      />
      <Body m={m} />
    </>
  );
}
