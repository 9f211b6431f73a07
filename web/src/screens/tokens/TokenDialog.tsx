// The form to create an API token: its name, whose it is, the permissions it may use and when it expires.
import { useMemo, useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, messageOf } from '../../api/problem';
import type { Me, NewToken, Permission, Role, User } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { CheckboxGroup, Field } from '../../components/Field';
import { t } from '../../i18n';

interface Props {
  me: Me;
  /** Users a token may be made for; null when only the user's own. */
  users: readonly User[] | null;
  defaultUserId: string;
  permissions: readonly Permission[] | null;
  roles: readonly Role[] | null;
  onClose: () => void;
  onCreated: (token: NewToken) => void;
}

/** The end of a calendar day in the user's zone, as an ISO instant. */
const endOfDay = (date: string): string => new Date(`${date}T23:59:59`).toISOString();
const isoDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function TokenDialog({ me, users, defaultUserId, permissions, roles, onClose, onCreated }: Props) {
  const [name, setName] = useState('');
  const [userId, setUserId] = useState(users?.some((u) => u.id === defaultUserId) ? defaultUserId : me.id);
  const [scopes, setScopes] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string>();

  // A token can carry only permissions its user holds: for others, as granted by their roles when those are known.
  const held = useMemo(() => {
    if (userId === me.id) return new Set(me.permissions);
    const user = users?.find((u) => u.id === userId);
    if (!user || !roles) return null;
    return new Set(roles.filter((r) => user.roles.includes(r.name)).flatMap((r) => r.permissions));
  }, [userId, me, users, roles]);

  const options = useMemo(() => {
    const described = new Map((permissions ?? []).map((p) => [p.name, p.description]));
    const names = held ? [...held] : (permissions ?? []).map((p) => p.name);
    return names.sort().map((n) => ({ value: n, label: <code>{n}</code>, description: described.get(n) }));
  }, [held, permissions]);

  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  const fieldError = (field: string) => (error instanceof ApiError ? error.reasonFor(field) : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(name.trim() ? undefined : t('validation.required'));
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const token = await call(
        api.POST('/api/tokens', {
          body: {
            name: name.trim(),
            ...(userId !== me.id ? { userId } : {}),
            ...(scopes.length ? { scopes: scopes.filter((s) => !held || held.has(s)) } : {}),
            ...(expires ? { expiresAt: endOfDay(expires) } : {}),
          },
        }),
      );
      onCreated(token);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      wide
      title={t('tokens.create-title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('action.cancel')}
          </button>
          <button type="submit" form="token-form" className="button button--primary" disabled={busy}>
            {t('tokens.create-submit')}
          </button>
        </>
      }
    >
      <form id="token-form" className="form form--grid" onSubmit={submit} noValidate>
        {error !== null && (
          <p className="form-error" role="alert">
            {messageOf(error)}
          </p>
        )}
        <Field label={t('tokens.col.name')} hint={t('tokens.name-hint')} error={missing ?? fieldError('name')} required>
          <input className="input" dir="auto" value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="off" name="name" />
        </Field>
        {users && (
          <Field label={t('tokens.col.user')} error={fieldError('userId')}>
            <select
              className="input"
              value={userId}
              onChange={(e) => {
                setUserId(e.currentTarget.value);
                setScopes([]);
              }}
              name="userId"
            >
              {users
                .filter((u) => !u.disabled)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.username}
                  </option>
                ))}
            </select>
          </Field>
        )}
        <Field label={t('tokens.col.expires')} hint={t('tokens.expires-hint')} error={fieldError('expiresAt')}>
          <input
            className="input input--date"
            type="date"
            min={isoDay(tomorrow)}
            value={expires}
            onChange={(e) => setExpires(e.currentTarget.value)}
            name="expiresAt"
          />
        </Field>
        <div className="form__full">
          <CheckboxGroup
            legend={t('tokens.col.scopes')}
            hint={t('tokens.scopes-hint')}
            options={options}
            value={scopes}
            onChange={setScopes}
            error={fieldError('scopes')}
            columns
          />
        </div>
      </form>
    </Dialog>
  );
}
