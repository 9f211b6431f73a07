// Communication checks: your State's pending checks; for the secretariat, rounds with a live response board (polled) and charts.
import { useEffect, useState } from 'react';
import { Badge, ErrorNote, Instant, Loading, Name } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { answerCheck, duration, fetchPending, fetchRound, fetchRounds, pct, startRound, type CbmMe, type RoundSummary } from './api';

const TONE = { answered: 'good', late: 'warn', pending: 'info', unreachable: 'bad' } as const;

function RateChart({ rounds }: { rounds: RoundSummary[] }) {
  const shown = [...rounds].reverse().slice(-12);
  const w = 28;
  return (
    <figure className="cbm-chart">
      <svg role="img" aria-label={t('cbm.checks.chart')} width={shown.length * w + 40} height={130} viewBox={`0 0 ${shown.length * w + 40} 130`}>
        <line x1={30} y1={110} x2={shown.length * w + 35} y2={110} stroke="currentColor" />
        <text x={0} y={14} fontSize={10}>
          100%
        </text>
        <text x={0} y={112} fontSize={10}>
          0%
        </text>
        {shown.map((r, i) => {
          const h = Math.round(r.responseRate * 100);
          return (
            <rect key={r.roundId} x={34 + i * w} y={110 - h} width={w - 8} height={h} className="cbm-bar">
              <title>{`${r.startedAt.slice(0, 10)}: ${pct(r.responseRate)} (${r.answered}/${r.sent})`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>{t('cbm.checks.chart')}</figcaption>
    </figure>
  );
}

function Board({ id }: { id: string }) {
  const board = useResource(() => fetchRound(id), [id]);
  useEffect(() => {
    const timer = setInterval(board.reload, 5000);
    return () => clearInterval(timer);
  }, [board.reload]);
  if (board.error) return <ErrorNote error={board.error} onRetry={board.reload} />;
  if (!board.data) return <Loading />;
  const r = board.data;
  return (
    <section aria-labelledby="cbm-board" className="cbm-board">
      <h3 id="cbm-board">{t('cbm.checks.board', { id: r.roundId })}</h3>
      <p data-testid="cbm-figures">
        {t('cbm.checks.figures', {
          answered: r.answered,
          sent: r.sent,
          rate: pct(r.responseRate),
          p50: duration(r.p50Seconds),
          p90: duration(r.p90Seconds),
          late: r.late,
          pending: r.pending,
        })}
      </p>
      <table className="cbm-table">
        <thead>
          <tr>
            <th scope="col">{t('cbm.col.state')}</th>
            <th scope="col">{t('cbm.col.kind')}</th>
            <th scope="col">{t('cbm.col.name')}</th>
            <th scope="col">{t('cbm.col.delivery')}</th>
            <th scope="col">{t('cbm.col.status')}</th>
            <th scope="col">{t('cbm.col.time')}</th>
          </tr>
        </thead>
        <tbody>
          {r.messages.map((m) => (
            <tr key={m.id}>
              <td>{m.state.toUpperCase()}</td>
              <td>{t(`cbm.kind.${m.kind as 'policy' | 'technical'}`)}</td>
              <td>
                <Name>{m.contactName}</Name>
              </td>
              <td>{m.delivery}</td>
              <td>
                <Badge tone={TONE[m.status]}>{t(`cbm.status.${m.status}`)}</Badge>
              </td>
              <td>{duration(m.seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Rounds() {
  const rounds = useResource(fetchRounds, []);
  const [selected, setSelected] = useState<string>();
  const [error, setError] = useState<unknown>();
  const start = (kind?: string) =>
    startRound(kind).then((r) => {
      setSelected(r.roundId);
      rounds.reload();
    }, setError);
  if (rounds.error) return <ErrorNote error={rounds.error} onRetry={rounds.reload} />;
  if (!rounds.data) return <Loading />;
  const current = selected ?? rounds.data[0]?.roundId;
  return (
    <section aria-labelledby="cbm-rounds">
      <h2 id="cbm-rounds">{t('cbm.checks.rounds')}</h2>
      <div className="cbm-toolbar">
        <button type="button" onClick={() => start()}>
          {t('cbm.checks.start-all')}
        </button>
        <button type="button" onClick={() => start('policy')}>
          {t('cbm.checks.start-policy')}
        </button>
        <button type="button" onClick={() => start('technical')}>
          {t('cbm.checks.start-technical')}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {rounds.data.length ? <RateChart rounds={rounds.data} /> : <p>{t('cbm.checks.none')}</p>}
      <ul className="cbm-rounds">
        {rounds.data.map((r) => (
          <li key={r.roundId}>
            <button type="button" aria-pressed={r.roundId === current} onClick={() => setSelected(r.roundId)}>
              <Instant value={r.startedAt} /> · {r.kind} · {pct(r.responseRate)} ({r.answered}/{r.sent})
            </button>
          </li>
        ))}
      </ul>
      {current ? <Board id={current} /> : null}
    </section>
  );
}

export function ChecksTab({ me }: { me: CbmMe }) {
  const pending = useResource(fetchPending, []);
  const [error, setError] = useState<unknown>();
  return (
    <>
      {me.state ? (
        <section aria-labelledby="cbm-pending">
          <h2 id="cbm-pending">{t('cbm.checks.pending')}</h2>
          {error ? <ErrorNote error={error} /> : null}
          {pending.data?.length === 0 ? <p>{t('cbm.checks.pending-none')}</p> : null}
          <ul>
            {pending.data?.map((p) => (
              <li key={p.id}>
                <Name>{p.contactName}</Name> ({p.kind}) — {t('cbm.checks.due')} <Instant value={p.deadlineAt} />{' '}
                <button type="button" onClick={() => answerCheck(p.id).then(pending.reload, setError)}>
                  {t('cbm.checks.answer')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {me.secretariat ? <Rounds /> : null}
    </>
  );
}
