// Relationship types the STIX 2.1 specification defines between pairs of object types (section 4 "Relationships" of each SDO).
type Table = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

const SCO_TARGETS = ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url'];

const TABLE: Table = {
  'attack-pattern': { delivers: ['malware'], targets: ['identity', 'location', 'vulnerability'], uses: ['malware', 'tool'] },
  campaign: {
    'attributed-to': ['intrusion-set', 'threat-actor'],
    compromises: ['infrastructure'],
    'originates-from': ['location'],
    targets: ['identity', 'location', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
  'course-of-action': {
    investigates: ['indicator'],
    mitigates: ['attack-pattern', 'indicator', 'malware', 'tool', 'vulnerability'],
    remediates: ['malware', 'vulnerability'],
  },
  identity: { 'located-at': ['location'] },
  indicator: {
    indicates: ['attack-pattern', 'campaign', 'infrastructure', 'intrusion-set', 'malware', 'threat-actor', 'tool'],
    'based-on': ['observed-data'],
  },
  infrastructure: {
    'communicates-with': ['infrastructure', ...SCO_TARGETS],
    'consists-of': ['infrastructure', 'observed-data', '*sco'],
    controls: ['infrastructure', 'malware'],
    delivers: ['malware'],
    has: ['vulnerability'],
    hosts: ['tool', 'malware'],
    'located-at': ['location'],
    uses: ['infrastructure'],
  },
  'intrusion-set': {
    'attributed-to': ['threat-actor'],
    compromises: ['infrastructure'],
    hosts: ['infrastructure'],
    owns: ['infrastructure'],
    'originates-from': ['location'],
    targets: ['identity', 'location', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
  malware: {
    'authored-by': ['threat-actor', 'intrusion-set'],
    'beacons-to': ['infrastructure'],
    'exfiltrates-to': ['infrastructure'],
    'communicates-with': SCO_TARGETS,
    controls: ['malware'],
    downloads: ['malware', 'tool', 'file'],
    drops: ['malware', 'tool', 'file'],
    exploits: ['vulnerability'],
    'originates-from': ['location'],
    targets: ['identity', 'infrastructure', 'location', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
    'variant-of': ['malware'],
  },
  'malware-analysis': { characterizes: ['malware'], 'analysis-of': ['malware'], 'static-analysis-of': ['malware'], 'dynamic-analysis-of': ['malware'] },
  'threat-actor': {
    'attributed-to': ['identity'],
    compromises: ['infrastructure'],
    hosts: ['infrastructure'],
    owns: ['infrastructure'],
    impersonates: ['identity'],
    'located-at': ['location'],
    targets: ['identity', 'location', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
  tool: {
    delivers: ['malware'],
    drops: ['malware'],
    has: ['vulnerability'],
    targets: ['identity', 'infrastructure', 'location', 'vulnerability'],
    uses: ['infrastructure'],
  },
};

/** Allowed between any two objects (derived-from and duplicate-of between objects of one type). */
const COMMON = new Set(['related-to', 'derived-from', 'duplicate-of']);
/** Types a relationship may never point from or to. */
export const NOT_RELATABLE = new Set(['relationship', 'sighting', 'bundle', 'marking-definition', 'language-content', 'extension-definition']);

export type RelationshipVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether `type` is one the specification defines for this pair. Pairs involving a type the table does not describe
 * (custom `x-` types, SCOs as sources, report, note …) are not judged. Unknown types for a described pair are a warning:
 * STIX allows custom relationship types, but producers SHOULD use the defined ones.
 */
export function checkRelationshipType(sourceType: string, relationshipType: string, targetType: string, isSco: (t: string) => boolean): RelationshipVerdict {
  if (COMMON.has(relationshipType)) {
    if (relationshipType !== 'related-to' && sourceType !== targetType) return { ok: false, reason: `${relationshipType} links objects of the same type` };
    return { ok: true };
  }
  const row = TABLE[sourceType];
  if (!row) return { ok: true };
  const targets = row[relationshipType];
  if (!targets) return { ok: false, reason: `${sourceType} ${relationshipType} is not a relationship STIX 2.1 defines for ${sourceType}` };
  if (targets.includes(targetType) || (targets.includes('*sco') && isSco(targetType))) return { ok: true };
  if (!TABLE[targetType] && !isSco(targetType) && !KNOWN_SDOS.has(targetType)) return { ok: true };
  return {
    ok: false,
    reason: `STIX 2.1 defines ${sourceType} ${relationshipType} only towards ${targets.map((t) => (t === '*sco' ? 'observables' : t)).join(', ')}`,
  };
}

const KNOWN_SDOS = new Set([
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
]);
