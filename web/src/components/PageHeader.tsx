// The heading of a screen; focus moves to it after navigation so screen readers announce the new screen.
import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated, useLocation } from '../router';

export function PageHeader({
  title,
  description,
  actions,
  isName,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  /** The title is a name in any script (a listed person): shown isolated with dir="auto". */
  isName?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${title} · Vigil`;
  }, [title]);
  // The tool is the first path segment: moving between tools moves focus here, switching tabs does not.
  const tool = pathname.split('/')[1] ?? '';
  useEffect(() => {
    // Only after a navigation inside the app; on first load the skip link comes first.
    if (hasNavigated()) ref.current?.focus();
  }, [tool]);
  return (
    <div className="page-header">
      <div>
        <h1 ref={ref} tabIndex={-1} className="page-header__title">
          {isName ? <bdi dir="auto">{title}</bdi> : title}
        </h1>
        {description && <p className="page-header__description">{description}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
