import type { TFunction } from 'i18next';
import type { ShiftSlot } from '../../../shared/domain/shift-slot.js';
import { MINUTES_PER_DAY } from '../../../shared/domain/shift-slot.js';

/** `08:00`; a time after midnight of the campaign's day gets "next day" in front. */
export function clockLabel(t: TFunction, minute: number): string {
  const m = minute % MINUTES_PER_DAY;
  const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return minute >= MINUTES_PER_DAY ? t('shifts.nextDay', { time: hhmm }) : hhmm;
}

export function slotText(t: TFunction, slot: Pick<ShiftSlot, 'startMinute' | 'endMinute'>): string {
  return `${clockLabel(t, slot.startMinute)}–${clockLabel(t, slot.endMinute)}`;
}

/**
 * Minutes as "2 小时 30 分" / "2 h 30 min"; under an hour as minutes only.
 * Rounded to the nearest minute: a tap a few seconds either side of the hour
 * still reads as the hour.
 */
export function durationText(t: TFunction, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return t('shifts.minutes', { m });
  return m === 0 ? t('shifts.hours', { h }) : t('shifts.hoursMinutes', { h, m });
}

/** 375 → "37.5 °C". */
export function temperatureText(tenths: number): string {
  return `${(tenths / 10).toFixed(1)} °C`;
}

/** A phone-clock instant as `HH:mm`, for people to read only. */
export function timeOfDay(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** A new id for a row or a change, made on the phone. */
export function newId(): string {
  return crypto.randomUUID();
}

/** The phone's clock for `at` fields: read by people and used for durations, never for order. */
export function nowIso(): string {
  return new Date().toISOString();
}
