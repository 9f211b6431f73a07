// Received API and PNR messages, newest first: status, sender, channel, findings; rejected ones stand out.
import { useEffect, useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Pager, rangeText } from '../../components/Pager';
import { Badge, ErrorNote, Instant } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, useQueryState } from '../../router';
import { fetchMessages, messagePath, type MessageItem } from './api';

const LIMIT = 50;

export const MessageStatus = ({ m }: { m: Pick<MessageItem, 'status' | 'assembled'> }) =>
  m.status === 'rejected' ? (
    <Badge tone="bad">{t('travel.message.rejected')}</Badge>
  ) : m.assembled ? (
    <Badge tone="good">{t('travel.message.accepted')}</Badge>
  ) : (
    <Badge tone="warn">{t('travel.message.waiting')}</Badge>
  );

export const channelLabel = (c: string): string => t(`travel.channel.${c === 'api' || c === 'folder' || c === 'nats' || c === 'cli' ? c : 'other'}`);

export function MessagesTab() {
  const [query, setQuery] = useQueryState();
  const status = query.get('status') === 'accepted' || query.get('status') === 'rejected' ? (query.get('status') as 'accepted' | 'rejected') : undefined;
  const sender = query.get('sender') ?? '';
  const offset = Math.max(0, Math.floor(Number(query.get('offset')) || 0));
  const [senderText, setSenderText] = useState(sender);
  useEffect(() => setSenderText(sender), [sender]);
  useEffect(() => {
    if (senderText.trim() === sender) return;
    const timer = window.setTimeout(() => setQuery({ sender: senderText.trim(), offset: null }), 400);
    return () => window.clearTimeout(timer);
  }, [senderText, sender, setQuery]);

  const page = useResource(() => fetchMessages({ status, sender: sender || undefined, limit: LIMIT, offset }), [status, sender, offset]);

  const columns: Column<MessageItem>[] = [
    {
      key: 'received',
      header: t('travel.col.received'),
      render: (m) => (
        <Link to={messagePath(m.id)} className="message-link" data-message={m.id}>
          <Instant value={m.receivedAt} />
        </Link>
      ),
      csv: (m) => m.receivedAt,
    },
    { key: 'id', header: t('travel.col.id'), render: () => null, csv: (m) => m.id, exportOnly: true },
    {
      key: 'sender',
      header: t('travel.col.sender'),
      render: (m) => (m.sender ? <code>{m.sender}</code> : <span className="muted">—</span>),
      csv: (m) => m.sender,
    },
    { key: 'type', header: t('travel.col.type'), render: (m) => m.type ?? <span className="muted">—</span>, csv: (m) => m.type },
    {
      key: 'reference',
      header: t('travel.col.reference'),
      render: (m) => <span className="mono small">{m.interchangeRef ?? '—'}</span>,
      csv: (m) => m.interchangeRef,
    },
    { key: 'channel', header: t('travel.col.channel'), render: (m) => channelLabel(m.channel), csv: (m) => m.channel },
    { key: 'status', header: t('travel.col.status'), render: (m) => <MessageStatus m={m} />, csv: (m) => m.status },
    {
      key: 'findings',
      header: t('travel.col.findings'),
      render: (m) => (m.findings ? <Badge tone="warn">{formatNumber(m.findings)}</Badge> : <span className="muted">0</span>),
      csv: (m) => m.findings,
      className: 'num',
    },
    {
      key: 'duplicates',
      header: t('travel.col.duplicates'),
      render: (m) => (m.duplicates ? formatNumber(m.duplicates) : ''),
      csv: (m) => m.duplicates,
      className: 'num',
    },
    { key: 'size', header: t('travel.col.size'), render: (m) => t('travel.bytes', { n: formatNumber(m.size) }), csv: (m) => m.size, className: 'num' },
  ];

  const data = page.data;
  return (
    <>
      <div className="filters" role="search" aria-label={t('travel.messages.filters')}>
        <div className="field">
          <label htmlFor="travel-status" className="field__label">
            {t('travel.col.status')}
          </label>
          <select id="travel-status" className="input" value={status ?? ''} onChange={(e) => setQuery({ status: e.currentTarget.value, offset: null })}>
            <option value="">{t('travel.messages.any-status')}</option>
            <option value="accepted">{t('travel.message.accepted')}</option>
            <option value="rejected">{t('travel.message.rejected')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="travel-sender" className="field__label">
            {t('travel.col.sender')}
          </label>
          <input
            id="travel-sender"
            className="input"
            value={senderText}
            onChange={(e) => setSenderText(e.currentTarget.value)}
            placeholder={t('travel.messages.sender-placeholder')}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </div>
      {page.error !== undefined && <ErrorNote error={page.error} onRetry={page.reload} />}
      <DataTable
        caption={t('travel.messages.caption')}
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(m) => m.id}
        exportName="travel-messages"
        empty={page.loading ? t('common.loading') : status || sender ? t('travel.messages.none-match') : t('travel.messages.none')}
        countNote={data && (offset > 0 || data.total > data.items.length) ? rangeText(offset, data.items.length, data.total) : undefined}
        rowClassName={(m) => (m.status === 'rejected' ? 'row--rejected' : undefined)}
        busy={page.loading}
      />
      {data && (
        <Pager
          offset={offset}
          limit={LIMIT}
          shown={data.items.length}
          total={data.total}
          busy={page.loading}
          label={t('travel.messages.pages')}
          onPage={(next) => setQuery({ offset: next ? String(next) : null }, true)}
        />
      )}
    </>
  );
}
