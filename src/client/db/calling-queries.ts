import type { QueueCall, QueueLine } from '../../shared/domain/queue-call.js';
import type { Registration } from '../../shared/domain/registration.js';
import type { HuijuDB } from './database.js';

export interface CallingView {
  calls: Record<QueueLine, QueueCall | null>;
  /** Lanes used at the site in the campaign, in order, for picking a line's lane. */
  lanes: string[];
  /** The site's registrations in the campaign, for the next and previous number of a lane. */
  registrations: Registration[];
}

/** What the calling screen shows: the number called on each line, and the lanes to call from. */
export async function callingView(
  db: HuijuDB,
  siteId: string,
  campaignId: string,
): Promise<CallingView> {
  const [calls, regs] = await Promise.all([
    db.synced('queueCalls').where('siteId').equals(siteId).toArray(),
    db.synced('registrations').where('siteId').equals(siteId).toArray(),
  ]);
  const mine = calls.filter((c) => c.campaignId === campaignId);
  const registrations = regs.filter((r) => r.campaignId === campaignId);
  const lanes = [...new Set(registrations.map((r) => r.lane))].sort(
    (a, b) => a.length - b.length || a.localeCompare(b),
  );
  return {
    calls: {
      1: mine.find((c) => c.line === 1) ?? null,
      2: mine.find((c) => c.line === 2) ?? null,
    },
    lanes,
    registrations,
  };
}
