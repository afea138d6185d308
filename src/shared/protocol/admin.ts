import { z } from 'zod';
import { campaignSchema } from '../domain/campaign.js';
import { daySchema, idSchema, roleSchema } from '../domain/common.js';
import { siteSchema } from '../domain/site.js';
import { teamSchema, teamSiteSchema, userSchema } from '../domain/team.js';

/**
 * The administration API (issue 8, coordinators only): accounts, devices,
 * teams and their sites, sites, campaign rounds. Every body is parsed with
 * these schemas on the server; the phone uses the same ones to type its calls.
 */

export const MIN_PASSWORD_LENGTH = 8;
const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(200);

export const createUserSchema = z.object({
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().min(1).max(20),
  role: roleSchema,
  teamId: idSchema.nullable(),
  password: passwordSchema,
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: idSchema,
  name: z.string().trim().min(1).max(50).optional(),
  role: roleSchema.optional(),
  teamId: idSchema.nullable().optional(),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({
  userId: idSchema,
  password: passwordSchema,
  /** Also sign the person out of every phone (a lost phone, a leaked password). */
  revokeDevices: z.boolean().default(false),
});
export type ResetPassword = z.infer<typeof resetPasswordSchema>;

export const revokeDeviceSchema = z.object({ deviceId: idSchema });

/** Deactivates an account (no sign-in, every token stops at once) or activates it again. */
export const setUserActiveSchema = z.object({ userId: idSchema, active: z.boolean() });
export type SetUserActive = z.infer<typeof setUserActiveSchema>;

export const createTeamSchema = z.object({
  campaignId: idSchema,
  name: z.string().trim().min(1).max(100),
});

export const setTeamSitesSchema = z.object({
  teamId: idSchema,
  siteIds: z.array(idSchema).max(200),
});

export const createSiteSchema = z.object({
  campaignId: idSchema,
  name: z.string().trim().min(1).max(100),
  kind: siteSchema.shape.kind,
  address: z.string().trim().max(200),
  poolSize: siteSchema.shape.poolSize,
});

export const campaignStatusSchema = z.object({
  campaignId: idSchema,
  status: campaignSchema.shape.status,
});

export const nextRoundSchema = z.object({
  fromCampaignId: idSchema,
  name: z.string().trim().min(1).max(100),
  day: daySchema,
  /** Close the earlier round, so phones number queues only in the new one. */
  closePrevious: z.boolean().default(true),
});
export type NextRound = z.infer<typeof nextRoundSchema>;

export const deviceViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

export const userViewSchema = userSchema.extend({
  devices: z.array(deviceViewSchema),
  /** False once a coordinator deactivated the account (issue 13.3). */
  active: z.boolean(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const usersResponseSchema = z.object({ users: z.array(userViewSchema) });

export const structureResponseSchema = z.object({
  campaigns: z.array(campaignSchema),
  sites: z.array(siteSchema),
  teams: z.array(teamSchema),
  teamSites: z.array(teamSiteSchema),
});
export type StructureResponse = z.infer<typeof structureResponseSchema>;

export const nextRoundResponseSchema = z.object({
  campaignId: idSchema,
  version: z.number().int(),
  copied: z.record(z.string(), z.number().int()),
});
export type NextRoundResponse = z.infer<typeof nextRoundResponseSchema>;
