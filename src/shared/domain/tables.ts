import type { z } from 'zod';
import { buildingSchema } from './building.js';
import { campaignSchema } from './campaign.js';
import { employerSchema } from './employer.js';
import { householdSchema } from './household.js';
import { registrationSchema } from './registration.js';
import { residentSchema } from './resident.js';
import { siteSchema } from './site.js';
import { teamSchema, teamSiteSchema, userSchema } from './team.js';
import { unitSchema } from './unit.js';
// shifts and duty (issue 6)
import { shiftAssignmentSchema } from './shift-assignment.js';
import { shiftCheckinSchema } from './shift-checkin.js';
import { shiftEventSchema } from './shift-event.js';
import { shiftPostSchema } from './shift-post.js';
import { shiftSettingsSchema } from './shift-settings.js';
import { shiftSlotSchema } from './shift-slot.js';
// door-knocking and tasks (issue 5)
import { batchEndSchema, batchItemSchema, batchSchema } from './batch.js';
import { doorVisitSchema } from './door-visit.js';
import { taskClaimSchema, taskSchema } from './task.js';
import { walkAssignmentSchema } from './walk-assignment.js';
// field follow-ups: revisit requests (issue 8), batch ends (issue 5)
import { revisitRequestSchema } from './revisit-request.js';
// sampling station (issue 4)
import { queueCallSchema } from './queue-call.js';
import { tubeBindingSchema, tubeSchema } from './tube.js';

/**
 * Every table that syncs between the server and the phones, with its row
 * schema. Rows are flat (strings, numbers, null) so that the same row is stored
 * as-is in IndexedDB, SQLite and PostgreSQL.
 */
export const syncedTables = {
  campaigns: campaignSchema,
  sites: siteSchema,
  buildings: buildingSchema,
  units: unitSchema,
  households: householdSchema,
  employers: employerSchema,
  residents: residentSchema,
  registrations: registrationSchema,
  teams: teamSchema,
  teamSites: teamSiteSchema,
  users: userSchema,
  // tables: door-knocking and tasks (issue 5)
  walkAssignments: walkAssignmentSchema,
  doorVisits: doorVisitSchema,
  batches: batchSchema,
  batchItems: batchItemSchema,
  tasks: taskSchema,
  taskClaims: taskClaimSchema,
  // tables: shifts and duty (issue 6)
  shiftPosts: shiftPostSchema,
  shiftSlots: shiftSlotSchema,
  shiftAssignments: shiftAssignmentSchema,
  shiftEvents: shiftEventSchema,
  shiftCheckins: shiftCheckinSchema,
  shiftSettings: shiftSettingsSchema,
  // tables: sampling station (issue 4)
  tubes: tubeSchema,
  tubeBindings: tubeBindingSchema,
  queueCalls: queueCallSchema,
  // tables: coverage and administration (issue 8)
  // tables: field follow-ups (revisit requests, batch ends)
  revisitRequests: revisitRequestSchema,
  batchEnds: batchEndSchema,
} as const;

export type SyncedTables = typeof syncedTables;
export type TableName = keyof SyncedTables;
export type RowOf<T extends TableName> = z.infer<SyncedTables[T]>;
export const tableNames = Object.keys(syncedTables) as TableName[];
