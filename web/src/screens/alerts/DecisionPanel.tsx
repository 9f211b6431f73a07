// Deciding an alert: confirmed (four eyes), false positive or unsure, with a reason code and a note; final alerts say who decided.
import { forwardRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { Field } from '../../components/Field';
import { ErrorNote } from '../../components/Text';
import { t, type MessageKey } from '../../i18n';
import { DECISIONS, REASONS, type AlertDetail, type Decision } from './api';

export interface Choice {
  decision: Decision | null;
  reason: string;
  note: string;
}

export const firstReason = (d: Decision): string => REASONS[d][0] ?? '';

/** Which confirmation the signed-in person can give: start one, complete one (second person), or none. */
export function confirmRole(alert: AlertDetail, me: string, canConfirm: boolean): 'start' | 'complete' | 'own-pending' | 'cannot-complete' {
  if (alert.status !== 'pending-confirmation') return 'start';
  if (alert.pendingBy === me) return 'own-pending';
  return canConfirm ? 'complete' : 'cannot-complete';
}

interface Props {
  alert: AlertDetail;
  me: string;
  canConfirm: boolean;
  choice: Choice;
  onChoice: (c: Choice) => void;
  onSubmit: (c: Choice & { decision: Decision }) => Promise<void>;
}

export const DecisionPanel = forwardRef<HTMLButtonElement, Props>(function DecisionPanel({ alert, me, canConfirm, choice, onChoice, onSubmit }, submitRef) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const role = confirmRole(alert, me, canConfirm);
  const pendingName = alert.pendingByName ?? t('review.someone');
  const allowed = (d: Decision) => d !== 'confirmed' || role === 'start' || role === 'complete';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice.decision || !allowed(choice.decision)) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit({ ...choice, decision: choice.decision });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel decide" onSubmit={submit} aria-labelledby="decide-title" noValidate>
      <h2 id="decide-title" className="panel__title">
        {t('review.decide')}
      </h2>
      {role === 'own-pending' && <p className="callout callout--info four-eyes">{t('review.four-eyes.own')}</p>}
      {role === 'complete' && <p className="callout callout--warning four-eyes">{t('review.four-eyes.complete', { name: pendingName })}</p>}
      {role === 'cannot-complete' && <p className="callout callout--info four-eyes">{t('review.four-eyes.cannot', { name: pendingName })}</p>}
      {alert.status === 'escalated' && <p className="callout callout--warning">{t('review.escalated')}</p>}
      <fieldset className="fieldset decide__choices">
        <legend className="visually-hidden">{t('review.decision')}</legend>
        {DECISIONS.map((d) => (
          <label key={d} className={`choice choice--${d}${allowed(d) ? '' : ' choice--disabled'}`}>
            <input
              type="radio"
              name="decision"
              value={d}
              checked={choice.decision === d}
              disabled={!allowed(d)}
              onChange={() => onChoice({ ...choice, decision: d, reason: REASONS[d].includes(choice.reason) ? choice.reason : firstReason(d) })}
            />
            <span className="choice__label">{d === 'confirmed' && role === 'complete' ? t('review.decision.complete') : t(`review.decision.${d}`)}</span>
            <kbd className="choice__key" aria-hidden="true">
              {t(`review.key.${d}`)}
            </kbd>
          </label>
        ))}
      </fieldset>
      <Field label={t('review.reason')} error={error instanceof ApiError ? error.reasonFor('reason') : undefined}>
        <select className="input" value={choice.reason} disabled={!choice.decision} onChange={(e) => onChoice({ ...choice, reason: e.currentTarget.value })}>
          {!choice.decision && <option value="">{t('review.reason-first')}</option>}
          {choice.decision &&
            REASONS[choice.decision].map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}` as MessageKey)}
              </option>
            ))}
        </select>
      </Field>
      <Field label={t('review.note')} hint={t('review.note-hint')} error={error instanceof ApiError ? error.reasonFor('note') : undefined}>
        <textarea className="input" rows={3} maxLength={2000} value={choice.note} onChange={(e) => onChoice({ ...choice, note: e.currentTarget.value })} />
      </Field>
      {error !== undefined && <ErrorNote error={error} />}
      <button ref={submitRef} type="submit" className="button button--primary button--block" disabled={busy || !choice.decision || !allowed(choice.decision)}>
        {busy ? t('review.recording') : t('review.record')}
      </button>
    </form>
  );
});
