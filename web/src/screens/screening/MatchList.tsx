// Matches of one query, best first: the entity (linked to its record), its lists, the score as a bar, and the explanation.
import { Badge, Name } from '../../components/Text';
import { formatNumber, t, tn } from '../../i18n';
import { tr } from '../../i18n/rich';
import { Link } from '../../router';
import { useCan } from '../../session';
import { entityPath } from '../lists/api';
import { schemaLabel } from '../lists/format';
import type { Match } from './api';
import { Explanation, ScoreBar } from './Explanation';

export function MatchList({ matches, query }: { matches: readonly Match[]; query: string }) {
  const canOpen = useCan('watchlists.read');
  if (!matches.length)
    return (
      <div className="callout callout--success" data-testid="no-matches">
        <span>{tr('screening.no-matches', { name: <Name>{query}</Name> })}</span>
      </div>
    );
  return (
    <ol className="matches" aria-label={tn('screening.matches', matches.length)}>
      {matches.map((m, i) => (
        <li key={m.entityId} className="match" data-entity={m.entityId}>
          <div className="match__head">
            <span className="match__rank" aria-hidden="true">
              {formatNumber(i + 1)}
            </span>
            <div className="match__who">
              <h3 className="match__name">
                {canOpen ? (
                  <Link to={entityPath(m.entityId, m.lists[0])}>
                    <Name>{m.caption}</Name>
                  </Link>
                ) : (
                  <Name>{m.caption}</Name>
                )}
              </h3>
              <div className="match__tags">
                <Badge tone="info">{schemaLabel(m.schema)}</Badge>
                {m.lists.map((l) => (
                  <Badge key={l} tone="bad">
                    {t('screening.on-list', { list: l })}
                  </Badge>
                ))}
                <span className="muted small mono">{m.entityId}</span>
              </div>
            </div>
            <ScoreBar score={m.score} />
          </div>
          <details className="match__why" open={i === 0}>
            <summary>{t('screening.why')}</summary>
            <Explanation items={m.explanation} caption={t('screening.explanation-of', { name: m.caption })} />
          </details>
        </li>
      ))}
    </ol>
  );
}
