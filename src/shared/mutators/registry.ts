import type { z } from 'zod';
import { addResident, addResidentArgs } from './add-resident.js';
import { registerNewResident, registerNewResidentArgs } from './register-new-resident.js';
import { registerResident, registerResidentArgs } from './register-resident.js';
import type { Tx } from './tx.js';
import { voidRegistration, voidRegistrationArgs } from './void-registration.js';
// imports: door-knocking and tasks (issue 5)
// imports: shifts and duty (issue 6)
// imports: sampling station (issue 4)
// imports: coverage and administration (issue 8)
// imports: sync hardening (issue 3)

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
  // mutators: shifts and duty (issue 6)
  // mutators: sampling station (issue 4)
  // mutators: coverage and administration (issue 8)
  // mutators: sync hardening (issue 3)
};

export type MutatorName = keyof typeof mutators;
export type MutatorArgs<N extends MutatorName> = z.infer<(typeof mutators)[N]['args']>;

export function isMutatorName(name: string): name is MutatorName {
  return Object.hasOwn(mutators, name);
}
