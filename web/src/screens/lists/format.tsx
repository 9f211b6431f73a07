// Shared pieces of the watchlists screens: schema names, counts by schema, version labels and property names.
import { en } from '../../i18n/en';
import { formatNumber, t, type MessageKey } from '../../i18n';

const has = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(en, key);

/** The display name of an FtM schema (`Person` → "Person"); unknown schemata show as they are named. */
export const schemaLabel = (schema: string): string => {
  const key = `schema.${schema}`;
  return has(key) ? t(key) : schema;
};

/** The display name of an FtM property (`passportNumber` → "Passport number"); unknown ones are spelled out from camelCase. */
export const propertyLabel = (property: string): string => {
  const key = `prop.${property}`;
  if (has(key)) return t(key);
  const words = property.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Schemata of some counts, the most numerous first (ties by name), for stable columns and summaries. */
export const schemataOf = (counts: readonly Record<string, number>[]): string[] => {
  const totals = new Map<string, number>();
  for (const c of counts) for (const [schema, n] of Object.entries(c)) totals.set(schema, (totals.get(schema) ?? 0) + n);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([schema]) => schema);
};

/** "730 Person · 273 Organization" */
export const countsText = (counts: Record<string, number>): string =>
  schemataOf([counts])
    .map((schema) => t('lists.count-of', { count: formatNumber(counts[schema] ?? 0), schema: schemaLabel(schema) }))
    .join(' · ');

/** "730 Person; 273 Organization" for CSV cells (machine-friendly schema names). */
export const countsCsv = (counts: Record<string, number>): string =>
  schemataOf([counts])
    .map((schema) => `${counts[schema] ?? 0} ${schema}`)
    .join('; ');

export const versionLabel = (version: number): string => t('lists.version-n', { version });

/** Counts by schema as a compact list of tags, for table cells. */
export function Counts({ counts }: { counts: Record<string, number> }) {
  const schemata = schemataOf([counts]);
  if (!schemata.length) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className="tag-list">
      {schemata.map((schema) => (
        <span key={schema} className="tag" data-schema={schema}>
          {t('lists.count-of', { count: formatNumber(counts[schema] ?? 0), schema: schemaLabel(schema) })}
        </span>
      ))}
    </span>
  );
}
