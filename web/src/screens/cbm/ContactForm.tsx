// Adding or changing a point of contact: every field of the directory, the server's reasons under each field, and the version history.
import { useEffect, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ErrorNote, Instant, Loading, Name } from '../../components/Text';
import { t, type MessageKey } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { fetchContact, saveContact, withdrawContact, type Alternate, type CbmMe, type Channel, type Contact, type ContactInput } from './api';
import { namesFields, reasonAt } from './form-errors';

const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
const CHANNEL_TYPES = ['phone', 'email', 'secure-line', 'fax', 'messenger'] as const;

const blank = (me: CbmMe): ContactInput => ({
  state: me.state ?? '',
  kind: 'technical',
  organisation: '',
  role: null,
  name: '',
  email: '',
  phone: null,
  channels: [],
  alternates: [],
  languages: [],
  timeZone: null,
  pgpKey: null,
});

const inputOf = (c: Contact): ContactInput => ({
  state: c.state,
  kind: c.kind,
  organisation: c.organisation,
  role: c.role,
  name: c.name,
  email: c.email,
  phone: c.phone,
  channels: c.channels,
  alternates: c.alternates,
  languages: c.languages,
  timeZone: c.timeZone,
  pgpKey: c.pgpKey,
});
const orNull = (s: string) => (s.trim() === '' ? null : s);
export const fieldLabel = (f: string) => t(`cbm.field.${f}` as MessageKey);

function History({ id }: { id: string }) {
  const c = useResource(() => fetchContact(id), [id]);
  if (c.error) return <ErrorNote error={c.error} onRetry={c.reload} />;
  if (!c.data) return <Loading />;
  return (
    <section aria-labelledby="cbm-history">
      <h3 id="cbm-history">{t('cbm.contact.history')}</h3>
      <table className="cbm-table">
        <thead>
          <tr>
            <th scope="col">{t('cbm.contact.version')}</th>
            <th scope="col">{t('cbm.contact.changed-at')}</th>
            <th scope="col">{t('cbm.contact.changed-by')}</th>
            <th scope="col">{t('cbm.contact.changed-fields')}</th>
          </tr>
        </thead>
        <tbody>
          {c.data.versions.map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td>
                <Instant value={v.changedAt} />
              </td>
              <td>{v.actorName ? <Name>{v.actorName}</Name> : t('cbm.contact.by-system')}</td>
              <td>{v.version === 1 ? t('cbm.contact.created') : v.fields.map(fieldLabel).join(', ') || t('cbm.contact.no-field-changed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Opened with a contact to change it, or without one to add a contact. */
export function ContactForm({
  me,
  contact,
  onClose,
  onSaved,
}: {
  me: CbmMe;
  contact?: Contact;
  onClose: () => void;
  onSaved: (c: Contact, withdrawn?: boolean) => void;
}) {
  const [value, setValue] = useState<ContactInput>(() => (contact ? inputOf(contact) : blank(me)));
  const [languages, setLanguages] = useState(() => value.languages.join(', '));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const set = <K extends keyof ContactInput>(k: K, v: ContactInput[K]) => setValue((old) => ({ ...old, [k]: v }));
  const setChannel = (i: number, patch: Partial<Channel>) =>
    set(
      'channels',
      value.channels.map((c, j) => (i === j ? { ...c, ...patch } : c)),
    );
  const setAlternate = (i: number, patch: Partial<Alternate>) =>
    set(
      'alternates',
      value.alternates.map((a, j) => (i === j ? { ...a, ...patch } : a)),
    );
  const removeRow = (k: 'channels' | 'alternates', i: number) => setValue((old) => ({ ...old, [k]: (old[k] as unknown[]).filter((_, j) => j !== i) }));
  const err = (field: string) => reasonAt(error, field);
  // After a refusal, take the person to the first field the server named.
  useEffect(() => {
    if (error) document.querySelector<HTMLElement>('#cbm-contact-form [aria-invalid="true"]')?.focus();
  }, [error]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    const body: ContactInput = {
      ...value,
      state: value.state.trim().toLowerCase(),
      languages: languages
        .split(/[\s,;]+/)
        .map((l) => l.trim())
        .filter(Boolean),
    };
    saveContact(body, contact?.id).then(
      (saved) => {
        setBusy(false);
        onSaved(saved);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  const withdraw = () => {
    if (!contact) return;
    if (!withdrawing) return setWithdrawing(true);
    setBusy(true);
    withdrawContact(contact.id).then(
      () => onSaved(contact, true),
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };

  return (
    <Dialog
      open
      wide
      title={contact ? t('cbm.contact.edit-title', { name: contact.name }) : t('cbm.contact.add-title')}
      onClose={onClose}
      actions={
        <>
          {contact ? (
            <button type="button" className="button button--danger" onClick={withdraw} disabled={busy}>
              {withdrawing ? t('cbm.contact.withdraw-confirm') : t('cbm.contact.withdraw')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('action.cancel')}
          </button>
          <button type="submit" form="cbm-contact-form" className="button button--primary" disabled={busy}>
            {t('cbm.contact.save')}
          </button>
        </>
      }
    >
      <form id="cbm-contact-form" className="cbm-form cbm-contact-form" onSubmit={submit} noValidate>
        {error && !namesFields(error) ? <ErrorNote error={error} /> : null}
        {error && namesFields(error) ? (
          <p className="form-error" role="alert">
            {t('cbm.contact.fix-fields')}
          </p>
        ) : null}
        <div className="cbm-form-row">
          {me.secretariat ? (
            <Field label={fieldLabel('state')} hint={t('cbm.contact.state-hint')} error={err('state')} required>
              <input className="input" value={value.state} onChange={(e) => set('state', e.target.value)} maxLength={2} list="cbm-states" size={4} />
            </Field>
          ) : (
            <Field label={fieldLabel('state')}>
              <input className="input" value={value.state.toUpperCase()} readOnly size={4} />
            </Field>
          )}
          <datalist id="cbm-states">
            {me.states.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Field label={fieldLabel('kind')} error={err('kind')} required>
            <select className="input" value={value.kind} onChange={(e) => set('kind', e.target.value as ContactInput['kind'])}>
              <option value="policy">{t('cbm.kind.policy')}</option>
              <option value="technical">{t('cbm.kind.technical')}</option>
            </select>
          </Field>
        </div>
        <Field label={fieldLabel('organisation')} error={err('organisation')} required>
          <input className="input" value={value.organisation} onChange={(e) => set('organisation', e.target.value)} maxLength={200} />
        </Field>
        <div className="cbm-form-row">
          <Field label={fieldLabel('name')} hint={t('cbm.contact.name-hint')} error={err('name')} required>
            <input className="input" value={value.name} onChange={(e) => set('name', e.target.value)} maxLength={200} dir="auto" />
          </Field>
          <Field label={fieldLabel('role')} error={err('role')}>
            <input className="input" value={value.role ?? ''} onChange={(e) => set('role', orNull(e.target.value))} maxLength={200} />
          </Field>
        </div>
        <div className="cbm-form-row">
          <Field label={fieldLabel('email')} error={err('email')} required>
            <input className="input" type="email" value={value.email} onChange={(e) => set('email', e.target.value)} maxLength={254} />
          </Field>
          <Field label={fieldLabel('phone')} error={err('phone')}>
            <input className="input" type="tel" value={value.phone ?? ''} onChange={(e) => set('phone', orNull(e.target.value))} maxLength={40} />
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{fieldLabel('channels')}</legend>
          <p className="field__hint">{t('cbm.contact.channels-hint')}</p>
          {value.channels.map((c, i) => (
            <div key={i} className="cbm-form-row" role="group" aria-label={t('cbm.contact.channel-n', { n: i + 1 })}>
              <Field label={t('cbm.contact.channel-type')} error={err(`channels[${i}].type`)}>
                <input
                  className="input"
                  value={c.type}
                  onChange={(e) => setChannel(i, { type: e.target.value })}
                  list="cbm-channel-types"
                  maxLength={40}
                  size={12}
                />
              </Field>
              <Field label={t('cbm.contact.channel-value')} error={err(`channels[${i}].value`)}>
                <input className="input" value={c.value} onChange={(e) => setChannel(i, { value: e.target.value })} maxLength={200} />
              </Field>
              <Field label={t('cbm.contact.channel-hours')} error={err(`channels[${i}].hours`)}>
                <input className="input" value={c.hours} onChange={(e) => setChannel(i, { hours: e.target.value })} maxLength={40} size={14} />
              </Field>
              <RemoveRow onClick={() => removeRow('channels', i)} />
            </div>
          ))}
          <datalist id="cbm-channel-types">
            {CHANNEL_TYPES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          {err('channels') && !value.channels.length ? <p className="field__error">{err('channels')}</p> : null}
          <button
            type="button"
            className="button button--small"
            onClick={() => set('channels', [...value.channels, { type: 'phone', value: '', hours: '24/7' }])}
          >
            {t('cbm.contact.add-channel')}
          </button>
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field__label">{fieldLabel('alternates')}</legend>
          {value.alternates.map((a, i) => (
            <div key={i} className="cbm-form-row" role="group" aria-label={t('cbm.contact.alternate-n', { n: i + 1 })}>
              <Field label={t('cbm.contact.alternate-name')} error={err(`alternates[${i}].name`)}>
                <input className="input" value={a.name} onChange={(e) => setAlternate(i, { name: e.target.value })} maxLength={200} dir="auto" />
              </Field>
              <Field label={t('cbm.contact.alternate-email')} error={err(`alternates[${i}].email`)}>
                <input
                  className="input"
                  type="email"
                  value={a.email ?? ''}
                  onChange={(e) => setAlternate(i, { email: orNull(e.target.value) })}
                  maxLength={254}
                />
              </Field>
              <Field label={t('cbm.contact.alternate-phone')} error={err(`alternates[${i}].phone`)}>
                <input
                  className="input"
                  type="tel"
                  value={a.phone ?? ''}
                  onChange={(e) => setAlternate(i, { phone: orNull(e.target.value) })}
                  maxLength={40}
                  size={14}
                />
              </Field>
              <RemoveRow onClick={() => removeRow('alternates', i)} />
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() => set('alternates', [...value.alternates, { name: '', email: null, phone: null }])}
          >
            {t('cbm.contact.add-alternate')}
          </button>
        </fieldset>
        <div className="cbm-form-row">
          <Field label={fieldLabel('languages')} hint={t('cbm.contact.languages-hint')} error={err('languages')}>
            <input className="input" value={languages} onChange={(e) => setLanguages(e.target.value)} maxLength={60} />
          </Field>
          <Field label={fieldLabel('timeZone')} hint={t('cbm.contact.zone-hint')} error={err('timeZone')}>
            <input className="input" value={value.timeZone ?? ''} onChange={(e) => set('timeZone', orNull(e.target.value))} list="cbm-zones" maxLength={64} />
          </Field>
          <datalist id="cbm-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        <Field label={fieldLabel('pgpKey')} hint={t('cbm.contact.pgp-hint')} error={err('pgpKey')}>
          <textarea value={value.pgpKey ?? ''} onChange={(e) => set('pgpKey', orNull(e.target.value))} rows={4} className="input mono" spellCheck={false} />
        </Field>
      </form>
      {contact ? <History id={contact.id} /> : null}
    </Dialog>
  );
}

function RemoveRow({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="button button--small" onClick={onClick}>
      {t('cbm.contact.remove-row')}
    </button>
  );
}
