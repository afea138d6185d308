import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';
import { stableId } from './stable-id.js';

/** The two lines people queue in at a site (排成两队). */
export const queueLineSchema = z.union([z.literal(1), z.literal(2)]);
export type QueueLine = z.infer<typeof queueLineSchema>;

/**
 * Which number is being called for one line at a site: one row per site and
 * line, rewritten by each call (the server's last applied call wins; it is a
 * display, not a record: the audit keeps every call).
 */
export const queueCallSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  siteId: idSchema,
  line: queueLineSchema,
  lane: z.string().min(1).max(2),
  seq: z.number().int().min(1).max(9999),
  queueNumber: z.string().min(2).max(8),
  calledAt: instantSchema,
  calledBy: idSchema,
});
export type QueueCall = z.infer<typeof queueCallSchema>;

export function queueCallIdFor(siteId: string, campaignId: string, line: QueueLine): string {
  return stableId('call', siteId, campaignId, line);
}

/**
 * The next number to call in a lane: the lowest sequence above the one
 * called last that belongs to a live registration. Lanes number each phone's
 * registrations 1, 2, 3 … so calling a lane in order calls its people in the
 * order they registered. Returns null when nobody in the lane is waiting.
 */
export function nextCallSeq(
  registrations: readonly { lane: string; seq: number; status: string }[],
  lane: string,
  calledSeq: number,
): number | null {
  let best: number | null = null;
  for (const r of registrations) {
    if (r.lane !== lane || r.status !== 'registered' || r.seq <= calledSeq) continue;
    if (best === null || r.seq < best) best = r.seq;
  }
  return best;
}

/** The previous live number in a lane (to go back one after a mis-tap), or null. */
export function previousCallSeq(
  registrations: readonly { lane: string; seq: number; status: string }[],
  lane: string,
  calledSeq: number,
): number | null {
  let best: number | null = null;
  for (const r of registrations) {
    if (r.lane !== lane || r.status !== 'registered' || r.seq >= calledSeq) continue;
    if (best === null || r.seq > best) best = r.seq;
  }
  return best;
}

/** Parses a typed queue number ("c27", "C 27") into lane and sequence. */
export function parseQueueNumber(raw: string): { lane: string; seq: number } | null {
  const m = /^([A-HJ-NP-Z]{1,2})(\d{1,4})$/.exec(raw.replace(/\s+/g, '').toUpperCase());
  if (!m) return null;
  const seq = Number(m[2]);
  return seq >= 1 ? { lane: m[1]!, seq } : null;
}
