import { z } from 'zod';
import { idSchema, instantSchema } from '../domain/common.js';
import { validateMainlandId, validateOtherDocument } from '../domain/id-number.js';
import { validateMobile } from '../domain/mobile.js';
import { idTypeSchema, residentSchema } from '../domain/resident.js';
import { requireSite } from './authorize.js';
import { MutationRejected } from './mutation-rejected.js';
import type { Tx } from './tx.js';

export const addResidentArgs = z.object({
  id: idSchema,
  siteId: idSchema,
  householdId: idSchema.nullable(),
  employerId: idSchema.nullable(),
  name: z.string().trim().min(1).max(50),
  namePinyin: residentSchema.shape.namePinyin,
  nameInitials: residentSchema.shape.nameInitials,
  idType: idTypeSchema,
  idNumber: z.string().max(30).nullable(),
  noIdReason: z.string().max(200).nullable(),
  phone: z.string().max(20).nullable(),
  at: instantSchema,
});
export type AddResidentArgs = z.infer<typeof addResidentArgs>;

/** Adds a person who is not on the roster (a visitor, a newborn, a new tenant). */
export async function addResident(tx: Tx, args: AddResidentArgs): Promise<void> {
  requireSite(tx.ctx, args.siteId);
  if (await tx.get('residents', args.id)) throw new MutationRejected('id_taken', { id: args.id });
  if (!(await tx.get('sites', args.siteId))) {
    throw new MutationRejected('not_found', { table: 'sites', id: args.siteId });
  }
  if (args.householdId !== null) {
    const household = await tx.get('households', args.householdId);
    if (!household || household.siteId !== args.siteId) {
      throw new MutationRejected('not_found', { table: 'households', id: args.householdId });
    }
  }

  let idNumber: string | null = null;
  if (args.idType === 'mainland') {
    const checked = validateMainlandId(args.idNumber ?? '');
    if (!checked.ok) throw new MutationRejected('id_number_invalid', { problem: checked.problem });
    idNumber = checked.normalized;
    const same = await tx.list('residents', { siteId: args.siteId, idNumber });
    const first = same[0];
    if (first) throw new MutationRejected('resident_exists', { name: first.name, id: first.id });
  } else if (args.idType !== 'none') {
    // Permits and passports carry no check character: their shape is checked (issue 4).
    const checked = validateOtherDocument(args.idType, args.idNumber ?? '');
    if (!checked.ok) {
      throw new MutationRejected('id_number_invalid', {
        problem: checked.problem,
        idType: args.idType,
      });
    }
    idNumber = checked.normalized;
    const same = await tx.list('residents', { siteId: args.siteId, idNumber });
    const first = same.find((r) => r.idType === args.idType);
    if (first) throw new MutationRejected('resident_exists', { name: first.name, id: first.id });
  } else if ((args.noIdReason ?? '').trim() === '') {
    // "No document" always says why (a child, an elderly person without a card).
    throw new MutationRejected('no_id_reason', {});
  }

  let phone: string | null = null;
  if (args.phone !== null && args.phone.trim() !== '') {
    const checked = validateMobile(args.phone);
    if (!checked.ok) throw new MutationRejected('phone_invalid', { problem: checked.problem });
    phone = checked.normalized;
  }

  await tx.put('residents', {
    id: args.id,
    siteId: args.siteId,
    householdId: args.householdId,
    employerId: args.employerId,
    name: args.name,
    namePinyin: args.namePinyin,
    nameInitials: args.nameInitials,
    idType: args.idType,
    idNumber,
    idLast4: idNumber ? idNumber.slice(-4) : '',
    noIdReason: args.idType === 'none' ? (args.noIdReason ?? '').trim() : null,
    phone,
    createdAt: args.at,
    createdBy: tx.ctx.userId,
  });
}
