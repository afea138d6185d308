import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/**
 * A walk-list assignment (入户分工): a leader gives a building, or one unit of
 * it, to a volunteer for a campaign. `unitId` null means the whole building.
 * A later assignment of the same place (in the server's order) marks the
 * earlier one `superseded`; rows are never deleted.
 */
export const walkAssignmentSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  buildingId: idSchema,
  unitId: idSchema.nullable(),
  assigneeId: idSchema,
  status: z.enum(['active', 'superseded']),
  supersededBy: idSchema.nullable(),
  createdAt: instantSchema,
  createdBy: idSchema,
});
export type WalkAssignment = z.infer<typeof walkAssignmentSchema>;

/**
 * Who walks a unit now: an active assignment of that very unit beats an
 * active assignment of its whole building (the more specific one wins).
 * Pure, so every phone and the server read the same answer from the same rows.
 */
export function assigneeOfUnit(
  assignments: readonly WalkAssignment[],
  buildingId: string,
  unitId: string,
): WalkAssignment | null {
  let whole: WalkAssignment | null = null;
  for (const a of assignments) {
    if (a.status !== 'active' || a.buildingId !== buildingId) continue;
    if (a.unitId === unitId) return a;
    if (a.unitId === null) whole = a;
  }
  return whole;
}
