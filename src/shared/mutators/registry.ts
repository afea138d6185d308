import type { z } from 'zod';
import { addResident, addResidentArgs } from './add-resident.js';
import { registerNewResident, registerNewResidentArgs } from './register-new-resident.js';
import { registerResident, registerResidentArgs } from './register-resident.js';
import type { Tx } from './tx.js';
import { voidRegistration, voidRegistrationArgs } from './void-registration.js';
// imports: door-knocking and tasks (issue 5)
import { assignWalk, assignWalkArgs } from './assign-walk.js';
import { callBatch, callBatchArgs } from './call-batch.js';
import { claimTask, claimTaskArgs } from './claim-task.js';
import { closeTask, closeTaskArgs } from './close-task.js';
import { raiseTask, raiseTaskArgs } from './raise-task.js';
import { recordDoorVisit, recordDoorVisitArgs } from './record-door-visit.js';
import { requestMoreHelpers, requestMoreHelpersArgs } from './request-more-helpers.js';
import { unclaimTask, unclaimTaskArgs } from './unclaim-task.js';
// imports: shifts and duty (issue 6)
import { addShiftPost, addShiftPostArgs } from './add-shift-post.js';
import { addShiftSlot, addShiftSlotArgs } from './add-shift-slot.js';
import { cancelShiftSlot, cancelShiftSlotArgs } from './cancel-shift-slot.js';
import { updateShiftSlot, updateShiftSlotArgs } from './update-shift-slot.js';
import { assignToPost, assignToPostArgs } from './assign-to-post.js';
import { dutyCheckIn, dutyCheckInArgs } from './duty-check-in.js';
import { dutyCheckOut, dutyCheckOutArgs } from './duty-check-out.js';
import { moveVolunteer, moveVolunteerArgs } from './move-volunteer.js';
import { removeFromShift, removeFromShiftArgs } from './remove-from-shift.js';
import { returnFromBreak, returnFromBreakArgs } from './return-from-break.js';
import { sendToBreak, sendToBreakArgs } from './send-to-break.js';
import { setRotationLimit, setRotationLimitArgs } from './set-rotation-limit.js';
import { swapVolunteers, swapVolunteersArgs } from './swap-volunteers.js';
import { updateShiftPost, updateShiftPostArgs } from './update-shift-post.js';
// imports: sampling station (issue 4)
import { bindSample, bindSampleArgs } from './bind-sample.js';
import { callQueueNumber, callQueueNumberArgs } from './call-queue-number.js';
import { closeTube, closeTubeArgs } from './close-tube.js';
import { openTube, openTubeArgs } from './open-tube.js';
import { resolveDuplicate, resolveDuplicateArgs } from './resolve-duplicate.js';
import { setPoolSize, setPoolSizeArgs } from './set-pool-size.js';
import { undoBinding, undoBindingArgs } from './undo-binding.js';
// imports: coverage and administration (issue 8)
import { endBatch, endBatchArgs } from './end-batch.js';
import { requestRevisit, requestRevisitArgs } from './request-revisit.js';
// imports: sync hardening (issue 3)
import { dismissRejection, dismissRejectionArgs } from './dismiss-rejection.js';

interface MutatorDef<S extends z.ZodType> {
  args: S;
  run: (tx: Tx, args: z.infer<S>) => Promise<void>;
}

function define<S extends z.ZodType>(args: S, run: (tx: Tx, args: z.infer<S>) => Promise<void>) {
  return { args, run } satisfies MutatorDef<S>;
}

/** Every named mutation: the only way state changes, on the phone and on the server. */
export const mutators = {
  addResident: define(addResidentArgs, addResident),
  registerResident: define(registerResidentArgs, registerResident),
  registerNewResident: define(registerNewResidentArgs, registerNewResident),
  voidRegistration: define(voidRegistrationArgs, voidRegistration),
  // mutators: door-knocking and tasks (issue 5)
  assignWalk: define(assignWalkArgs, assignWalk),
  callBatch: define(callBatchArgs, callBatch),
  recordDoorVisit: define(recordDoorVisitArgs, recordDoorVisit),
  raiseTask: define(raiseTaskArgs, raiseTask),
  claimTask: define(claimTaskArgs, claimTask),
  unclaimTask: define(unclaimTaskArgs, unclaimTask),
  requestMoreHelpers: define(requestMoreHelpersArgs, requestMoreHelpers),
  closeTask: define(closeTaskArgs, closeTask),
  // mutators: shifts and duty (issue 6)
  addShiftPost: define(addShiftPostArgs, addShiftPost),
  updateShiftPost: define(updateShiftPostArgs, updateShiftPost),
  addShiftSlot: define(addShiftSlotArgs, addShiftSlot),
  updateShiftSlot: define(updateShiftSlotArgs, updateShiftSlot),
  cancelShiftSlot: define(cancelShiftSlotArgs, cancelShiftSlot),
  setRotationLimit: define(setRotationLimitArgs, setRotationLimit),
  assignToPost: define(assignToPostArgs, assignToPost),
  moveVolunteer: define(moveVolunteerArgs, moveVolunteer),
  swapVolunteers: define(swapVolunteersArgs, swapVolunteers),
  sendToBreak: define(sendToBreakArgs, sendToBreak),
  returnFromBreak: define(returnFromBreakArgs, returnFromBreak),
  removeFromShift: define(removeFromShiftArgs, removeFromShift),
  dutyCheckIn: define(dutyCheckInArgs, dutyCheckIn),
  dutyCheckOut: define(dutyCheckOutArgs, dutyCheckOut),
  // mutators: sampling station (issue 4)
  setPoolSize: define(setPoolSizeArgs, setPoolSize),
  openTube: define(openTubeArgs, openTube),
  bindSample: define(bindSampleArgs, bindSample),
  undoBinding: define(undoBindingArgs, undoBinding),
  closeTube: define(closeTubeArgs, closeTube),
  resolveDuplicate: define(resolveDuplicateArgs, resolveDuplicate),
  callQueueNumber: define(callQueueNumberArgs, callQueueNumber),
  // mutators: coverage and administration (issue 8); endBatch ends issue 5's batches
  requestRevisit: define(requestRevisitArgs, requestRevisit),
  endBatch: define(endBatchArgs, endBatch),
  // mutators: sync hardening (issue 3)
  dismissRejection: define(dismissRejectionArgs, dismissRejection),
};

export type MutatorName = keyof typeof mutators;
export type MutatorArgs<N extends MutatorName> = z.infer<(typeof mutators)[N]['args']>;

export function isMutatorName(name: string): name is MutatorName {
  return Object.hasOwn(mutators, name);
}
