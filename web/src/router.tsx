// A tiny router on the History API: the current location, navigation, links and query state kept in the URL.
import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const EVENT = 'vigil:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

let navigations = 0;
if (typeof window !== 'undefined') window.addEventListener('popstate', () => navigations++);
/** Whether the user has moved within the app since the page loaded (for focus management). */
export const hasNavigated = (): boolean => navigations > 0;

export interface Location {
  pathname: string;
  search: string;
  query: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const at = href.indexOf('?');
  const pathname = at < 0 ? href : href.slice(0, at);
  const search = at < 0 ? '' : href.slice(at);
  return { pathname, search, query: new URLSearchParams(search) };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  navigations++;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
}

/**
 * Reads and writes query parameters of the current URL (filters, tabs); empty values are removed.
 * Each change replaces the history entry unless `push` is set, so Back leaves the screen.
 */
export function useQueryState(): [URLSearchParams, (changes: Record<string, string | null | undefined>, push?: boolean) => void] {
  const { pathname, query } = useLocation();
  const set = useCallback(
    (changes: Record<string, string | null | undefined>, push = false) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      const qs = next.toString();
      navigate(pathname + (qs ? `?${qs}` : ''), { replace: !push });
    },
    [pathname],
  );
  return [query, set];
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that navigates without reloading; modified clicks (new tab, etc.) keep their browser meaning. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

/** Whether `pathname` is `base` or below it. */
export const isUnder = (pathname: string, base: string): boolean =>
  base === '/' ? pathname === '/' : pathname === base || pathname.startsWith(base.endsWith('/') ? base : `${base}/`);
