// Small presentational pieces: names that may be in any script, instants, badges, loading and error notes.
import type { ReactNode } from 'react';
import { formatInstant, t } from '../i18n';
import { messageOf } from '../api/problem';

/** A person's or organisation's name; dir="auto" lets right-to-left scripts display correctly. */
export const Name = ({ children }: { children: string | null | undefined }) => <bdi dir="auto">{children ?? ''}</bdi>;

/** An instant in the user's zone, with the exact UTC value in a machine-readable <time>. */
export const Instant = ({ value, empty }: { value: string | null | undefined; empty?: string }) =>
  value ? (
    <time dateTime={value} title={value}>
      {formatInstant(value)}
    </time>
  ) : (
    <span className="muted">{empty ?? t('common.never')}</span>
  );

export const Badge = ({ tone = 'neutral', children }: { tone?: 'neutral' | 'good' | 'bad' | 'warn' | 'info'; children: ReactNode }) => (
  <span className={`badge badge--${tone}`}>{children}</span>
);

export const Loading = ({ label }: { label?: string }) => (
  <p className="loading" role="status">
    {label ?? t('common.loading')}
  </p>
);

export const ErrorNote = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => (
  <div className="callout callout--error" role="alert">
    <span>{messageOf(error)}</span>
    {onRetry && (
      <button type="button" className="button button--small" onClick={onRetry}>
        {t('action.retry')}
      </button>
    )}
  </div>
);

/** The visually hidden text screen readers still read. */
export const VisuallyHidden = ({ children }: { children: ReactNode }) => <span className="visually-hidden">{children}</span>;
