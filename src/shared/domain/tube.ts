import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';
import { stableId } from './stable-id.js';

/**
 * A pooled sample tube (混采管) at a site. Its id comes from the site and the
 * printed code (`tubeIdFor`), so two offline phones that scan the same tube
 * write the same row and the server can settle its capacity. `capacity` is
 * the site's pool size when the tube was first opened; a later change of
 * pool size does not change tubes already in use.
 */
export const tubeSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  siteId: idSchema,
  code: z.string().min(4).max(24),
  capacity: z.number().int().min(1).max(20),
  status: z.enum(['open', 'closed']),
  /** Why it is closed: it filled up, or a person closed it early. */
  closedReason: z.enum(['full', 'manual']).nullable(),
  openedAt: instantSchema,
  openedBy: idSchema,
});
export type Tube = z.infer<typeof tubeSchema>;

/**
 * One registration's sample in a tube, one row per registration and tube.
 * `seq` is its place in the tube, given by whoever applies the binding (the
 * server's order wins). Bindings are never deleted: undoing one marks it
 * `undone` and keeps who and why (the audit keeps the rest).
 */
export const tubeBindingSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  siteId: idSchema,
  tubeId: idSchema,
  tubeCode: z.string().min(4).max(24),
  registrationId: idSchema,
  residentId: idSchema,
  seq: z.number().int().min(1).max(999),
  status: z.enum(['bound', 'undone']),
  createdAt: instantSchema,
  createdBy: idSchema,
  undoneBy: idSchema.nullable(),
  undoReason: z.string().max(200).nullable(),
});
export type TubeBinding = z.infer<typeof tubeBindingSchema>;

/**
 * Printed tube codes as scanned or typed: spaces dropped, letters upper
 * case; 4–24 letters, digits or dashes (Code 128 labels of the sampling kits
 * are 8–16 characters; short codes are for hand-written test tubes).
 * Returns null when it cannot be a tube code.
 */
export function normalizeTubeCode(raw: string): string | null {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9-]{4,24}$/.test(s) ? s : null;
}

export function tubeIdFor(siteId: string, code: string): string {
  return stableId('tube', siteId, code);
}

/** Bindings that hold a place in their tube. */
export function activeBindings<T extends Pick<TubeBinding, 'status'>>(bindings: T[]): T[] {
  return bindings.filter((b) => b.status === 'bound');
}

/**
 * The rule a tube's capacity follows, one place for the mutators and the
 * screens: how many places are taken and left, and whether one more fits.
 */
export function tubeFill(tube: Pick<Tube, 'capacity' | 'status'>, activeCount: number) {
  const left = Math.max(0, tube.capacity - activeCount);
  return {
    count: activeCount,
    capacity: tube.capacity,
    left,
    full: activeCount >= tube.capacity,
    accepts: tube.status === 'open' && activeCount < tube.capacity,
  };
}
