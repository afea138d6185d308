import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { doorStatusSchema } from '../domain/door-visit.js';
import { MAX_HELPERS, taskUrgencySchema } from '../domain/task.js';
import { activeSite, requireNewId } from './door-rules.js';
import { MutationRejected } from './mutation-rejected.js';
import { noteOrNull, writeNewTask } from './task-rules.js';
import type { Tx } from './tx.js';

export const recordDoorVisitArgs = z
  .object({
    id: idSchema,
    householdId: idSchema,
    status: doorStatusSchema,
    /** Why they refused: required for `refused`, ignored otherwise. */
    reason: z.string().max(200).nullable(),
    note: z.string().max(200).nullable(),
    at: instantSchema,
    /** The home-sampling task to raise with a `needs_home_sampling` visit. */
    task: z
      .object({
        id: idSchema,
        helpersNeeded: z.number().int().min(1).max(MAX_HELPERS),
        urgency: taskUrgencySchema,
        note: z.string().max(200).nullable(),
      })
      .nullable(),
  })
  .refine((a) => a.status !== 'refused' || (a.reason ?? '').trim() !== '', {
    message: 'reason_required',
    path: ['reason'],
  })
  .refine((a) => a.status !== 'needs_home_sampling' || a.task !== null, {
    message: 'task_required',
    path: ['task'],
  });
export type RecordDoorVisitArgs = z.infer<typeof recordDoorVisitArgs>;

/**
 * Records one visit to a door. Visits are appended, never changed: the
 * household's status is derived from all of them (deriveDoorStatus). Any team
 * member may record a visit at any door of the team's sites — whoever is
 * standing there — assigned or not.
 *
 * "Needs home sampling" raises a home-sampling task in the same change. If the
 * household already has an open one (two volunteers at the same door, both
 * offline), the server links the visit to that task instead of a second one.
 */
export async function recordDoorVisit(tx: Tx, args: RecordDoorVisitArgs): Promise<void> {
  const household = await tx.get('households', args.householdId);
  if (!household) {
    throw new MutationRejected('not_found', { table: 'households', id: args.householdId });
  }
  const { campaign } = await activeSite(tx, household.siteId);
  await requireNewId(tx, 'doorVisits', args.id);

  let taskId: string | null = null;
  const wanted = args.status === 'needs_home_sampling' ? args.task : null;
  if (wanted) {
    const open = (await tx.list('tasks', { householdId: household.id }))
      .filter(
        (t) => t.campaignId === campaign.id && t.kind === 'home_sampling' && t.status === 'open',
      )
      .sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1))[0];
    if (open) {
      taskId = open.id;
    } else {
      await requireNewId(tx, 'tasks', wanted.id);
      taskId = wanted.id;
    }
  }

  await tx.put('doorVisits', {
    id: args.id,
    siteId: household.siteId,
    campaignId: campaign.id,
    householdId: household.id,
    status: args.status,
    reason: args.status === 'refused' ? noteOrNull(args.reason) : null,
    note: noteOrNull(args.note),
    taskId,
    at: args.at,
    createdBy: tx.ctx.userId,
  });
  if (wanted && taskId === wanted.id) {
    await writeNewTask(tx, {
      id: wanted.id,
      siteId: household.siteId,
      campaignId: campaign.id,
      kind: 'home_sampling',
      householdId: household.id,
      helpersNeeded: wanted.helpersNeeded,
      urgency: wanted.urgency,
      note: noteOrNull(wanted.note) ?? noteOrNull(args.note),
      doorVisitId: args.id,
      at: args.at,
    });
  }
}
