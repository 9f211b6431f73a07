// Keyboard shortcuts of the review screen: single keys, ignored while typing in a field, with a modifier, or in a dialog.
import { useEffect, useRef } from 'react';

export const SHORTCUTS = [
  { keys: ['c'], action: 'confirmed' },
  { keys: ['f'], action: 'false-positive' },
  { keys: ['u'], action: 'unsure' },
  { keys: ['j', 'n'], action: 'next' },
  { keys: ['k', 'p'], action: 'previous' },
  { keys: ['b'], action: 'bulk' },
  { keys: ['q'], action: 'queue' },
  { keys: ['?'], action: 'help' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !['radio', 'checkbox', 'button', 'submit'].includes((target as HTMLInputElement).type);
}

/** Calls `onAction` for a shortcut key pressed anywhere on the page (not in text fields, nor while a modal dialog is open). */
export function useShortcuts(onAction: (a: ShortcutAction) => void, enabled = true): void {
  const ref = useRef(onAction);
  ref.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const handler = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const s = SHORTCUTS.find((x) => (x.keys as readonly string[]).includes(e.key));
      if (!s) return;
      e.preventDefault();
      ref.current(s.action);
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, [enabled]);
}
