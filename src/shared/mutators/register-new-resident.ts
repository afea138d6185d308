import { z } from 'zod';
import { addResident, addResidentArgs } from './add-resident.js';
import { registerResident, registerResidentArgs } from './register-resident.js';
import type { Tx } from './tx.js';

export const registerNewResidentArgs = z.object({
  resident: addResidentArgs,
  registration: registerResidentArgs.omit({ residentId: true }),
});
export type RegisterNewResidentArgs = z.infer<typeof registerNewResidentArgs>;

/**
 * Adds a person who is not on the roster and registers them, as one change:
 * either both happen or neither (a rejected resident never leaves an orphan
 * registration behind), and the person sees one pending change, not two.
 */
export async function registerNewResident(tx: Tx, args: RegisterNewResidentArgs): Promise<void> {
  await addResident(tx, args.resident);
  await registerResident(tx, { ...args.registration, residentId: args.resident.id });
}
