import { z } from 'zod';
import { idSchema, roleSchema } from '../domain/common.js';
import { mutationSchema } from './push.js';

/**
 * A hand-over bundle (docs/handover.md): unsynced mutations carried from one
 * phone to another with no server and no network, by animated QR frames or by
 * file. `work` goes from a volunteer to whoever carries it to the server (the
 * mutations keep the giver's client id and mutation ids, so the server applies
 * each exactly once whichever phone arrives first); `assignments` goes from a
 * leader to a volunteer, whose phone applies them as if pulled.
 */
export const handoverKindSchema = z.enum(['work', 'assignments']);
export type HandoverKind = z.infer<typeof handoverKindSchema>;

export const MAX_HANDOVER_MUTATIONS = 20_000;

/** What is sealed: readable only with the team's key. */
export const handoverBodySchema = z.object({
  format: z.literal('huiju-handover-body'),
  version: z.literal(1),
  bundleId: idSchema,
  kind: handoverKindSchema,
  teamId: idSchema,
  giver: z.object({
    userId: idSchema,
    name: z.string().min(1).max(50),
    role: roleSchema,
    clientId: idSchema,
  }),
  /** The person the giver meant it for (shown on both phones); any team mate may carry it. */
  to: z.object({ userId: idSchema, name: z.string().min(1).max(50) }).nullable(),
  /** The giver's clock: shown to people, never used for ordering. */
  createdAt: z.string().max(40),
  mutations: z.array(mutationSchema).min(1).max(MAX_HANDOVER_MUTATIONS),
});
export type HandoverBody = z.infer<typeof handoverBodySchema>;

/**
 * The sealed bundle as it travels (the file's content, and the text the QR
 * frames carry). Only what a receiver needs to refuse it early is in clear:
 * the bundle id, the team, the kind. They are the AES-GCM associated data, so
 * changing any of them is caught like a change of the ciphertext.
 */
export const sealedBundleSchema = z.object({
  format: z.literal('huiju-handover'),
  version: z.literal(1),
  bundleId: idSchema,
  teamId: idSchema,
  kind: handoverKindSchema,
  /** Base64 of the 12-byte AES-GCM nonce. */
  iv: z.string().min(16).max(24),
  /** Base64 of the ciphertext (gzip of the signed body, then AES-GCM). */
  data: z.string().min(1).max(12_000_000),
});
export type SealedBundle = z.infer<typeof sealedBundleSchema>;

/** What a signed-in phone gets from `GET /api/handover/keys` (and keeps for offline days). */
export const handoverKeysSchema = z.object({
  teamId: idSchema,
  /** Base64 of 32 random bytes: AES-256-GCM, shared by the team. */
  teamKey: z.string().min(40).max(64),
  /** Base64 of 32 random bytes: HMAC-SHA-256, known only to this person and the server. */
  userKey: z.string().min(40).max(64),
});
export type HandoverKeys = z.infer<typeof handoverKeysSchema>;

/** `POST /api/handover/carry`: a team mate pushes a sealed `work` bundle on the giver's behalf. */
export const carryRequestSchema = z.object({ sealed: sealedBundleSchema });
export type CarryRequest = z.infer<typeof carryRequestSchema>;

export const carryResponseSchema = z.object({
  bundleId: idSchema,
  giverId: idSchema,
  /** The giver's client's last mutation id after this push. */
  lastMutationId: z.number().int().min(0),
  received: z.number().int().min(0),
  /** How many of them this carry applied (the rest were already on the server). */
  applied: z.number().int().min(0),
});
export type CarryResponse = z.infer<typeof carryResponseSchema>;

/** Why a bundle is refused, on either phone or the server. */
export const handoverErrorCodes = [
  /** Not a Huiju bundle, or damaged past reading. */
  'bundle_unreadable',
  /** Sealed for another team. */
  'bundle_wrong_team',
  /** The authentication failed: changed after sealing, or sealed with another key. */
  'bundle_tampered',
  /** This phone has no team key yet (it has never been online since signing in). */
  'bundle_no_key',
] as const;
export type HandoverErrorCode = (typeof handoverErrorCodes)[number];

export class HandoverError extends Error {
  readonly code: HandoverErrorCode;
  constructor(code: HandoverErrorCode, message: string) {
    super(message);
    this.name = 'HandoverError';
    this.code = code;
  }
}
