// Filters of the audit trail: edited in a form, applied to the URL so a filtered view can be bookmarked and shared.
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { t } from '../../i18n';
import { useQueryState } from '../../router';

export const FILTER_KEYS = ['from', 'to', 'actorId', 'action', 'targetType', 'targetId', 'outcome'] as const;
type Key = (typeof FILTER_KEYS)[number];
type Draft = Record<Key, string>;

/** ISO instant → value of a datetime-local input, in the user's zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (value: string): string => (value ? new Date(value).toISOString() : '');

export function AuditFilters() {
  const [query, setQuery] = useQueryState();
  const read = (): Draft => ({
    from: toLocalInput(query.get('from')),
    to: toLocalInput(query.get('to')),
    actorId: query.get('actorId') ?? '',
    action: query.get('action') ?? '',
    targetType: query.get('targetType') ?? '',
    targetId: query.get('targetId') ?? '',
    outcome: query.get('outcome') ?? '',
  });
  const [draft, setDraft] = useState<Draft>(read);
  const search = query.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setDraft(read()), [search]);

  const set = (key: Key) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setQuery(
      {
        from: fromLocalInput(draft.from),
        to: fromLocalInput(draft.to),
        actorId: draft.actorId.trim(),
        action: draft.action.trim(),
        targetType: draft.targetType.trim(),
        targetId: draft.targetId.trim(),
        outcome: draft.outcome,
        beforeSeq: null,
        highlight: null,
      },
      true,
    );
  };

  const clear = () => setQuery(Object.fromEntries([...FILTER_KEYS, 'beforeSeq', 'highlight'].map((k) => [k, null])), true);
  const active = FILTER_KEYS.some((k) => query.get(k)) || query.get('beforeSeq');

  return (
    <form className="filters filters--wrap" role="search" aria-label={t('audit.filters')} onSubmit={apply}>
      <Field label={t('audit.from')}>
        <input className="input" type="datetime-local" value={draft.from} onChange={set('from')} name="from" />
      </Field>
      <Field label={t('audit.to')}>
        <input className="input" type="datetime-local" value={draft.to} onChange={set('to')} name="to" />
      </Field>
      <Field label={t('audit.col.action')}>
        <input
          className="input"
          value={draft.action}
          onChange={set('action')}
          name="action"
          spellCheck={false}
          autoCapitalize="none"
          placeholder={t('audit.action-placeholder')}
        />
      </Field>
      <Field label={t('audit.col.outcome')}>
        <select className="input" value={draft.outcome} onChange={set('outcome')} name="outcome">
          <option value="">{t('audit.outcome.any')}</option>
          <option value="success">{t('audit.outcome.success')}</option>
          <option value="denied">{t('audit.outcome.denied')}</option>
          <option value="failure">{t('audit.outcome.failure')}</option>
        </select>
      </Field>
      <Field label={t('audit.actor-id')}>
        <input className="input" value={draft.actorId} onChange={set('actorId')} name="actorId" spellCheck={false} autoCapitalize="none" />
      </Field>
      <Field label={t('audit.target-type')}>
        <input className="input" value={draft.targetType} onChange={set('targetType')} name="targetType" spellCheck={false} autoCapitalize="none" />
      </Field>
      <Field label={t('audit.target-id')}>
        <input className="input" value={draft.targetId} onChange={set('targetId')} name="targetId" spellCheck={false} autoCapitalize="none" />
      </Field>
      <div className="filters__buttons">
        <button type="submit" className="button button--primary">
          {t('action.apply')}
        </button>
        <button type="button" className="button" onClick={clear} disabled={!active}>
          {t('action.clear')}
        </button>
      </div>
    </form>
  );
}
