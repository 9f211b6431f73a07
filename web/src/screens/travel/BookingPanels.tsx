// The booking (PNR) of a traveller: locators and dates, tickets, payments, contacts, seats, bags, itinerary, SSRs and remarks.
import { Name } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import type { Booking } from './api';
import { Facts, MiniTable, Panel, orDash } from './Parts';
import { AirportTime } from './times';

const text = (v: string | null | undefined) => (v ? <bdi dir="auto">{v}</bdi> : null);
const join = (values: readonly string[]) => (values.length ? values.join(', ') : null);

export function BookingPanels({ booking }: { booking: Booking }) {
  return (
    <>
      <Panel title={t('travel.booking.title')}>
        <Facts
          items={[
            [t('travel.col.record-locator'), booking.recordLocator ? <code>{booking.recordLocator}</code> : null],
            [t('travel.booking.other-locators'), join(booking.otherLocators)],
            [t('travel.booking.created'), booking.created?.replace('T', ' ')],
            [t('travel.booking.last-modified'), booking.lastModified?.replace('T', ' ')],
            [t('travel.booking.split'), join(booking.split)],
            [t('travel.booking.frequent-flyer'), join(booking.frequentFlyer)],
          ]}
        />
      </Panel>
      <Panel title={t('travel.booking.itinerary')} className="travel-panel--wide">
        <MiniTable
          caption={t('travel.booking.itinerary')}
          rows={booking.itinerary}
          columns={[
            { header: t('travel.col.flight'), render: (s) => <span className="mono">{`${s.carrier}${s.number}`}</span> },
            {
              header: t('travel.booking.operated-by'),
              render: (s) => orDash(s.operatingCarrier ? `${s.operatingCarrier}${s.operatingNumber ?? ''}` : null),
            },
            { header: t('travel.col.from'), render: (s) => orDash(s.origin) },
            { header: t('travel.col.departure'), render: (s) => <AirportTime value={s.departure} /> },
            { header: t('travel.col.to'), render: (s) => orDash(s.destination) },
            { header: t('travel.col.arrival'), render: (s) => <AirportTime value={s.arrival} /> },
            { header: t('travel.booking.class'), render: (s) => orDash(s.bookingClass) },
            { header: t('travel.col.status'), render: (s) => orDash(s.status) },
          ]}
        />
      </Panel>
      <Panel title={t('travel.booking.tickets')}>
        <MiniTable
          caption={t('travel.booking.tickets')}
          rows={booking.tickets}
          columns={[
            { header: t('travel.booking.ticket'), render: (x) => <span className="mono">{x.number}</span> },
            { header: t('travel.booking.issued'), render: (x) => orDash(x.issued?.replace('T', ' ')) },
            { header: t('travel.booking.total'), render: (x) => orDash(x.total ? `${x.total} ${x.currency ?? ''}`.trim() : null), className: 'num' },
          ]}
        />
      </Panel>
      <Panel title={t('travel.booking.payments')}>
        <MiniTable
          caption={t('travel.booking.payments')}
          rows={booking.payments}
          columns={[
            { header: t('travel.booking.payment-type'), render: (p) => <code>{p.type}</code> },
            { header: t('travel.booking.vendor'), render: (p) => orDash(p.vendor) },
            { header: t('travel.booking.account'), render: (p) => orDash(p.accountLast4 ? `•••• ${p.accountLast4}` : null) },
            { header: t('travel.booking.amount'), render: (p) => orDash(p.amount), className: 'num' },
          ]}
        />
      </Panel>
      <Panel title={t('travel.booking.contacts')}>
        <MiniTable
          caption={t('travel.booking.contacts')}
          rows={booking.contacts}
          columns={[
            {
              header: t('travel.booking.contact-kind'),
              render: (c) => t(`travel.contact.${c.kind === 'email' || c.kind === 'phone' || c.kind === 'address' ? c.kind : 'other'}`),
            },
            { header: t('travel.booking.contact-value'), render: (c) => <Name>{c.value}</Name> },
            { header: t('travel.booking.contact-source'), render: (c) => <code>{c.source}</code> },
          ]}
        />
      </Panel>
      <Panel title={t('travel.booking.seats-bags')}>
        <Facts
          items={[
            [t('travel.booking.seats'), join(booking.seats.map((s) => (s.flight ? `${s.seat} (${s.flight})` : s.seat)))],
            ...booking.bags.map(
              (b, i) =>
                [
                  booking.bags.length > 1 ? t('travel.booking.bags-n', { n: i + 1 }) : t('travel.booking.bags'),
                  [
                    b.count !== null ? t('travel.booking.bag-count', { count: formatNumber(b.count) }) : '',
                    b.weight !== null ? `${formatNumber(b.weight)} ${b.unit ?? ''}`.trim() : '',
                    b.tags.length ? t('travel.booking.bag-tags', { tags: b.tags.join(', ') }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · '),
                ] as const,
            ),
          ]}
        />
      </Panel>
      <Panel title={t('travel.booking.ssr-remarks')} className="travel-panel--wide">
        <MiniTable
          caption={t('travel.booking.ssr')}
          rows={booking.ssr}
          columns={[
            { header: t('travel.booking.ssr-code'), render: (s) => <code>{s.code}</code> },
            { header: t('travel.booking.ssr-text'), render: (s) => text(s.text) },
          ]}
        />
        {booking.remarks.length > 0 && (
          <ul className="remarks">
            {booking.remarks.map((r, i) => (
              <li key={i}>
                <bdi dir="auto">{r}</bdi>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
