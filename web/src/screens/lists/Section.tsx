// A titled part of a watchlists screen with a count; with nothing to show it says so in one line instead of an empty table.
import type { ReactNode } from 'react';
import { formatNumber } from '../../i18n';

interface SectionProps {
  id: string;
  title: string;
  count?: number | undefined;
  /** Shown instead of the children when `count` is 0. */
  empty?: string | undefined;
  children: ReactNode;
  /** Extra attributes for tests and styling, e.g. `{ 'data-diff': 'added' }`. */
  data?: Readonly<Record<`data-${string}`, string>>;
}

export function Section({ id, title, count, empty, children, data }: SectionProps) {
  const none = count === 0 && empty !== undefined;
  return (
    <section id={id} className={none ? 'page-section page-section--empty' : 'page-section'} aria-labelledby={`${id}-title`} {...data}>
      <h2 id={`${id}-title`} className="section-title">
        {title} {count !== undefined && <span className="count-pill">{formatNumber(count)}</span>}
      </h2>
      {none ? <p className="muted section-empty">{empty}</p> : children}
    </section>
  );
}
