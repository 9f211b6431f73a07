// Named value lists of the rules (versioned; an entry revealing a sensitive characteristic is refused) and the reference of fields.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { DataTable, type Column } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { ErrorNote } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { fetchCatalogue, fetchLists, saveList, type ValueList } from './rulesApi';

export function RuleLists() {
  const lists = useResource(fetchLists, []);
  const [name, setName] = useState('');
  const [entries, setEntries] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await saveList(
        name.trim(),
        entries
          .split(/[\n,]/)
          .map((x) => x.trim())
          .filter(Boolean),
      );
      lists.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<ValueList>[] = [
    { key: 'name', header: t('travel.rules.list-name'), render: (l) => <code>{l.name}</code>, csv: (l) => l.name },
    { key: 'version', header: t('travel.rules.version'), render: (l) => `v${l.version}`, csv: (l) => l.version, className: 'num' },
    { key: 'entries', header: t('travel.rules.entries'), render: (l) => l.entries.join(', '), csv: (l) => l.entries.join(' ') },
    {
      key: 'edit',
      header: t('travel.rules.actions'),
      render: (l) => (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setName(l.name);
            setEntries(l.entries.join('\n'));
          }}
        >
          {t('travel.rules.edit')}
        </button>
      ),
    },
  ];

  return (
    <section className="panel" aria-labelledby="rule-lists-title">
      <h2 id="rule-lists-title" className="panel__title">
        {t('travel.rules.lists')}
      </h2>
      <DataTable
        caption={t('travel.rules.lists')}
        columns={columns}
        rows={lists.data ?? []}
        rowKey={(l) => l.name}
        exportName="rule-lists"
        empty={t('travel.rules.no-lists')}
        busy={lists.loading}
      />
      <form className="form form--grid" onSubmit={save} noValidate>
        <Field
          label={t('travel.rules.list-name')}
          hint={t('travel.rules.list-name-hint')}
          error={error instanceof ApiError ? error.reasonFor('name') : undefined}
        >
          <input className="input" value={name} maxLength={63} onChange={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label={t('travel.rules.entries')} hint={t('travel.rules.entries-hint')}>
          <textarea className="input" rows={3} value={entries} onChange={(e) => setEntries(e.currentTarget.value)} />
        </Field>
        {error !== undefined && <ErrorNote error={error} />}
        <div className="form__full">
          <button type="submit" className="button" disabled={busy || !name.trim() || !entries.trim()}>
            {t('travel.rules.save-list')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function RuleFields() {
  const catalogue = useResource(fetchCatalogue, []);
  const c = catalogue.data;
  return (
    <details className="panel rule-fields">
      <summary className="panel__title">{t('travel.rules.fields')}</summary>
      <p>{t('travel.rules.fields-intro')}</p>
      {c && (
        <dl className="rule-fields__list">
          {[...c.fields, ...c.collections.flatMap((x) => x.fields)].map((f) => (
            <div key={f.name}>
              <dt>
                <code>{f.name}</code> <span className="rule-fields__type">{f.set ? t('travel.rules.type-set', { type: f.type }) : f.type}</span>
              </dt>
              <dd>{f.description}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}
