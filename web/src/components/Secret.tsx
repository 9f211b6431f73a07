// A secret shown exactly once (generated password, API token), with a copy button and a warning to store it now.
import { useId, useState } from 'react';
import { t } from '../i18n';

export function SecretOnce({ label, value, warning }: { label: string; value: string; warning: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      setCopied('no');
    }
  };

  return (
    <div className="secret">
      <p className="callout callout--warning">{warning}</p>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="secret__row">
        <input id={id} className="input secret__value" readOnly value={value} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
        <button type="button" className="button button--primary" onClick={copy}>
          {t('action.copy')}
        </button>
      </div>
      <p className="field__hint" role="status" aria-live="polite">
        {copied === 'yes' ? t('secret.copied') : copied === 'no' ? t('secret.copy-failed') : ''}
      </p>
    </div>
  );
}
