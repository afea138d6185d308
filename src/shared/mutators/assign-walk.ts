import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { activeSite, placeOfSite, requireLeader, requireNewId } from './door-rules.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const assignWalkArgs = z.object({
  id: idSchema,
  buildingId: idSchema,
  /** null: the whole building. */
  unitId: idSchema.nullable(),
  assigneeId: idSchema,
  at: instantSchema,
});
export type AssignWalkArgs = z.infer<typeof assignWalkArgs>;

/**
 * A leader gives a building or a unit to a volunteer (offline too). The
 * server settles competing assignments by its own order: the new one marks
 * `superseded` every earlier active assignment it covers — the same unit, or,
 * for a whole building, every assignment inside that building. A unit given
 * on its own keeps priority over its building's assignment (assigneeOfUnit).
 */
export async function assignWalk(tx: Tx, args: AssignWalkArgs): Promise<void> {
  requireLeader(tx);
  const building = await tx.get('buildings', args.buildingId);
  if (!building)
    throw new MutationRejected('not_found', { table: 'buildings', id: args.buildingId });
  const { campaign } = await activeSite(tx, building.siteId);
  await placeOfSite(tx, building.siteId, args.buildingId, args.unitId);
  await requireNewId(tx, 'walkAssignments', args.id);

  const assignee = await tx.get('users', args.assigneeId);
  const covers =
    assignee?.teamId != null &&
    (await tx.list('teamSites', { teamId: assignee.teamId })).some(
      (ts) => ts.siteId === building.siteId,
    );
  if (!assignee || !covers) throw new MutationRejected('assignee_invalid', { id: args.assigneeId });

  const earlier = (await tx.list('walkAssignments', { siteId: building.siteId })).filter(
    (a) =>
      a.status === 'active' &&
      a.campaignId === campaign.id &&
      a.buildingId === args.buildingId &&
      (args.unitId === null || a.unitId === args.unitId),
  );
  for (const a of earlier) {
    await tx.put('walkAssignments', { ...a, status: 'superseded', supersededBy: args.id });
  }
  await tx.put('walkAssignments', {
    id: args.id,
    siteId: building.siteId,
    campaignId: campaign.id,
    buildingId: args.buildingId,
    unitId: args.unitId,
    assigneeId: args.assigneeId,
    status: 'active',
    supersededBy: null,
    createdAt: args.at,
    createdBy: tx.ctx.userId,
  });
}
