import type { CoverageCounts } from './coverage-ledger.js';
import type { Registration } from './registration.js';

/**
 * Throughput and the day's totals (issue 8: dashboard, daily report).
 *
 * The hour of a registration comes from `createdAt`, the registering phone's
 * clock, converted to China time (UTC+8, no daylight saving). Phone clocks
 * can be off: this is the only place a phone's clock is read for more than
 * display, and only to draw "how many per hour", never to order or decide
 * anything. A time that cannot be read is counted apart (`unknownHour`).
 */

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** 0–23 in China time, or null for text that is not a time. */
export function chinaHour(iso: string): number | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + CHINA_OFFSET_MS).getUTCHours();
}

export interface HourlyCounts {
  /** 24 buckets, index = hour of the day. */
  hours: number[];
  unknownHour: number;
}

/** Registrations (not voided) of a campaign per hour, per site. */
export function hourlyBySite(
  registrations: readonly Pick<Registration, 'campaignId' | 'siteId' | 'status' | 'createdAt'>[],
  campaignId: string,
): Map<string, HourlyCounts> {
  const out = new Map<string, HourlyCounts>();
  for (const r of registrations) {
    if (r.campaignId !== campaignId || r.status !== 'registered') continue;
    let site = out.get(r.siteId);
    if (!site) {
      site = { hours: Array.from({ length: 24 }, () => 0), unknownHour: 0 };
      out.set(r.siteId, site);
    }
    const hour = chinaHour(r.createdAt);
    if (hour === null) site.unknownHour += 1;
    else site.hours[hour] = (site.hours[hour] ?? 0) + 1;
  }
  return out;
}

/** The busiest hour (the earliest among equals), or null with no registrations. */
export function peakHour(hourly: HourlyCounts): { hour: number; count: number } | null {
  let best: { hour: number; count: number } | null = null;
  hourly.hours.forEach((count, hour) => {
    if (count > 0 && (best === null || count > best.count)) best = { hour, count };
  });
  return best;
}

export interface SiteDayTotals {
  siteId: string;
  siteName: string;
  counts: CoverageCounts;
  /** Registrations made at this site (not voided), including people of other sites' rosters. */
  registrationsHere: number;
  voided: number;
  firstHour: number | null;
  lastHour: number | null;
  peak: { hour: number; count: number } | null;
}

/** One site's line of the daily report. */
export function siteDayTotals(
  site: { id: string; name: string },
  counts: CoverageCounts,
  registrations: readonly Pick<Registration, 'campaignId' | 'siteId' | 'status' | 'createdAt'>[],
  campaignId: string,
): SiteDayTotals {
  const here = registrations.filter((r) => r.campaignId === campaignId && r.siteId === site.id);
  const hourly = hourlyBySite(here, campaignId).get(site.id) ?? {
    hours: Array.from({ length: 24 }, () => 0),
    unknownHour: 0,
  };
  const busy = hourly.hours.flatMap((count, hour) => (count > 0 ? [hour] : []));
  return {
    siteId: site.id,
    siteName: site.name,
    counts,
    registrationsHere: here.filter((r) => r.status === 'registered').length,
    voided: here.filter((r) => r.status === 'voided').length,
    firstHour: busy[0] ?? null,
    lastHour: busy[busy.length - 1] ?? null,
    peak: peakHour(hourly),
  };
}
