import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { MAX_HELPERS, taskKindSchema, taskUrgencySchema } from '../domain/task.js';
import { activeSite, requireNewId } from './door-rules.js';
import { MutationRejected } from './mutation-rejected.js';
import { noteOrNull, writeNewTask } from './task-rules.js';
import type { Tx } from './tx.js';

export const raiseTaskArgs = z.object({
  id: idSchema,
  siteId: idSchema,
  kind: taskKindSchema,
  /** null: at the testing site. */
  householdId: idSchema.nullable(),
  helpersNeeded: z.number().int().min(1).max(MAX_HELPERS),
  urgency: taskUrgencySchema,
  note: z.string().max(200).nullable(),
  at: instantSchema,
});
export type RaiseTaskArgs = z.infer<typeof raiseTaskArgs>;

/** Anyone in the team asks for hands: a wheelchair to carry, someone to escort, supplies… */
export async function raiseTask(tx: Tx, args: RaiseTaskArgs): Promise<void> {
  const { campaign } = await activeSite(tx, args.siteId);
  await requireNewId(tx, 'tasks', args.id);
  if (args.householdId !== null) {
    const household = await tx.get('households', args.householdId);
    if (!household || household.siteId !== args.siteId) {
      throw new MutationRejected('not_found', { table: 'households', id: args.householdId });
    }
  }
  await writeNewTask(tx, {
    id: args.id,
    siteId: args.siteId,
    campaignId: campaign.id,
    kind: args.kind,
    householdId: args.householdId,
    helpersNeeded: args.helpersNeeded,
    urgency: args.urgency,
    note: noteOrNull(args.note),
    doorVisitId: null,
    at: args.at,
  });
}
