// The review screen's keyboard shortcuts: a strip always on screen and a dialog listing them all (opened with ?).
import { Dialog } from '../../components/Dialog';
import { t } from '../../i18n';
import { SHORTCUTS } from './shortcuts';

export function ShortcutBar({ onHelp }: { onHelp: () => void }) {
  return (
    <div className="shortcut-bar" aria-label={t('shortcuts.title')} role="note">
      {SHORTCUTS.filter((s) => s.action !== 'help' && s.action !== 'queue').map((s) => (
        <span key={s.action} className="shortcut-bar__item">
          <kbd>{s.keys[0]}</kbd> {t(`shortcuts.${s.action}`)}
        </span>
      ))}
      <button type="button" className="button button--ghost button--small" onClick={onHelp}>
        <kbd>?</kbd> {t('shortcuts.all')}
      </button>
    </div>
  );
}

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog open title={t('shortcuts.title')} onClose={onClose}>
      <table className="table shortcuts">
        <caption className="visually-hidden">{t('shortcuts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.col.keys')}</th>
            <th scope="col">{t('shortcuts.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ` ${t('shortcuts.or')} `}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`shortcuts.long.${s.action}`)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Enter</kbd>
            </td>
            <td>{t('shortcuts.long.enter')}</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
