// Messages with React elements in their placeholders (a name in a sentence), so sentences stay whole for translators.
import { Fragment, type ReactNode } from 'react';
import { t, type MessageKey } from './index';

export function tr(key: MessageKey, params: Readonly<Record<string, ReactNode>>): ReactNode {
  const template = t(key);
  const parts = template.split(/(\{\w+\})/g);
  return parts.map((part, i) => {
    const m = /^\{(\w+)\}$/.exec(part);
    const name = m?.[1];
    return <Fragment key={i}>{name !== undefined && name in params ? params[name] : part}</Fragment>;
  });
}
