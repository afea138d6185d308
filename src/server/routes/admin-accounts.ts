import { randomUUID } from 'node:crypto';
import { validateMobile } from '../../shared/domain/mobile.js';
import type { User } from '../../shared/domain/team.js';
import { userSchema } from '../../shared/domain/team.js';
import type {
  CreateUser,
  ResetPassword,
  SetUserActive,
  UpdateUser,
  UserView,
} from '../../shared/protocol/admin.js';
import { hashPassword } from '../auth/password.js';
import type { Principal } from '../auth/principal.js';
import { currentVersion, nextVersion } from '../db/next-version.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { AppError } from '../errors.js';
import { upsertRows } from '../import/upsert-rows.js';
import { recordAdminAction } from '../reports/admin-audit.js';

/** Every account with its devices, coordinators first, then by name. */
export async function listUsers(store: Store): Promise<UserView[]> {
  const users = await store.db
    .selectFrom('users')
    .leftJoin('credentials', 'credentials.userId', 'users.id')
    .selectAll('users')
    .select('credentials.deactivatedAt')
    .execute();
  const devices = await store.db
    .selectFrom('devices')
    .select(['id', 'userId', 'name', 'createdAt', 'revokedAt'])
    .orderBy('createdAt', 'desc')
    .execute();
  const order = { coordinator: 0, leader: 1, volunteer: 2 } as const;
  return users
    .map((u) => ({
      ...userSchema.parse({
        id: u.id,
        name: u.name,
        phone: u.phone,
        role: u.role,
        teamId: u.teamId,
      }),
      devices: devices
        .filter((d) => d.userId === u.id)
        .map(({ id, name, createdAt, revokedAt }) => ({ id, name, createdAt, revokedAt })),
      active: u.deactivatedAt === null || u.deactivatedAt === undefined,
    }))
    .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name, 'zh-CN'));
}

function normalizedPhone(raw: string): string {
  const checked = validateMobile(raw);
  if (!checked.ok) throw new AppError('bad_request', 'phone: not an 11-digit mobile number.');
  return checked.normalized;
}

async function requireTeam(store: Store, teamId: string | null) {
  if (teamId === null) return;
  const team = await store.db
    .selectFrom('teams')
    .select('id')
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw new AppError('not_found', `No team ${teamId}.`);
}

/**
 * Creates an account: the synced `users` row (stamped with a new version, so
 * the team's phones get it at their next pull) and its password hash, in one
 * transaction, audited. A phone number already in use is a 409.
 */
export async function createUser(
  store: Store,
  principal: Principal,
  body: CreateUser,
  now: Date,
): Promise<User> {
  const phone = normalizedPhone(body.phone);
  await requireTeam(store, body.teamId);
  const passwordHash = await hashPassword(body.password);
  const user: User = {
    id: randomUUID(),
    name: body.name,
    phone,
    role: body.role,
    teamId: body.teamId,
  };
  await transact(store, async (trx) => {
    const version = await nextVersion(trx);
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('phone', '=', phone)
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', 'An account with this phone number exists.');
    await upsertRows(trx, 'users', [user], version);
    await trx.insertInto('credentials').values({ userId: user.id, passwordHash }).execute();
    await recordAdminAction(trx, principal, {
      action: 'user.create',
      target: user.id,
      version,
      at: now,
      details: { name: user.name, phone, role: user.role, teamId: user.teamId },
    });
  });
  return user;
}

/**
 * Changes a person's name, role or team. The server enforces the new rights
 * at once (every request reads the `users` row); the person's phone sees its
 * new scope at the next pull. The last coordinator cannot be demoted.
 */
export async function updateUser(
  store: Store,
  principal: Principal,
  body: UpdateUser,
  now: Date,
): Promise<User> {
  if (body.teamId !== undefined) await requireTeam(store, body.teamId);
  return transact(store, async (trx) => {
    const version = await nextVersion(trx);
    const found = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', body.userId)
      .executeTakeFirst();
    if (!found) throw new AppError('not_found', `No account ${body.userId}.`);
    const before = userSchema.parse({ ...found });
    const after: User = {
      ...before,
      name: body.name ?? before.name,
      role: body.role ?? before.role,
      teamId: body.teamId !== undefined ? body.teamId : before.teamId,
    };
    if (before.role === 'coordinator' && after.role !== 'coordinator') {
      const coordinators = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'coordinator')
        .execute();
      if (coordinators.length <= 1) {
        throw new AppError('conflict', 'The last coordinator cannot be given another role.');
      }
    }
    await upsertRows(trx, 'users', [after], version);
    await recordAdminAction(trx, principal, {
      action: 'user.update',
      target: after.id,
      version,
      at: now,
      details: {
        before: { name: before.name, role: before.role, teamId: before.teamId },
        after: { name: after.name, role: after.role, teamId: after.teamId },
      },
    });
    return after;
  });
}

/** Sets a new password (never logged); optionally signs the person out everywhere. */
export async function resetPassword(
  store: Store,
  principal: Principal,
  body: ResetPassword,
  now: Date,
): Promise<{ revoked: number }> {
  const passwordHash = await hashPassword(body.password);
  return transact(store, async (trx) => {
    const seen = await currentVersion(trx);
    const updated = await trx
      .updateTable('credentials')
      .set({ passwordHash })
      .where('userId', '=', body.userId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new AppError('not_found', `No account ${body.userId}.`);
    let revoked = 0;
    if (body.revokeDevices) {
      const result = await trx
        .updateTable('devices')
        .set({ revokedAt: now.toISOString() })
        .where('userId', '=', body.userId)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      revoked = Number(result.numUpdatedRows);
    }
    await recordAdminAction(trx, principal, {
      action: 'user.password',
      target: body.userId,
      version: seen,
      at: now,
      details: { revokedDevices: revoked },
    });
    return { revoked };
  });
}

/**
 * Revokes a device's token: its next request gets 401, and the phone keeps
 * its outbox and asks for a sign-in (nothing unsynced is lost on a found phone).
 */
export async function revokeDevice(
  store: Store,
  principal: Principal,
  deviceId: string,
  now: Date,
): Promise<{ revokedAt: string }> {
  return transact(store, async (trx) => {
    const seen = await currentVersion(trx);
    const device = await trx
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', deviceId)
      .executeTakeFirst();
    if (!device) throw new AppError('not_found', `No device ${deviceId}.`);
    if (device.revokedAt !== null) return { revokedAt: device.revokedAt };
    const revokedAt = now.toISOString();
    await trx.updateTable('devices').set({ revokedAt }).where('id', '=', deviceId).execute();
    await recordAdminAction(trx, principal, {
      action: 'device.revoke',
      target: deviceId,
      version: seen,
      at: now,
      details: { userId: device.userId, name: device.name },
    });
    return { revokedAt };
  });
}

/**
 * Deactivates an account (issue 13.3): no sign-in, and every token of it stops
 * at once (revoked here, and refused by authentication while deactivated).
 * Its phones keep their outbox; a coordinator can still bring that work in
 * through the outbox import. Activating again lets the person sign in anew.
 * Coordinators cannot deactivate themselves, so one always remains.
 */
export async function setUserActive(
  store: Store,
  principal: Principal,
  body: SetUserActive,
  now: Date,
): Promise<{ active: boolean; revoked: number }> {
  if (body.userId === principal.user.id && !body.active) {
    throw new AppError('conflict', 'You cannot deactivate your own account.');
  }
  return transact(store, async (trx) => {
    const seen = await currentVersion(trx);
    const updated = await trx
      .updateTable('credentials')
      .set({ deactivatedAt: body.active ? null : now.toISOString() })
      .where('userId', '=', body.userId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      throw new AppError('not_found', `No account ${body.userId}.`);
    }
    let revoked = 0;
    if (!body.active) {
      const result = await trx
        .updateTable('devices')
        .set({ revokedAt: now.toISOString() })
        .where('userId', '=', body.userId)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      revoked = Number(result.numUpdatedRows);
    }
    await recordAdminAction(trx, principal, {
      action: body.active ? 'user.activate' : 'user.deactivate',
      target: body.userId,
      version: seen,
      at: now,
      details: { revokedDevices: revoked },
    });
    return { active: body.active, revoked };
  });
}
