import { z } from 'zod';
import { idSchema } from '../domain/common.js';
import { userSchema } from '../domain/team.js';
import { unsafeText } from './safe-input.js';

/** Text a database can store as sent: no NUL, no lone surrogate (issue 13.1). */
function safeText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((text) => unsafeText(text, max) === null, 'NUL or a lone surrogate is not allowed');
}

export const loginRequestSchema = z.object({
  phone: safeText(20),
  password: safeText(200),
  deviceName: safeText(100),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  deviceId: z.string(),
  user: userSchema,
  /**
   * Only from a server running the in-progress demo, at the first sign-in as a
   * demo account: the sync client of that account's morning phone, for this
   * phone to continue (so the morning's rejections reach it). See
   * `src/server/demo/demo-handover.ts`.
   */
  handover: z
    .object({ clientId: idSchema, lastMutationId: z.number().int().min(0) })
    .nullable()
    .optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** The error body of every failed request. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
