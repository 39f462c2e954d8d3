/*
 * UK wall-clock times for the "as at" control: people type the time their clocks showed, and the
 * API wants an instant with its offset. Pure: no clock, no server time zone.
 */
import { ukWallClock, type WallClock } from '../../plans/domain/plan-date.js';

const UK_DAY_WORDS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const asUtcMs = (clock: WallClock) =>
  Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);

const two = (value: number) => String(value).padStart(2, '0');

/**
 * The instant a UK clock showed `time` ("HH:MM" or "HH:MM:SS", 24-hour) on `day` ("YYYY-MM-DD"),
 * written with its offset ("2025-03-03T17:00:00+00:00"). When the clocks go back the hour from
 * 1am happens twice: the later one is taken, so everything recorded by either is included.
 * Undefined for a time that never happened (the hour skipped when the clocks go forward).
 */
export function ukInstant(day: string, time: string): string | undefined {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute, second = 0] = time.split(':').map(Number) as [number, number, number?];
  const wanted = Date.UTC(year, month - 1, date, hour, minute, second);
  for (const offsetMinutes of [0, 60]) {
    const at = new Date(wanted - offsetMinutes * 60_000);
    if (asUtcMs(ukWallClock(at)) === wanted) {
      return `${day}T${two(hour)}:${two(minute)}:${two(second)}+${two(offsetMinutes / 60)}:00`;
    }
  }
  return undefined;
}

/** GOV.UK style: "5pm", "5:30pm", "midday", "midnight"; seconds only when not zero. */
function clockWords({ hour, minute, second }: WallClock, withSeconds: boolean): string {
  if (minute === 0 && (!withSeconds || second === 0)) {
    if (hour === 0) return 'midnight';
    if (hour === 12) return 'midday';
  }
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  const seconds = withSeconds && second !== 0 ? `:${two(second)}` : '';
  const minutes = minute !== 0 || seconds ? `:${two(minute)}` : '';
  return `${twelve}${minutes}${seconds}${hour < 12 ? 'am' : 'pm'}`;
}

/**
 * An instant in UK time as a sentence reads it: "3 March 2025, 5pm". Seconds show only for an
 * instant given to the second (whole milliseconds), not for "now" or the end of a day.
 */
export function ukDateTimeWords(instant: string): string {
  const at = new Date(instant);
  const withSeconds = at.getUTCMilliseconds() === 0;
  return `${UK_DAY_WORDS.format(at)}, ${clockWords(ukWallClock(at), withSeconds)}`;
}

/** The UK wall clock at an instant as the as-at form's fields: what a person would type. */
export function ukFormFields(instant: string): { day: string; month: string; year: string; time: string } {
  const clock = ukWallClock(new Date(instant));
  return {
    day: String(clock.day),
    month: String(clock.month),
    year: String(clock.year),
    time: `${two(clock.hour)}:${two(clock.minute)}${clock.second ? `:${two(clock.second)}` : ''}`,
  };
}
