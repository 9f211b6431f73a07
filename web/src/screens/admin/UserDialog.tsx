// The form to add a user or change one: display name, organisation, kind, roles, and an optional first password.
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, messageOf } from '../../api/problem';
import type { Org, Role, User } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { CheckboxGroup, Field } from '../../components/Field';
import { t } from '../../i18n';

interface Props {
  /** The user to change; a new user when absent. */
  user?: User | undefined;
  orgs: readonly Org[];
  roles: readonly Role[];
  defaultOrgId: string;
  onClose: () => void;
  onSaved: (user: User, initialPassword?: string) => void;
}

export function UserDialog({ user, orgs, roles, defaultOrgId, onClose, onSaved }: Props) {
  const editing = !!user;
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [orgId, setOrgId] = useState(user?.orgId ?? (orgs.some((o) => o.id === defaultOrgId) ? defaultOrgId : (orgs[0]?.id ?? '')));
  const [kind, setKind] = useState<'person' | 'machine'>(user?.kind ?? 'person');
  const [chosenRoles, setChosenRoles] = useState<string[]>(user?.roles ?? []);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});

  const fieldError = (field: string) => missing[field] ?? (error instanceof ApiError ? error.reasonFor(field) : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const required: Record<string, string> = {};
    if (!editing && !username.trim()) required.username = t('validation.required');
    if (!displayName.trim()) required.displayName = t('validation.required');
    setMissing(required);
    if (Object.keys(required).length) return;
    setBusy(true);
    setError(null);
    try {
      if (user) {
        const body: { displayName?: string; roles?: string[]; orgId?: string } = {};
        if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
        if (orgId && orgId !== user.orgId) body.orgId = orgId;
        if ([...chosenRoles].sort().join() !== [...user.roles].sort().join()) body.roles = chosenRoles;
        const saved = Object.keys(body).length ? await call(api.PATCH('/api/admin/users/{id}', { params: { path: { id: user.id } }, body })) : user;
        onSaved(saved);
      } else {
        const r = await call(
          api.POST('/api/admin/users', {
            body: {
              username: username.trim(),
              displayName: displayName.trim(),
              kind,
              roles: chosenRoles,
              ...(orgId ? { orgId } : {}),
              ...(password ? { password } : {}),
            },
          }),
        );
        onSaved(r.user, r.initialPassword);
      }
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const general = error === null ? null : messageOf(error);
  const formId = editing ? 'user-edit-form' : 'user-add-form';

  return (
    <Dialog
      open
      wide
      title={editing ? t('users.edit-title', { username: user.username }) : t('users.add-title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('action.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy}>
            {editing ? t('action.save') : t('users.add-submit')}
          </button>
        </>
      }
    >
      <form id={formId} className="form form--grid" onSubmit={submit} noValidate>
        {general && (
          <p className="form-error" role="alert">
            {general}
          </p>
        )}
        {!editing && (
          <Field label={t('users.col.username')} hint={t('users.username-hint')} error={fieldError('username')} required>
            <input
              className="input"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              name="username"
            />
          </Field>
        )}
        <Field label={t('users.col.display-name')} error={fieldError('displayName')} required>
          <input
            className="input"
            dir="auto"
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            autoComplete="off"
            name="displayName"
          />
        </Field>
        {orgs.length > 0 && (
          <Field label={t('users.col.org')} error={fieldError('orgId')}>
            <select className="input" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)} name="orgId">
              {orgs
                .filter((o) => !o.disabled || o.id === orgId)
                .map((o) => (
                  <option key={o.id} value={o.id} dir="auto">
                    {o.name}
                  </option>
                ))}
            </select>
          </Field>
        )}
        {!editing && (
          <Field label={t('users.col.kind')} hint={t('users.kind-hint')} error={fieldError('kind')}>
            <select className="input" value={kind} onChange={(e) => setKind(e.currentTarget.value === 'machine' ? 'machine' : 'person')} name="kind">
              <option value="person">{t('kind.person')}</option>
              <option value="machine">{t('kind.machine')}</option>
            </select>
          </Field>
        )}
        {!editing && (
          <Field label={t('users.password')} hint={t('users.password-hint')} error={fieldError('password')}>
            <input
              className="input"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="new-password"
              name="password"
            />
          </Field>
        )}
        <div className="form__full">
          <CheckboxGroup
            legend={t('users.col.roles')}
            options={roles.map((r) => ({ value: r.name, label: r.name, description: r.description }))}
            value={chosenRoles}
            onChange={setChosenRoles}
            error={fieldError('roles')}
            columns
          />
        </div>
      </form>
    </Dialog>
  );
}
