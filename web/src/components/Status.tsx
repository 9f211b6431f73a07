// Status messages: one polite live region screen readers hear, shown as a dismissible banner above the screen.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { t } from '../i18n';
import { useLocation } from '../router';

type Tone = 'success' | 'info' | 'error';
interface Message {
  id: number;
  text: string;
  tone: Tone;
}

interface StatusApi {
  announce(text: string, tone?: Tone): void;
}

const StatusContext = createContext<StatusApi>({ announce: () => undefined });
const CurrentContext = createContext<{ message: Message | null; dismiss: () => void }>({ message: null, dismiss: () => undefined });

let nextId = 1;

export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Message | null>(null);
  const announce = useCallback((text: string, tone: Tone = 'success') => setMessage({ id: nextId++, text, tone }), []);
  const dismiss = useCallback(() => setMessage(null), []);
  const api = useMemo(() => ({ announce }), [announce]);
  const current = useMemo(() => ({ message, dismiss }), [message, dismiss]);
  return (
    <StatusContext.Provider value={api}>
      <CurrentContext.Provider value={current}>{children}</CurrentContext.Provider>
    </StatusContext.Provider>
  );
}

export const useStatus = (): StatusApi => useContext(StatusContext);

/** The live region; rendered once by the shell. A message belongs to its screen: it goes when the path changes. */
export function StatusBar() {
  const { message, dismiss } = useContext(CurrentContext);
  const { pathname } = useLocation();
  useEffect(() => dismiss(), [pathname, dismiss]);
  return (
    <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
      {message && (
        <div key={message.id} className={`status status--${message.tone}`}>
          <span>{message.text}</span>
          <button type="button" className="button button--ghost button--small" onClick={dismiss}>
            {t('action.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
