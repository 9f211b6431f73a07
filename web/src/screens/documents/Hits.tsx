// What the registry, the lists and the chip said: lost and stolen reports and holder matches linked to their records, chip checks.
import { Badge, Name } from '../../components/Text';
import { formatDate, t } from '../../i18n';
import { Link } from '../../router';
import { useCan } from '../../session';
import { entityPath, registrySearchPath, type DocumentCheck } from './api';
import { statusLabel } from './labels';

export function LostPanel({ lost }: { lost: DocumentCheck['lost'] }) {
  const canRead = useCan('documents.read');
  if (!lost) return null;
  return (
    <section className="panel" aria-labelledby="lost-title" data-lost={lost.match}>
      <h2 id="lost-title" className="panel__title">
        {t('documents.lost.title')}
      </h2>
      {lost.version === null ? (
        <p className="muted">{t('documents.lost.no-version')}</p>
      ) : lost.hits.length === 0 ? (
        <p>
          <Badge tone="good">{t('documents.lost.none')}</Badge> <span className="muted">{t('documents.lost.version', { version: lost.version })}</span>
        </p>
      ) : (
        <ul className="hit-list">
          {lost.hits.map((h) => (
            <li key={h.id} className={`hit hit--${h.match === 'exact' ? 'stop' : 'attention'}`}>
              <Badge tone={h.match === 'exact' ? 'bad' : 'warn'}>{t(`documents.lost.match.${h.match}`)}</Badge> <strong>{statusLabel(h.status)}</strong>
              {h.reportedOn && <span> · {t('documents.lost.reported-on', { date: formatDate(h.reportedOn) })}</span>}
              <div>
                <span className="mono">{h.issuingCountry.icao}</span> {h.documentType && <span className="mono">{h.documentType}</span>}{' '}
                {canRead ? (
                  <Link to={registrySearchPath(h.documentNumber)} className="mono">
                    {h.documentNumber}
                  </Link>
                ) : (
                  <span className="mono">{h.documentNumber}</span>
                )}
              </div>
              {h.detail && <p className="small">{h.detail}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The few explanation items that weigh most, without the model's base term or repeated texts. */
function strongest<T extends { feature: string; score: number; detail: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return [...items]
    .filter((e) => e.feature !== 'base')
    .sort((a, b) => Math.abs(b.score) - Math.abs(a.score))
    .filter((e) => !seen.has(e.detail) && seen.add(e.detail))
    .slice(0, 4);
}

export function HolderPanel({ holder }: { holder: DocumentCheck['holder'] }) {
  const canSeeEntities = useCan('watchlists.read');
  if (!holder) return null;
  const lists = Object.keys(holder.listVersions);
  return (
    <section className="panel" aria-labelledby="holder-title" data-holder-matches={holder.matches.length}>
      <h2 id="holder-title" className="panel__title">
        {t('documents.holder.title')}
      </h2>
      {holder.query && (
        <p className="muted small">{t('documents.holder.screened', { name: holder.query.name, lists: lists.join(', ') || t('common.none') })}</p>
      )}
      {holder.matches.length === 0 ? (
        <p>
          <Badge tone="good">{t('documents.holder.none')}</Badge>
        </p>
      ) : (
        <ul className="hit-list">
          {holder.matches.map((m) => (
            <li key={m.entityId} className="hit hit--stop">
              <Badge tone="bad">{t('documents.holder.score', { score: m.score.toFixed(2) })}</Badge>{' '}
              {canSeeEntities ? (
                <Link to={entityPath(m.entityId)}>
                  <Name>{m.caption}</Name>
                </Link>
              ) : (
                <Name>{m.caption}</Name>
              )}{' '}
              <span className="muted small">
                {m.schema} · {m.lists.join(', ')} · <span className="mono">{m.entityId}</span>
              </span>
              <ul className="explanation">
                {strongest(m.explanation).map((e, i) => (
                  <li key={i} className="small">
                    {e.detail}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ChipPanel({ chip }: { chip: DocumentCheck['chip'] }) {
  if (!chip) return null;
  const tone = chip.status === 'passed' ? 'good' : chip.status === 'failed' ? 'bad' : 'warn';
  return (
    <section className="panel" aria-labelledby="chip-title">
      <h2 id="chip-title" className="panel__title">
        {t('documents.chip.title')}
      </h2>
      <p>
        <Badge tone={tone}>{t(`documents.chip.${chip.status}`)}</Badge> {chip.reason}
      </p>
      <ul className="chip-checks">
        {chip.checks.map((c) => (
          <li key={c.check} className="small">
            <span className="mono">{c.check}</span>: {c.status} — {c.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}
