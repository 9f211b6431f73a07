// The form to add an organisation or rename one and change its country.
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, messageOf } from '../../api/problem';
import type { Org } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { t } from '../../i18n';

export function OrgDialog({ org, onClose, onSaved }: { org?: Org | undefined; onClose: () => void; onSaved: (org: Org) => void }) {
  const [name, setName] = useState(org?.name ?? '');
  const [kind, setKind] = useState<'agency' | 'partner'>(org?.kind ?? 'agency');
  const [country, setCountry] = useState(org?.country ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string>();

  const fieldError = (field: string) => (error instanceof ApiError ? error.reasonFor(field) : undefined);
  const countryValue = country.trim().toLowerCase();
  const countryInvalid = countryValue !== '' && !/^[a-z]{2}$/.test(countryValue);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(name.trim() ? undefined : t('validation.required'));
    if (!name.trim() || countryInvalid) return;
    setBusy(true);
    setError(null);
    try {
      const saved = org
        ? await call(
            api.PATCH('/api/admin/orgs/{id}', {
              params: { path: { id: org.id } },
              body: {
                ...(name.trim() !== org.name ? { name: name.trim() } : {}),
                ...(countryValue !== (org.country ?? '') ? { country: countryValue || null } : {}),
              },
            }),
          )
        : await call(api.POST('/api/admin/orgs', { body: { name: name.trim(), kind, ...(countryValue ? { country: countryValue } : {}) } }));
      onSaved(saved);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title={org ? t('orgs.edit-title') : t('orgs.add-title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('action.cancel')}
          </button>
          <button type="submit" form="org-form" className="button button--primary" disabled={busy}>
            {org ? t('action.save') : t('orgs.add-submit')}
          </button>
        </>
      }
    >
      <form id="org-form" className="form" onSubmit={submit} noValidate>
        {error !== null && (
          <p className="form-error" role="alert">
            {messageOf(error)}
          </p>
        )}
        <Field label={t('orgs.col.name')} error={missing ?? fieldError('name')} required>
          <input className="input" dir="auto" value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="off" name="name" />
        </Field>
        {!org && (
          <Field label={t('orgs.col.kind')} error={fieldError('kind')}>
            <select className="input" value={kind} onChange={(e) => setKind(e.currentTarget.value === 'partner' ? 'partner' : 'agency')} name="kind">
              <option value="agency">{t('orgs.kind.agency')}</option>
              <option value="partner">{t('orgs.kind.partner')}</option>
            </select>
          </Field>
        )}
        <Field label={t('orgs.col.country')} hint={t('orgs.country-hint')} error={countryInvalid ? t('orgs.country-invalid') : fieldError('country')}>
          <input
            className="input input--short"
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
            maxLength={2}
            autoComplete="off"
            spellCheck={false}
            name="country"
          />
        </Field>
      </form>
    </Dialog>
  );
}
