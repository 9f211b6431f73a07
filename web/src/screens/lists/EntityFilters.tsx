// The filters of a list's entities: a name search (written to the URL after a pause), the schema and the version.
import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import { useQueryState } from '../../router';
import type { ListDetail } from './api';
import { schemaLabel, versionLabel } from './format';

export function EntityFilters({ list, schemata, chosen }: { list: ListDetail; schemata: readonly string[]; chosen: number | undefined }) {
  const [query, setQuery] = useQueryState();
  const q = query.get('q') ?? '';
  const schema = query.get('schema') ?? '';
  const [search, setSearch] = useState(q);

  // A new search or filter starts at the first page.
  useEffect(() => setSearch(q), [q]);
  useEffect(() => {
    if (search === q) return;
    const timer = window.setTimeout(() => setQuery({ q: search.trim(), offset: null }), 300);
    return () => window.clearTimeout(timer);
  }, [search, q, setQuery]);

  return (
    <div className="filters" role="search" aria-label={t('entities.filters')}>
      <div className="field">
        <label htmlFor="entities-q" className="field__label">
          {t('entities.search')}
        </label>
        <input
          id="entities-q"
          type="search"
          className="input"
          dir="auto"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          placeholder={t('entities.search-placeholder')}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor="entities-schema" className="field__label">
          {t('entities.col.schema')}
        </label>
        <select id="entities-schema" className="input" value={schema} onChange={(e) => setQuery({ schema: e.currentTarget.value, offset: null })}>
          <option value="">{t('entities.all-schemata')}</option>
          {schemata.map((s) => (
            <option key={s} value={s}>
              {schemaLabel(s)}
            </option>
          ))}
          {schema && !schemata.includes(schema) && <option value={schema}>{schemaLabel(schema)}</option>}
        </select>
      </div>
      {list.versions.length > 1 && (
        <div className="field">
          <label htmlFor="entities-version" className="field__label">
            {t('entities.version')}
          </label>
          <select
            id="entities-version"
            className="input"
            value={chosen === undefined ? '' : String(chosen)}
            onChange={(e) => setQuery({ version: e.currentTarget.value, offset: null })}
          >
            <option value="">{t('entities.version-active')}</option>
            {list.versions.map((v) => (
              <option key={v.version} value={v.version}>
                {versionLabel(v.version)}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
