// Traffic Light Protocol markings: the fixed STIX ids of TLP 1.0 and of the OASIS TLP 2.0 extension, and their order.
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** The marking-definition id of the TLP 2.0 extension definition. */
export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/**
 * Fixed ids: TLP 1.0 (STIX 2.1 section 7.2.1.4) and TLP 2.0 (OASIS cti-stix-common-objects). WHITE is CLEAR. Without a
 * prototype, so that an id read from a bundle ("__proto__", "constructor") finds nothing.
 */
export const TLP_MARKINGS: Readonly<Record<string, { level: TlpLevel; version: '1.0' | '2.0'; name: string }>> = Object.assign(
  Object.create(null) as object,
  {
    'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': { level: 'clear', version: '1.0', name: 'TLP:WHITE' },
    'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': { level: 'green', version: '1.0', name: 'TLP:GREEN' },
    'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': { level: 'amber', version: '1.0', name: 'TLP:AMBER' },
    'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': { level: 'red', version: '1.0', name: 'TLP:RED' },
    'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': { level: 'clear', version: '2.0', name: 'TLP:CLEAR' },
    'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': { level: 'green', version: '2.0', name: 'TLP:GREEN' },
    'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': { level: 'amber', version: '2.0', name: 'TLP:AMBER' },
    'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': { level: 'amber+strict', version: '2.0', name: 'TLP:AMBER+STRICT' },
    'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': { level: 'red', version: '2.0', name: 'TLP:RED' },
  } as const,
);

export const tlpRank = (level: TlpLevel): number => TLP_LEVELS.indexOf(level);

/** Parses a level as people write it (`TLP:AMBER+STRICT`, `white`, `Red`); WHITE maps to CLEAR. */
export function parseTlpLevel(text: string): TlpLevel | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^tlp:/, '')
    .replace(/[\s_-]*\+[\s_-]*|[\s_-]+strict$/, '+')
    .replace(/\+$/, '+strict');
  if (t === 'white') return 'clear';
  return (TLP_LEVELS as readonly string[]).includes(t) ? (t as TlpLevel) : undefined;
}

/** The TLP level a marking-definition object itself declares (TLP 1.0 `definition.tlp` or the TLP 2.0 extension), if any. */
export function tlpOfMarkingDefinition(obj: Record<string, unknown>): TlpLevel | undefined {
  const fixed = typeof obj.id === 'string' ? TLP_MARKINGS[obj.id] : undefined;
  if (fixed) return fixed.level;
  if (obj.definition_type === 'tlp' && obj.definition && typeof obj.definition === 'object') {
    const v = (obj.definition as Record<string, unknown>).tlp;
    return typeof v === 'string' ? parseTlpLevel(v) : undefined;
  }
  const ext = obj.extensions && typeof obj.extensions === 'object' ? (obj.extensions as Record<string, unknown>)[TLP2_EXTENSION] : undefined;
  if (ext && typeof ext === 'object') {
    const v = (ext as Record<string, unknown>).tlp_2_0;
    return typeof v === 'string' ? parseTlpLevel(v) : undefined;
  }
  return undefined;
}

/** Every marking id an object refers to, at object level and in granular markings. */
export function markingRefsOf(obj: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (Array.isArray(obj.object_marking_refs)) for (const r of obj.object_marking_refs) if (typeof r === 'string') out.push(r);
  if (Array.isArray(obj.granular_markings))
    for (const g of obj.granular_markings) {
      const ref = g && typeof g === 'object' ? (g as Record<string, unknown>).marking_ref : undefined;
      if (typeof ref === 'string') out.push(ref);
    }
  return out;
}

/**
 * The highest TLP level among an object's markings; `known` resolves non-fixed marking ids (definitions in the same bundle or store).
 * An object without any TLP marking is CLEAR: putting it in a shared collection is the act of sharing it.
 */
export function objectTlp(obj: Record<string, unknown>, known: (id: string) => TlpLevel | undefined = () => undefined): TlpLevel {
  let rank = 0;
  for (const ref of markingRefsOf(obj)) {
    const level = TLP_MARKINGS[ref]?.level ?? known(ref);
    if (level) rank = Math.max(rank, tlpRank(level));
  }
  return TLP_LEVELS[rank]!;
}
