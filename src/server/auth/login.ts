import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { validateMobile } from '../../shared/domain/mobile.js';
import { userSchema } from '../../shared/domain/team.js';
import type { LoginRequest, LoginResponse } from '../../shared/protocol/login.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { AppError } from '../errors.js';
import { verifyPassword } from './password.js';
import { hashToken, newToken } from './token.js';

const WINDOW_SECONDS = 15 * 60;
const MAX_ATTEMPTS = 10;

/**
 * A real scrypt hash of a password nobody has: an unknown phone number is
 * checked against it, so it takes as long as a known one (no enumeration of
 * phone numbers by timing).
 */
export const DUMMY_HASH =
  'scrypt$16384$C-AKH9xFnNmjvzfpUM1DxQ$XmQncafTJSNJkAh7NoDlZUoQLqXhxcaOJCRYd6lB7j8';

/**
 * Counts this attempt in one statement (insert, or add one to the row of the
 * current window) and returns the count including it: parallel attempts each
 * get their own number, so 30 at once are limited like 30 in a row.
 */
async function countAttempt(store: Store, phone: string, nowSeconds: number): Promise<number> {
  const windowOpen = nowSeconds - WINDOW_SECONDS;
  const stale = sql<boolean>`${sql.ref('loginThrottle.windowStart')} <= ${windowOpen}`;
  const row = await store.db
    .insertInto('loginThrottle')
    .values({ phone, windowStart: nowSeconds, attempts: 1 })
    .onConflict((oc) =>
      oc.column('phone').doUpdateSet({
        attempts: sql<number>`case when ${stale} then 1 else ${sql.ref('loginThrottle.attempts')} + 1 end`,
        windowStart: sql<number>`case when ${stale} then ${nowSeconds} else ${sql.ref('loginThrottle.windowStart')} end`,
      }),
    )
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return Number(row.attempts);
}

/**
 * Signs a person in on a device: counts the attempt per phone number (in the
 * database, so every server process sees it), checks the password (scrypt,
 * the same work for unknown numbers), refuses a deactivated account, and
 * issues a new random token bound to a new device record.
 */
export async function login(store: Store, body: LoginRequest, now: Date): Promise<LoginResponse> {
  const mobile = validateMobile(body.phone);
  const phone = mobile.ok ? mobile.normalized : body.phone.trim();
  const nowSeconds = Math.floor(now.getTime() / 1000);

  if ((await countAttempt(store, phone, nowSeconds)) > MAX_ATTEMPTS) {
    throw new AppError('too_many_requests', 'Too many sign-in attempts; wait 15 minutes.');
  }

  const found = await store.db
    .selectFrom('users')
    .innerJoin('credentials', 'credentials.userId', 'users.id')
    .selectAll('users')
    .select(['credentials.passwordHash', 'credentials.deactivatedAt'])
    .where('users.phone', '=', phone)
    .executeTakeFirst();
  const ok = await verifyPassword(body.password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !ok) throw new AppError('bad_credentials', 'Wrong phone number or password.');
  if (found.deactivatedAt !== null) {
    throw new AppError('forbidden', 'This account has been deactivated; ask your coordinator.');
  }
  // A successful sign-in ends the count for this number.
  await store.db.deleteFrom('loginThrottle').where('phone', '=', phone).execute();

  const token = newToken();
  const deviceId = randomUUID();
  await transact(store, async (trx) => {
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        userId: found.id,
        name: body.deviceName,
        tokenHash: hashToken(token),
        createdAt: now.toISOString(),
        revokedAt: null,
        lastUsedAt: now.toISOString(),
      })
      .execute();
  });
  const user = userSchema.parse({
    id: found.id,
    name: found.name,
    phone: found.phone,
    role: found.role,
    teamId: found.teamId,
  });
  return { token, deviceId, user };
}

/** Ends the session of the calling device: its token stops working at once. */
export async function logout(store: Store, deviceId: string, now: Date): Promise<{ ok: true }> {
  await store.db
    .updateTable('devices')
    .set({ revokedAt: now.toISOString() })
    .where('id', '=', deviceId)
    .where('revokedAt', 'is', null)
    .execute();
  return { ok: true };
}
