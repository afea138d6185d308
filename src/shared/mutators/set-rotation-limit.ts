import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { shiftSettingsSchema } from '../domain/shift-settings.js';
import { requireLead, siteCampaign } from './shift-helpers.js';
import type { Tx } from './tx.js';

export const setRotationLimitArgs = z.object({
  siteId: idSchema,
  minutes: shiftSettingsSchema.shape.rotationLimitMinutes,
  at: instantSchema,
});
export type SetRotationLimitArgs = z.infer<typeof setRotationLimitArgs>;

/**
 * Sets how long a person may stay at an outdoor post before the board asks
 * for a rotation. One row per site (its id is the site's); of two leaders'
 * settings the later one in the server's order stands.
 */
export async function setRotationLimit(tx: Tx, args: SetRotationLimitArgs): Promise<void> {
  requireLead(tx);
  await siteCampaign(tx, args.siteId);
  await tx.put('shiftSettings', {
    id: args.siteId,
    siteId: args.siteId,
    rotationLimitMinutes: args.minutes,
    updatedBy: tx.ctx.userId,
    updatedAt: args.at,
  });
}
