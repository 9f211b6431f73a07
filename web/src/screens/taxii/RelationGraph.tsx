// A small graph of an object's relationships in SVG: the object in the middle, the other ends around it, arrows by direction.
import { t } from '../../i18n';
import { navigate } from '../../router';
import { objectPath, type Relationship } from './api';

const W = 640;
const MAX_NODES = 24;

/** Colour per STIX type family, so attack patterns, indicators and actors are told apart at a glance. */
const TYPE_COLOURS: Readonly<Record<string, string>> = {
  'attack-pattern': '#b45309',
  indicator: '#1d4ed8',
  malware: '#b91c1c',
  tool: '#7c3aed',
  campaign: '#0f766e',
  'intrusion-set': '#be185d',
  'threat-actor': '#9f1239',
  identity: '#475569',
  'course-of-action': '#15803d',
  infrastructure: '#a16207',
  vulnerability: '#c2410c',
};
export const typeColour = (type: string) => TYPE_COLOURS[type] ?? '#4b5563';

const short = (s: string, n = 26) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function RelationGraph({
  centre,
  relationships,
}: {
  centre: { id: string; type: string; name: string | null };
  relationships: readonly Relationship[];
}) {
  const shown = relationships.slice(0, MAX_NODES);
  const n = shown.length;
  // Few neighbours sit left and right of the object; more go round it on an ellipse, none straight above or below it.
  const H = n <= 2 ? 170 : n <= 6 ? 300 : 380;
  const cx = W / 2;
  const cy = H / 2;
  const rx = W / 2 - 120;
  const ry = H / 2 - 42;
  const nodes = shown.map((r, i) => {
    const a = n <= 2 ? Math.PI * i : (2 * Math.PI * i) / n - Math.PI / 2 + Math.PI / n;
    return { r, x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) };
  });
  return (
    <figure className="taxii-graph">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('taxii.graph.label', { count: relationships.length })}>
        <defs>
          <marker id="taxii-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7280" />
          </marker>
        </defs>
        {nodes.map(({ r, x, y }) => {
          // Shorten the line so the arrow head stops at the node's edge.
          const dx = x - cx;
          const dy = y - cy;
          const len = Math.hypot(dx, dy) || 1;
          const [x1, y1, x2, y2] =
            r.direction === 'out'
              ? [cx + (dx / len) * 30, cy + (dy / len) * 30, x - (dx / len) * 12, y - (dy / len) * 12]
              : [x - (dx / len) * 12, y - (dy / len) * 12, cx + (dx / len) * 30, cy + (dy / len) * 30];
          return (
            <g key={r.id}>
              <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="#9ca3af" strokeWidth="1.5" markerEnd="url(#taxii-arrow)" />
              <text x={(cx + x) / 2} y={(cy + y) / 2 - 4} className="taxii-graph__edge" textAnchor="middle">
                {r.relationshipType}
              </text>
            </g>
          );
        })}
        <circle cx={cx} cy={cy} r="30" fill={typeColour(centre.type)} />
        <text x={cx} y={cy + 46} textAnchor="middle" className="taxii-graph__centre">
          {short(centre.name ?? centre.id, 34)}
        </text>
        {nodes.map(({ r, x, y }) => (
          <g key={r.id} className="taxii-graph__node" onClick={() => navigate(objectPath(r.other.id))}>
            <title>{`${r.other.type}: ${r.other.name ?? r.other.id}`}</title>
            <circle cx={x} cy={y} r="11" fill={typeColour(r.other.type)} opacity={r.other.known ? 1 : 0.4} />
            <text x={x} y={y < cy - 1 ? y - 17 : y + 25} textAnchor="middle" className="taxii-graph__label">
              {short(r.other.name ?? r.other.id, n > 6 ? 20 : 26)}
            </text>
          </g>
        ))}
      </svg>
      {relationships.length > MAX_NODES ? <figcaption>{t('taxii.graph.more', { shown: MAX_NODES, count: relationships.length })}</figcaption> : null}
    </figure>
  );
}
