// Human names of MRZ fields and registry statuses, through the message catalogue.
import { t, type MessageKey } from '../../i18n';
import { en } from '../../i18n/en';

/** `documentNumber` → "Document number"; a field the catalogue does not know keeps its name. */
export function fieldLabel(name: string): string {
  const key = `documents.field.${name}`;
  return key in en ? t(key as MessageKey) : name;
}

export function statusLabel(status: string): string {
  const key = `documents.status.${status}`;
  return key in en ? t(key as MessageKey) : status;
}
