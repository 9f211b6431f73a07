// The MRZ box: typed, pasted or sent by a keyboard-wedge scanner (each line then Enter); a complete MRZ is checked at once.
import { useEffect, useId, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { t } from '../../i18n';
import { completeMrz } from './api';

interface Props {
  value: string;
  onChange: (text: string) => void;
  onSubmit: (text: string) => void;
  busy: boolean;
  /** Changes after each answer: the box is focused and its text selected, so the next scan replaces it. */
  answered: number;
}

export function MrzInput({ value, onChange, onSubmit, busy, answered }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.focus();
    if (answered > 0) box.select();
  }, [answered]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey) return;
    const box = e.currentTarget;
    // The scanner's Enter after the last line, or Ctrl+Enter: check now instead of starting a new line.
    const before = box.value.slice(0, box.selectionStart) + box.value.slice(box.selectionEnd);
    if (e.ctrlKey || e.metaKey || (box.selectionEnd === box.value.length && completeMrz(before))) {
      e.preventDefault();
      if (before.trim()) onSubmit(before);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const box = e.currentTarget;
    const pasted = e.clipboardData.getData('text');
    const next = box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd);
    if (completeMrz(next)) {
      e.preventDefault();
      onChange(next.trim());
      onSubmit(next);
    }
  };

  return (
    <div className="field mrz-input">
      <label htmlFor={`${hintId}-box`} className="field__label">
        {t('documents.check.mrz-label')}
      </label>
      <textarea
        ref={ref}
        id={`${hintId}-box`}
        className="input mrz-input__box"
        rows={3}
        spellCheck={false}
        autoCapitalize="characters"
        autoComplete="off"
        autoCorrect="off"
        aria-describedby={hintId}
        aria-busy={busy || undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      <p id={hintId} className="field__hint">
        {t('documents.check.mrz-hint')}
      </p>
    </div>
  );
}
