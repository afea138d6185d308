import {
  MAX_TEMPERATURE_TENTHS,
  MIN_TEMPERATURE_TENTHS,
} from '../../../shared/domain/shift-checkin.js';

/**
 * Reads what was tapped on the pad as tenths of a degree: "37.5" or, with
 * gloves that miss the dot, "375" → 375; "37" → 370. Null when it is not a
 * reading yet; `inRange` says whether it is one a thermometer can give a person.
 */
export function parseTemperature(text: string): { tenths: number; inRange: boolean } | null {
  let tenths: number;
  if (/^\d{2}\.\d$/.test(text)) tenths = Math.round(Number(text) * 10);
  else if (/^\d{3}$/.test(text)) tenths = Number(text);
  else if (/^\d{2}\.?$/.test(text)) tenths = Number(text.replace('.', '')) * 10;
  else return null;
  return {
    tenths,
    inRange: tenths >= MIN_TEMPERATURE_TENTHS && tenths <= MAX_TEMPERATURE_TENTHS,
  };
}
