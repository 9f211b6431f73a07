// A long hash shown short: the full value on hover, in the copy (selecting copies it whole) and through a copy button.
import { useRef } from 'react';
import { t } from '../i18n';
import { useStatus } from './Status';

export function Digest({ value, label, chars = 12 }: { value: string; /** What the value is, for the copy button's name. */ label: string; chars?: number }) {
  const ref = useRef<HTMLElement>(null);
  const { announce } = useStatus();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      announce(t('digest.copied', { label }), 'info');
    } catch {
      // Without clipboard access, select the whole value so the keyboard shortcut copies it.
      const node = ref.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      announce(t('digest.copy-failed'), 'info');
    }
  };

  return (
    <span className="digest">
      <code ref={ref} className="digest__value" title={value} style={{ maxWidth: `${chars + 1}ch` }}>
        {value}
      </code>
      <button type="button" className="button button--ghost button--small digest__copy" onClick={copy} aria-label={t('digest.copy-label', { label })}>
        {t('action.copy')}
      </button>
    </span>
  );
}
