// Paging of a long server-side result: which rows are shown out of how many, with previous and next pages.
import { formatNumber, t } from '../i18n';

interface PagerProps {
  /** Number of the first row shown, from 0. */
  offset: number;
  limit: number;
  /** Rows shown on this page. */
  shown: number;
  total: number;
  onPage: (offset: number) => void;
  busy?: boolean;
  label: string;
}

/** "51–100 of 730" */
export const rangeText = (offset: number, shown: number, total: number): string =>
  shown === 0
    ? t('pager.none', { total: formatNumber(total) })
    : t('pager.range', { first: formatNumber(offset + 1), last: formatNumber(offset + shown), total: formatNumber(total) });

export function Pager({ offset, limit, shown, total, onPage, busy, label }: PagerProps) {
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1 && offset === 0) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button--small" onClick={() => onPage(Math.max(0, offset - limit))} disabled={busy || offset === 0}>
        {t('pager.previous')}
      </button>
      <span className="pager__where">{t('pager.page', { page: formatNumber(page), pages: formatNumber(pages) })}</span>
      <button type="button" className="button button--small" onClick={() => onPage(offset + limit)} disabled={busy || offset + shown >= total}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
