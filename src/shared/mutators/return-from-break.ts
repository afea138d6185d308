import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { MutationRejected } from './mutation-rejected.js';
import {
  liveAssignment,
  placedAt,
  putEvent,
  requireLead,
  requireNewEventId,
  userName,
} from './shift-helpers.js';
import type { Tx } from './tx.js';

export const returnFromBreakArgs = z.object({
  eventId: idSchema,
  assignmentId: idSchema,
  at: instantSchema,
});
export type ReturnFromBreakArgs = z.infer<typeof returnFromBreakArgs>;

/**
 * Back from eating or warming up: the person is at their post again (the
 * cold clock starts over), and whoever covered for them goes back to their
 * own post if it is still open. Refused if they are not on a break (another
 * leader already brought them back).
 */
export async function returnFromBreak(tx: Tx, args: ReturnFromBreakArgs): Promise<void> {
  requireLead(tx);
  await requireNewEventId(tx, args.eventId);
  const a = await liveAssignment(tx, args.assignmentId);
  if (a.state !== 'meal' && a.state !== 'warm_up') {
    throw new MutationRejected('not_on_break', { volunteer: await userName(tx, a.userId) });
  }
  const post = await tx.get('shiftPosts', a.postId);
  const back = {
    ...a,
    state: 'on_post' as const,
    since: args.at,
    outdoorSince: post?.place === 'outdoor' ? args.at : null,
    rev: a.rev + 1,
    changedBy: tx.ctx.userId,
  };
  await tx.put('shiftAssignments', back);
  await putEvent(tx, back, {
    id: args.eventId,
    kind: 'returned',
    fromPostId: a.postId,
    toPostId: a.postId,
    at: args.at,
  });

  const covers = (await tx.list('shiftAssignments', { slotId: a.slotId })).filter(
    (c) => c.coveringFor === a.id && c.state !== 'removed',
  );
  for (const [i, cover] of covers.entries()) {
    const home = cover.coverHomePostId
      ? await tx.get('shiftPosts', cover.coverHomePostId)
      : undefined;
    const here = await tx.get('shiftPosts', cover.postId);
    const released =
      home && home.status === 'open' && cover.state === 'on_post'
        ? placedAt(cover, here, home, args.at, tx.ctx.userId)
        : {
            ...cover,
            coveringFor: null,
            coverHomePostId: null,
            rev: cover.rev + 1,
            changedBy: tx.ctx.userId,
          };
    await tx.put('shiftAssignments', released);
    await putEvent(tx, released, {
      id: `${args.eventId}-c${i}`,
      kind: 'cover_released',
      fromPostId: cover.postId,
      toPostId: released.postId,
      otherUserId: a.userId,
      at: args.at,
    });
  }
}
