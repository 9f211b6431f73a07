// Communication checks: your State's pending checks; for the secretariat, rounds for all or some contacts with a live response board (polled),
// charts of the response rate over rounds and per State, and scheduled rounds.
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Badge, ErrorNote, Instant, Loading, Name } from '../../components/Text';
import { formatInstant, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { csvFilename, download, toCsv } from '../../lib/csv';
import {
  addSchedule,
  answerCheck,
  duration,
  fetchPending,
  fetchRound,
  fetchRounds,
  fetchSchedules,
  fetchTrend,
  pct,
  startRound,
  stopSchedule,
  type CbmMe,
  type RoundSummary,
} from './api';
import { reasonAt } from './form-errors';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const kindLabel = (k: string) => (k === 'policy' || k === 'technical' ? t(`cbm.kind.${k}`) : t('cbm.schedules.kind.all'));

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
              <td>{t(`cbm.delivery.${m.delivery as 'web'}`)}</td>
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

function Trend() {
  const trend = useResource(fetchTrend, []);
  if (trend.error) return <ErrorNote error={trend.error} onRetry={trend.reload} />;
  if (!trend.data?.length) return null;
  const rows = trend.data;
  const exportCsv = () =>
    download(
      csvFilename('cbm-response-per-state'),
      toCsv(
        [t('cbm.col.state'), t('cbm.trend.rounds'), t('cbm.trend.rate'), 'p50 (s)', 'p90 (s)', t('cbm.trend.late')],
        rows.map((r) => [r.state.toUpperCase(), r.rounds, r.responseRate.toFixed(3), r.p50Seconds, r.p90Seconds, r.late]),
      ),
    );
  return (
    <section aria-labelledby="cbm-trend">
      <h3 id="cbm-trend">{t('cbm.trend.heading')}</h3>
      <button type="button" className="button button--small" onClick={exportCsv}>
        {t('cbm.trend.export')}
      </button>
      <table className="cbm-table">
        <thead>
          <tr>
            <th scope="col">{t('cbm.col.state')}</th>
            <th scope="col">{t('cbm.trend.rounds')}</th>
            <th scope="col">{t('cbm.trend.rate')}</th>
            <th scope="col">p50</th>
            <th scope="col">p90</th>
            <th scope="col">{t('cbm.trend.late')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.state}>
              <th scope="row">{r.state.toUpperCase()}</th>
              <td>{r.rounds}</td>
              <td>
                <span className="cbm-meter" aria-hidden="true">
                  <span style={{ width: `${Math.round(r.responseRate * 100)}%` }} />
                </span>{' '}
                {pct(r.responseRate)} ({r.answered}/{r.sent})
              </td>
              <td>{duration(r.p50Seconds)}</td>
              <td>{duration(r.p90Seconds)}</td>
              <td>{r.late}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Schedules() {
  const list = useResource(fetchSchedules, []);
  const [error, setError] = useState<unknown>();
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const kind = String(f.get('kind'));
    const first = String(f.get('first') ?? '');
    setError(undefined);
    addSchedule({
      ...(kind === 'all' ? {} : { kind }),
      everyDays: Number(f.get('everyDays')),
      ...(first ? { firstAt: new Date(first).toISOString() } : {}),
    }).then(() => {
      form.reset();
      list.reload();
    }, setError);
  };
  return (
    <section aria-labelledby="cbm-schedules">
      <h3 id="cbm-schedules">{t('cbm.schedules.heading')}</h3>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.data?.length === 0 ? <p>{t('cbm.schedules.none')}</p> : null}
      <ul>
        {list.data?.map((s) => (
          <li key={s.id}>
            {t('cbm.schedules.item', { kind: kindLabel(s.kind), days: s.everyDays, next: formatInstant(s.nextAt) })}{' '}
            <button type="button" className="button button--small" onClick={() => stopSchedule(s.id).then(list.reload, setError)}>
              {t('cbm.schedules.stop')}
            </button>
          </li>
        ))}
      </ul>
      <form className="cbm-form-row" onSubmit={add} aria-label={t('cbm.schedules.add')}>
        <Field label={t('cbm.schedules.kind')}>
          <select className="input" name="kind" defaultValue="all">
            <option value="all">{t('cbm.schedules.kind.all')}</option>
            <option value="policy">{t('cbm.kind.policy')}</option>
            <option value="technical">{t('cbm.kind.technical')}</option>
          </select>
        </Field>
        <Field label={t('cbm.schedules.every')} error={reasonAt(error, 'everyDays')}>
          <input className="input" name="everyDays" type="number" min={1} max={366} defaultValue={90} size={5} />
        </Field>
        <Field label={t('cbm.schedules.first')} hint={t('cbm.schedules.first-hint', { zone: ZONE })} error={reasonAt(error, 'firstAt')}>
          <input className="input" name="first" type="datetime-local" />
        </Field>
        <div>
          <button type="submit" className="button">
            {t('cbm.schedules.save')}
          </button>
        </div>
      </form>
      {error && !reasonAt(error, 'everyDays') && !reasonAt(error, 'firstAt') ? <ErrorNote error={error} /> : null}
    </section>
  );
}

function Rounds({ me }: { me: CbmMe }) {
  const rounds = useResource(fetchRounds, []);
  const [selected, setSelected] = useState<string>();
  const [states, setStates] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const start = (kind?: string) =>
    startRound(kind, states).then((r) => {
      setSelected(r.roundId);
      rounds.reload();
    }, setError);
  if (rounds.error) return <ErrorNote error={rounds.error} onRetry={rounds.reload} />;
  if (!rounds.data) return <Loading />;
  const current = selected ?? rounds.data[0]?.roundId;
  return (
    <section aria-labelledby="cbm-rounds">
      <h2 id="cbm-rounds">{t('cbm.checks.rounds')}</h2>
      <fieldset className="fieldset">
        <legend className="field__label">{t('cbm.checks.states')}</legend>
        {me.states.map((s) => (
          <label key={s} className="cbm-inline">
            <input
              type="checkbox"
              checked={states.includes(s)}
              onChange={(e) => setStates(e.target.checked ? [...states, s] : states.filter((x) => x !== s))}
            />{' '}
            {s.toUpperCase()}
          </label>
        ))}
      </fieldset>
      <div className="cbm-toolbar">
        <button className="button" type="button" onClick={() => start()}>
          {t('cbm.checks.start-all')}
        </button>
        <button className="button" type="button" onClick={() => start('policy')}>
          {t('cbm.checks.start-policy')}
        </button>
        <button className="button" type="button" onClick={() => start('technical')}>
          {t('cbm.checks.start-technical')}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {rounds.data.length ? <RateChart rounds={rounds.data} /> : <p>{t('cbm.checks.none')}</p>}
      <ul className="cbm-rounds">
        {rounds.data.map((r) => (
          <li key={r.roundId}>
            <button className="button" type="button" aria-pressed={r.roundId === current} onClick={() => setSelected(r.roundId)}>
              <Instant value={r.startedAt} /> · {r.kind} · {pct(r.responseRate)} ({r.answered}/{r.sent})
            </button>
          </li>
        ))}
      </ul>
      {current ? <Board id={current} /> : null}
      <Trend key={rounds.data.length} />
      <Schedules />
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
                <button className="button" type="button" onClick={() => answerCheck(p.id).then(pending.reload, setError)}>
                  {t('cbm.checks.answer')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {me.secretariat ? <Rounds me={me} /> : null}
    </>
  );
}
