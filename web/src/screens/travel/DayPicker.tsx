// A day chosen with the previous/next buttons or the date input; the day lives in the URL (`?date=`).
import { t } from '../../i18n';
import { shiftDay } from './times';

export function DayPicker({ id, day, onDay, disabled }: { id: string; day: string | undefined; onDay: (day: string | null) => void; disabled?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {t('travel.board.date')}
      </label>
      <div className="day-picker">
        <button
          type="button"
          className="button button--small"
          disabled={disabled || !day}
          onClick={() => day && onDay(shiftDay(day, -1))}
          aria-label={t('travel.board.previous-day')}
          title={t('travel.board.previous-day')}
        >
          ‹
        </button>
        <input id={id} type="date" className="input input--date" value={day ?? ''} onChange={(e) => onDay(e.currentTarget.value || null)} />
        <button
          type="button"
          className="button button--small"
          disabled={disabled || !day}
          onClick={() => day && onDay(shiftDay(day, 1))}
          aria-label={t('travel.board.next-day')}
          title={t('travel.board.next-day')}
        >
          ›
        </button>
      </div>
    </div>
  );
}
