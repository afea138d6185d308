import type { TFunction } from 'i18next';
import type { BatchItem } from '../../../shared/domain/batch.js';
import type { Building } from '../../../shared/domain/building.js';
import type { Unit } from '../../../shared/domain/unit.js';

/** The door mutations whose rejections the door screens show. */
export const DOOR_MUTATIONS = ['assignWalk', 'callBatch', 'recordDoorVisit', 'endBatch'] as const;

/** A sentence for why a change was not stored (a rule, bad input, anything else). */
export function describeDoorError(t: TFunction, error: unknown): string {
  if (error instanceof Error && error.name === 'MutationRejected' && 'code' in error) {
    const params = (error as { params?: Record<string, unknown> }).params ?? {};
    return t(`rejection.${String(error.code)}`, params);
  }
  if (error instanceof Error && error.name === 'ZodError') return t('errors.invalidInput');
  const message = error instanceof Error ? error.message : String(error);
  return t('errors.unexpected', { message });
}

/**
 * How long ago, for people ("12 分钟前"). Both clocks are phone clocks (maybe
 * another phone's): display only, and never below "just now".
 */
export function formatAgo(iso: string | null, language: string, now: Date = new Date()): string {
  if (!iso) return '';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '';
  const minutes = Math.max(0, Math.round((now.getTime() - at) / 60_000));
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (minutes === 0) return rtf.format(0, 'second');
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.round(hours / 24), 'day');
}

/** `HH:mm` of a phone time, for the visit history. */
export function formatClock(iso: string, language: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/**
 * Unit names in order, with runs of numbered names folded: 1单元, 2单元,
 * 3单元 → "1–3单元". Names are data (the roster's), so this is the same in
 * every language; only the separator is translated.
 */
export function foldUnitNames(names: string[], separator: string): string {
  const parsed = names.map((n) => /^(\d+)(\D*)$/.exec(n));
  const parts: string[] = [];
  let i = 0;
  while (i < names.length) {
    const m = parsed[i];
    let j = i;
    if (m) {
      while (j + 1 < names.length) {
        const next = parsed[j + 1];
        const here = parsed[j];
        if (!next || !here || next[2] !== m[2] || Number(next[1]) !== Number(here[1]) + 1) break;
        j++;
      }
    }
    const last = parsed[j];
    parts.push(
      j > i && m && last
        ? `${m[1]}–${last[1]}${m[2] ?? ''}`
        : names.slice(i, j + 1).join(separator),
    );
    i = j + 1;
  }
  return parts.join(separator);
}

/** "3号楼 1–2单元；5号楼": the places of a batch, in walking order. */
export function batchLabel(
  items: BatchItem[],
  buildings: Building[],
  units: Unit[],
  separators: { units: string; buildings: string },
): string {
  const sortedBuildings = [...buildings].sort(
    (a, b) => a.sortKey - b.sortKey || (a.id < b.id ? -1 : 1),
  );
  const unitById = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  for (const b of sortedBuildings) {
    const mine = items.filter((i) => i.buildingId === b.id);
    if (mine.length === 0) continue;
    if (mine.some((i) => i.unitId === null)) {
      out.push(b.name);
      continue;
    }
    const names = mine
      .map((i) => unitById.get(i.unitId ?? ''))
      .filter((u): u is Unit => u !== undefined)
      .sort((x, y) => x.sortKey - y.sortKey || (x.id < y.id ? -1 : 1))
      .map((u) => u.name);
    out.push(`${b.name} ${foldUnitNames(names, separators.units)}`);
  }
  return out.join(separators.buildings);
}
