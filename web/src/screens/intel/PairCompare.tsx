// Two records side by side, property by property, with the values both sides share marked (not by colour alone), and the explanation.
import { ScriptName } from '../../components/ScriptName';
import { Badge, Name } from '../../components/Text';
import { t } from '../../i18n';
import { propertyLabel, schemaLabel } from '../lists/format';
import type { Pair } from './api';

const fold = (v: string) =>
  v
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function Values({ values, other }: { values: string[]; other: string[] }) {
  if (!values.length) return <span className="muted">{t('intel.xref.no-value')}</span>;
  const others = new Set(other.map(fold));
  return (
    <ul className="values">
      {values.map((v, i) => (
        <li key={`${v}-${i}`} className={others.has(fold(v)) ? 'value value--same' : 'value'}>
          <ScriptName>{v}</ScriptName>
          {others.has(fold(v)) && <span className="visually-hidden"> {t('intel.xref.same')}</span>}
        </li>
      ))}
    </ul>
  );
}

export function PairCompare({ pair }: { pair: Pair }) {
  return (
    <>
      <div className="table-scroll">
        <table className="table intel-compare">
          <caption className="visually-hidden">{t('intel.xref.compare')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intel.xref.property')}</th>
              <th scope="col">
                <Name>{pair.left.caption}</Name> <Badge>{schemaLabel(pair.left.schema)}</Badge>
                <div className="muted small mono">{pair.left.id}</div>
              </th>
              <th scope="col">
                <Name>{pair.right.caption}</Name> <Badge>{schemaLabel(pair.right.schema)}</Badge>
                <div className="muted small mono">
                  {pair.right.id} {pair.source !== 'case' && <Badge tone="warn">{pair.source.replace(/^list:/, '')}</Badge>}
                </div>
              </th>
            </tr>
          </thead>
          <tbody>
            {pair.fields.map((f) => (
              <tr key={f.property}>
                <th scope="row">{propertyLabel(f.property)}</th>
                <td>
                  <Values values={f.left} other={f.right} />
                </td>
                <td>
                  <Values values={f.right} other={f.left} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="panel">
        <summary className="panel__title">{t('intel.xref.explanation')}</summary>
        <ul className="intel-list">
          {pair.explanation.map((e, i) => (
            <li key={i}>
              <span className="mono">
                {e.score >= 0 ? '+' : ''}
                {e.score.toFixed(3)}
              </span>{' '}
              {e.detail}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
