import { z } from 'zod';
import { idSchema, roleSchema } from './common.js';

/** A volunteer team (队) in a campaign. */
export const teamSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  name: z.string().min(1).max(100),
});
export type Team = z.infer<typeof teamSchema>;

/** Which sites a team covers: a volunteer sees exactly these sites' residents. */
export const teamSiteSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  siteId: idSchema,
});
export type TeamSite = z.infer<typeof teamSiteSchema>;

/** The public side of an account, as team mates see it. */
export const userSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(50),
  phone: z.string().max(20),
  role: roleSchema,
  teamId: idSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;

/** A signed-in phone (设备); a coordinator can revoke it. Server-side only. */
export const deviceSchema = z.object({
  id: idSchema,
  userId: idSchema,
  name: z.string().min(1).max(100),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Device = z.infer<typeof deviceSchema>;
