// The raw interchange, one segment a line with its number, the segments a finding or the error points at marked.
import { useMemo } from 'react';
import { formatNumber, t } from '../../i18n';
import { segmentAt, splitSegments, type RawSegment } from './edifact';
import type { Finding } from './api';

export interface Located {
  finding: Finding;
  kind: 'finding' | 'error';
  /** The displayed segment it points at, if any. */
  line: RawSegment | undefined;
}

/** Where each finding is in the displayed segments: by character offset, else by segment number. */
export function locate(segments: readonly RawSegment[], items: ReadonlyArray<{ finding: Finding; kind: Located['kind'] }>): Located[] {
  return items.map(({ finding, kind }) => ({
    finding,
    kind,
    line: finding.offset !== null ? segmentAt(segments, finding.offset) : finding.segment !== null ? segments.find((s) => s.no === finding.segment) : undefined,
  }));
}

export const lineId = (index: number) => `segment-${index}`;

export function RawEdifact({ raw, located }: { raw: string; located: readonly Located[] }) {
  const { segments, truncated } = useMemo(() => splitSegments(raw), [raw]);
  const marks = useMemo(() => {
    const m = new Map<number, Located['kind']>();
    for (const l of located) if (l.line && m.get(l.line.index) !== 'error') m.set(l.line.index, l.kind);
    return m;
  }, [located]);
  return (
    <div className="edifact" role="region" aria-label={t('travel.message.raw')} tabIndex={0}>
      <ol className="edifact__lines">
        {segments.map((s) => {
          const mark = marks.get(s.index);
          return (
            <li key={s.index} id={lineId(s.index)} className={`edifact__line${mark ? ` edifact__line--${mark}` : ''}`} data-offset={s.start}>
              <span className="edifact__no" aria-hidden="true">
                {s.no === null ? '' : s.no + 1}
              </span>
              <code className="edifact__text">
                <span className="edifact__tag">{s.text.slice(0, 3)}</span>
                {s.text.slice(3).replace(/\r?\n/g, '↵')}
              </code>
            </li>
          );
        })}
      </ol>
      {truncated && <p className="callout callout--info">{t('travel.message.truncated', { shown: formatNumber(segments.length) })}</p>}
    </div>
  );
}
