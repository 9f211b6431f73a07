// An FtM entity's properties as a two-column list: property label, values (names isolated for right-to-left scripts).
import { ScriptName } from '../../components/ScriptName';
import { propertyLabel } from '../lists/format';

export function PropertiesTable({ properties }: { properties: Record<string, string[]> }) {
  const keys = Object.keys(properties).sort();
  return (
    <dl className="facts intel-facts">
      {keys.map((k) => (
        <div key={k}>
          <dt>{propertyLabel(k)}</dt>
          <dd>
            {properties[k]!.map((v, i) => (
              <span key={`${v}-${i}`} className="intel-value">
                <ScriptName>{v}</ScriptName>
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
