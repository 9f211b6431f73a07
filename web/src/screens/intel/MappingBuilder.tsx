// Builds a column-to-entity mapping from a sheet's columns: entities, their id or key columns, and each property's column or entity.
import { t } from '../../i18n';
import { SCHEMAS, type EntitySpec, type PropertySpec } from './mapping';

interface Props {
  columns: string[];
  entities: EntitySpec[];
  onChange: (entities: EntitySpec[]) => void;
}

export function MappingBuilder({ columns, entities, onChange }: Props) {
  const update = (i: number, change: Partial<EntitySpec>) => onChange(entities.map((e, j) => (j === i ? { ...e, ...change } : e)));
  const updateProp = (i: number, k: number, change: Partial<PropertySpec>) =>
    update(i, { properties: entities[i]!.properties.map((p, j) => (j === k ? { ...p, ...change } : p)) });
  const add = () => onChange([...entities, { name: `entity${entities.length + 1}`, schema: 'Person', idColumn: '', keys: [], properties: [] }]);
  return (
    <div className="intel-mapping">
      {entities.map((e, i) => (
        <fieldset key={i} className="fieldset intel-mapping__entity">
          <legend>{t('intel.mapping.entity', { name: e.name })}</legend>
          <div className="intel-inline">
            <label>
              {t('intel.mapping.name')}{' '}
              <input className="input input--short" value={e.name} onChange={(ev) => update(i, { name: ev.target.value.replace(/[^A-Za-z0-9_]/g, '') })} />
            </label>
            <label>
              {t('intel.mapping.schema')}{' '}
              <select className="input input--short" value={e.schema} onChange={(ev) => update(i, { schema: ev.target.value })}>
                {Object.keys(SCHEMAS).map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label>
              {t('intel.mapping.id-column')}{' '}
              <select className="input input--short" value={e.idColumn} onChange={(ev) => update(i, { idColumn: ev.target.value })}>
                <option value="">{t('intel.mapping.hash-keys')}</option>
                {columns.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--small" onClick={() => onChange(entities.filter((_, j) => j !== i))}>
              {t('intel.mapping.remove')}
            </button>
          </div>
          {!e.idColumn && (
            <div className="checks checks--columns" role="group" aria-label={t('intel.mapping.keys')}>
              <span className="field__label">{t('intel.mapping.keys')}</span>
              {columns.map((c) => (
                <label key={c} className="check check--inline">
                  <input
                    type="checkbox"
                    checked={e.keys.includes(c)}
                    onChange={(ev) => update(i, { keys: ev.target.checked ? [...e.keys, c] : e.keys.filter((k) => k !== c) })}
                  />{' '}
                  {c}
                </label>
              ))}
            </div>
          )}
          <datalist id={`intel-props-${i}`}>
            {(SCHEMAS[e.schema] ?? []).map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          {e.properties.map((p, k) => (
            <div key={k} className="intel-inline">
              <input
                className="input input--short"
                list={`intel-props-${i}`}
                aria-label={t('intel.mapping.property')}
                placeholder={t('intel.mapping.property')}
                value={p.property}
                onChange={(ev) => updateProp(i, k, { property: ev.target.value.trim() })}
              />
              <span aria-hidden="true">←</span>
              <select
                className="input input--short"
                aria-label={t('intel.mapping.source')}
                value={p.source}
                onChange={(ev) => updateProp(i, k, { source: ev.target.value })}
              >
                <option value="">{t('intel.report.choose')}</option>
                <optgroup label={t('intel.mapping.columns')}>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('intel.mapping.entities')}>
                  {entities
                    .filter((_, j) => j !== i)
                    .map((o) => (
                      <option key={o.name} value={`@${o.name}`}>
                        {o.name}
                      </option>
                    ))}
                </optgroup>
              </select>
              <input
                className="input input--short"
                aria-label={t('intel.mapping.formats')}
                placeholder={t('intel.mapping.formats')}
                value={p.formats}
                onChange={(ev) => updateProp(i, k, { formats: ev.target.value })}
              />
              <button type="button" className="button button--small" onClick={() => update(i, { properties: e.properties.filter((_, j) => j !== k) })}>
                {t('intel.mapping.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() => update(i, { properties: [...e.properties, { property: '', source: '', formats: '' }] })}
          >
            {t('intel.mapping.add-property')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={add}>
        {t('intel.mapping.add-entity')}
      </button>
    </div>
  );
}
