// Numbers and dates the way each language writes them: Vietnamese 1.650 and 99,6%; dates dd/MM/yyyy in Vietnam's
// time (UTC+7) whatever the browser's own zone.
import { language } from './i18n.js';

const locale = () => (language() === 'en' ? 'en-GB' : 'vi-VN');
const vietnam = 'Asia/Ho_Chi_Minh';

export const number = n => new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n);

/** A mean score and the like: one decimal (85,5 in Vietnamese). */
export const decimal = n => new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);

/** A score to two decimals, as the ranking computes it. */
export const score = n => new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);

export const percent = p => `${new Intl.NumberFormat(locale(), { minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(p)}%`;

/** A moment (an ISO string with its offset) as dd/MM/yyyy in Vietnam. */
export function date(instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: vietnam, day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year}`;
}

/** A moment as dd/MM/yyyy HH:mm:ss in Vietnam. */
export function dateTime(instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: vietnam, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A calendar day ("2023-06-01", no zone) as dd/MM/yyyy. */
export function day(isoDay) {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

/** "22/11/2026" (or 2/3/2024) as the calendar day "2026-11-22"; null when it is no such day. */
/** A day (dd/mm/yyyy) and a time (hh:mm) in Vietnam as an instant the API reads (+07:00); null when either does not exist. */
export function instantOf(dayText, timeText) {
  const day = parseDay(dayText);
  const time = /^\s*([01]?\d|2[0-3]):([0-5]\d)\s*$/.exec(timeText);
  return day && time ? `${day}T${time[1].padStart(2, '0')}:${time[2]}:00+07:00` : null;
}

export function parseDay(text) {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [d, m, y] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The last instant of a calendar day in Vietnam, as the API's asOf. */
export const endOfVietnamDay = isoDay => `${isoDay}T23:59:59.999+07:00`;

/** Today's calendar day in Vietnam ("2026-11-23"), whatever the browser's own zone. */
export const vietnamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: vietnam, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
