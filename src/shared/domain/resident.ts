import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

export const idTypeSchema = z.enum([
  'mainland',
  'hk_macau_permit',
  'taiwan_permit',
  'passport',
  'none',
]);
export type IdType = z.infer<typeof idTypeSchema>;

/**
 * A person on a roster (居民). `namePinyin` and `nameInitials` are computed at
 * write time (server import, or the phone when it adds someone) so search stays
 * on indexes. `idLast4` is stored apart for the tail search and masked lists.
 */
export const residentSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  householdId: idSchema.nullable(),
  employerId: idSchema.nullable(),
  name: z.string().min(1).max(50),
  namePinyin: z
    .string()
    .max(200)
    .regex(/^[a-z]*$/),
  nameInitials: z
    .string()
    .max(50)
    .regex(/^[a-z]*$/),
  idType: idTypeSchema,
  idNumber: z.string().max(30).nullable(),
  idLast4: z.string().max(4),
  noIdReason: z.string().max(200).nullable(),
  phone: z.string().max(20).nullable(),
  createdAt: instantSchema,
  createdBy: idSchema.nullable(),
});
export type Resident = z.infer<typeof residentSchema>;
