import type { Campaign } from '../domain/campaign.js';
import type { ShiftAssignment } from '../domain/shift-assignment.js';
import type { ShiftEvent } from '../domain/shift-event.js';
import type { ShiftPost } from '../domain/shift-post.js';
import type { ShiftSlot } from '../domain/shift-slot.js';
import { MINUTES_PER_DAY } from '../domain/shift-slot.js';
import type { Site } from '../domain/site.js';
import type { User } from '../domain/team.js';
import { requireRole, requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

/**
 * Rules shared by the shift mutators. Rejection parameters carry names, not
 * ids, so the sentence the losing leader reads says who and where in words.
 */

/** Only leaders and coordinators set up posts and slots and move people. */
export function requireLead(tx: Tx): void {
  requireRole(tx.ctx, ['leader', 'coordinator']);
}

/** `08:00`. A time past midnight shows its clock time; the screen adds "next day" where it matters. */
export function minuteLabel(minute: number): string {
  const m = minute % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function slotLabel(slot: Pick<ShiftSlot, 'startMinute' | 'endMinute'>): string {
  return `${minuteLabel(slot.startMinute)}–${minuteLabel(slot.endMinute)}`;
}

/** The site and its campaign, which must be running: nobody plans shifts for a closed round. */
export async function siteCampaign(
  tx: Tx,
  siteId: string,
): Promise<{ site: Site; campaign: Campaign }> {
  requireSite(tx.ctx, siteId);
  const site = await tx.get('sites', siteId);
  if (!site) throw new MutationRejected('not_found', { table: 'sites', id: siteId });
  const campaign = await tx.get('campaigns', site.campaignId);
  if (!campaign)
    throw new MutationRejected('not_found', { table: 'campaigns', id: site.campaignId });
  if (campaign.status !== 'active')
    throw new MutationRejected('campaign_closed', { name: campaign.name });
  return { site, campaign };
}

export async function userName(tx: Tx, userId: string): Promise<string> {
  return (await tx.get('users', userId))?.name ?? userId;
}

export async function postName(tx: Tx, postId: string): Promise<string> {
  return (await tx.get('shiftPosts', postId))?.name ?? postId;
}

/** An open post of the site. */
export async function openPost(tx: Tx, postId: string, siteId: string): Promise<ShiftPost> {
  const post = await tx.get('shiftPosts', postId);
  if (!post || post.siteId !== siteId) {
    throw new MutationRejected('not_found', { table: 'shiftPosts', id: postId });
  }
  if (post.status !== 'open') throw new MutationRejected('post_closed', { post: post.name });
  return post;
}

/** An open slot of the site. */
export async function openSlot(tx: Tx, slotId: string, siteId: string): Promise<ShiftSlot> {
  const slot = await tx.get('shiftSlots', slotId);
  if (!slot || slot.siteId !== siteId) {
    throw new MutationRejected('not_found', { table: 'shiftSlots', id: slotId });
  }
  if (slot.status !== 'open') throw new MutationRejected('slot_closed', { time: slotLabel(slot) });
  return slot;
}

/** The person must be in a team that covers the site (their phone holds the site's data). */
export async function requireOnSite(tx: Tx, userId: string, siteId: string): Promise<User> {
  const user = await tx.get('users', userId);
  if (!user) throw new MutationRejected('not_found', { table: 'users', id: userId });
  const covers =
    user.teamId !== null &&
    (await tx.list('teamSites', { teamId: user.teamId })).some((ts) => ts.siteId === siteId);
  if (!covers) {
    const site = await tx.get('sites', siteId);
    throw new MutationRejected('volunteer_not_on_site', {
      volunteer: user.name,
      site: site?.name ?? siteId,
    });
  }
  return user;
}

/** An assignment still in force, in the caller's scope. */
export async function liveAssignment(tx: Tx, assignmentId: string): Promise<ShiftAssignment> {
  const a = await tx.get('shiftAssignments', assignmentId);
  if (!a) throw new MutationRejected('not_found', { table: 'shiftAssignments', id: assignmentId });
  requireSite(tx.ctx, a.siteId);
  if (a.state === 'removed') {
    throw new MutationRejected('no_longer_assigned', { volunteer: await userName(tx, a.userId) });
  }
  return a;
}

/**
 * The precondition of every move: the person is still where the leader saw
 * them. If not, the move is refused, naming the person, where the leader
 * thought they were and where they actually are (in the server's order, the
 * other leader's move came first).
 */
export async function expectAt(
  tx: Tx,
  a: ShiftAssignment,
  postId: string,
  slotId: string,
): Promise<void> {
  if (a.postId === postId && a.slotId === slotId) return;
  let actual = await postName(tx, a.postId);
  if (a.slotId !== slotId) {
    const slot = await tx.get('shiftSlots', a.slotId);
    if (slot) actual = `${actual} ${slotLabel(slot)}`;
  }
  throw new MutationRejected('move_precondition_failed', {
    volunteer: await userName(tx, a.userId),
    expected: await postName(tx, postId),
    actual,
  });
}

/** The person's assignment in force in a slot, if any (one per person per slot). */
export async function slotAssignment(
  tx: Tx,
  slotId: string,
  userId: string,
): Promise<ShiftAssignment | undefined> {
  const rows = await tx.list('shiftAssignments', { slotId, userId });
  return rows.find((r) => r.state !== 'removed');
}

/**
 * The assignment after the person is put at `post`: a new post starts its
 * clock; out in the cold from an outdoor post still on duty keeps counting
 * (no warm-up happened), anything else restarts it; covering ends.
 */
export function placedAt(
  a: ShiftAssignment,
  from: ShiftPost | undefined,
  post: ShiftPost,
  at: string,
  by: string,
): ShiftAssignment {
  const onPost = a.state === 'on_post';
  const stayedOut = onPost && from?.place === 'outdoor' && a.outdoorSince !== null;
  return {
    ...a,
    postId: post.id,
    since: at,
    outdoorSince: !onPost || post.place !== 'outdoor' ? null : stayedOut ? a.outdoorSince : at,
    coveringFor: null,
    coverHomePostId: null,
    rev: a.rev + 1,
    changedBy: by,
  };
}

export async function putEvent(
  tx: Tx,
  a: ShiftAssignment,
  fields: Pick<ShiftEvent, 'id' | 'kind' | 'fromPostId' | 'toPostId' | 'at'> &
    Partial<Pick<ShiftEvent, 'otherUserId' | 'detail'>>,
): Promise<void> {
  await tx.put('shiftEvents', {
    otherUserId: null,
    detail: null,
    ...fields,
    siteId: a.siteId,
    campaignId: a.campaignId,
    slotId: a.slotId,
    assignmentId: a.id,
    userId: a.userId,
    rev: a.rev,
    changedBy: tx.ctx.userId,
  });
}

/** Event ids are made on the phone; reusing one is a client bug, refused like any id. */
export async function requireNewEventId(tx: Tx, id: string): Promise<void> {
  if (await tx.get('shiftEvents', id)) throw new MutationRejected('id_taken', { id });
}
