import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** The posts of the article: registration desk, keeping order, door-knocking, helping, runner, or a custom one. */
export const postKinds = [
  'registration',
  'order',
  'door_knocking',
  'helping',
  'runner',
  'custom',
] as const;
export const postKindSchema = z.enum(postKinds);
export type PostKind = z.infer<typeof postKindSchema>;

/** Outdoor posts count towards the site's cold rotation limit; indoor ones do not. */
export const postPlaceSchema = z.enum(['outdoor', 'indoor']);
export type PostPlace = z.infer<typeof postPlaceSchema>;

/**
 * A post (岗位) at a site: what people do there and how many it needs.
 * `name` is always readable text (filled from the kind in the leader's
 * language, or typed for a custom post) so a rejection can name the post in
 * any language. Posts are closed, never deleted.
 */
export const shiftPostSchema = z.object({
  id: idSchema,
  siteId: idSchema,
  campaignId: idSchema,
  kind: postKindSchema,
  name: z.string().min(1).max(30),
  needed: z.number().int().min(1).max(50),
  place: postPlaceSchema,
  sortKey: z.number().int().min(0),
  status: z.enum(['open', 'closed']),
  createdBy: idSchema,
  createdAt: instantSchema,
});
export type ShiftPost = z.infer<typeof shiftPostSchema>;
