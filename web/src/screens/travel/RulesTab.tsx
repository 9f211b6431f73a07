// The Rules tab: targeting rules with their hits and decisions, the editor with test-against-history, value lists and the field reference.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Badge, ErrorNote, Instant } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useQueryState } from '../../router';
import { useCan } from '../../session';
import { NotFound } from '../NotFound';
import { RuleEditor } from './RuleEditor';
import { RuleFields, RuleLists } from './RuleLists';
import { fetchRules, fetchStats, setEnabled, type Rule, type RuleStats } from './rulesApi';
import './rules.css';

type Row = Rule & { stats: RuleStats | undefined };

export function RulesTab() {
  const allowed = useCan('travel.rules');
  const [query, setQuery] = useQueryState();
  const rules = useResource(() => Promise.all([fetchRules(), fetchStats()]), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  if (!allowed) return <NotFound forbidden />;

  const selected = query.get('rule');
  const rows: Row[] = (rules.data?.[0] ?? []).map((r) => ({ ...r, stats: rules.data?.[1].find((s) => s.ruleId === r.id && s.version === r.version) }));
  const editing = selected && selected !== 'new' ? rows.find((r) => r.id === selected) : undefined;

  const toggle = async (r: Rule) => {
    setBusy(r.id);
    setError(undefined);
    try {
      await setEnabled(r.id, !r.enabled);
      rules.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const decided = (s: RuleStats | undefined) => (s ? (s.alerts.confirmed ?? 0) + (s.alerts['false-positive'] ?? 0) : 0);
  const columns: Column<Row>[] = [
    { key: 'id', header: t('travel.rules.id'), render: (r) => <code>{r.id}</code>, csv: (r) => r.id },
    { key: 'name', header: t('travel.rules.name'), render: (r) => r.name, csv: (r) => r.name },
    { key: 'version', header: t('travel.rules.version'), render: (r) => `v${r.version}`, csv: (r) => r.version, className: 'num' },
    {
      key: 'status',
      header: t('travel.col.status'),
      render: (r) => <Badge tone={r.enabled ? 'good' : 'neutral'}>{r.enabled ? t('travel.rules.enabled') : t('travel.rules.disabled')}</Badge>,
      csv: (r) => (r.enabled ? 'enabled' : 'disabled'),
    },
    { key: 'hits', header: t('travel.rules.hits'), render: (r) => formatNumber(r.stats?.hits ?? 0), csv: (r) => r.stats?.hits ?? 0, className: 'num' },
    {
      key: 'decisions',
      header: t('travel.rules.decisions'),
      render: (r) =>
        decided(r.stats)
          ? t('travel.rules.precision', { confirmed: formatNumber(r.stats!.alerts.confirmed ?? 0), decided: formatNumber(decided(r.stats)) })
          : '—',
      csv: (r) => (r.stats?.precision ?? '') as number | string,
    },
    { key: 'changed', header: t('travel.rules.changed'), render: (r) => <Instant value={r.updatedAt} />, csv: (r) => r.updatedAt },
    { key: 'expression', header: t('travel.rules.expression'), render: () => null, csv: (r) => r.expression, exportOnly: true },
    {
      key: 'actions',
      header: t('travel.rules.actions'),
      render: (r) => (
        <span className="rule-actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => setQuery({ rule: r.id })}
            aria-label={t('travel.rules.edit-named', { name: r.name })}
          >
            {t('travel.rules.edit')}
          </button>
          <button type="button" className="button button--small" disabled={busy === r.id} onClick={() => toggle(r)}>
            {r.enabled ? t('travel.rules.disable') : t('travel.rules.enable')}
          </button>
        </span>
      ),
    },
  ];

  return (
    <div className="stack-gap rules-tab">
      <p>{t('travel.rules.intro')}</p>
      {rules.error !== undefined && <ErrorNote error={rules.error} onRetry={rules.reload} />}
      {error !== undefined && <ErrorNote error={error} />}
      <DataTable
        caption={t('travel.rules.table')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        exportName="travel-rules"
        empty={t('travel.rules.none')}
        busy={rules.loading}
        rowClassName={(r) => (r.id === selected ? 'row--selected' : undefined)}
        toolbar={
          <button type="button" className="button button--primary button--small" onClick={() => setQuery({ rule: 'new' })}>
            {t('travel.rules.new')}
          </button>
        }
      />
      {(selected === 'new' || editing) && (
        <RuleEditor
          key={editing ? `${editing.id}@${editing.version}` : 'new'}
          rule={editing ?? null}
          onSaved={(r) => {
            rules.reload();
            setQuery({ rule: r.id });
          }}
        />
      )}
      <RuleLists />
      <RuleFields />
    </div>
  );
}
