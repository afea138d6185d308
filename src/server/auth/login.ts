import { randomUUID } from 'node:crypto';
import { validateMobile } from '../../shared/domain/mobile.js';
import { userSchema } from '../../shared/domain/team.js';
import type { LoginRequest, LoginResponse } from '../../shared/protocol/login.js';
import type { Store } from '../db/store.js';
import { transact } from '../db/transact.js';
import { AppError } from '../errors.js';
import { verifyPassword } from './password.js';
import { hashToken, newToken } from './token.js';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES = 10;

/**
 * Signs a person in on a device: checks the password (scrypt), limits failed
 * attempts per phone number (kept in the database, so every server process
 * sees them), and issues a new random token bound to a new device record.
 */
export async function login(store: Store, body: LoginRequest, now: Date): Promise<LoginResponse> {
  const mobile = validateMobile(body.phone);
  const phone = mobile.ok ? mobile.normalized : body.phone.trim();
  const nowSeconds = Math.floor(now.getTime() / 1000);

  const failures = await store.db
    .selectFrom('loginAttempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('phone', '=', phone)
    .where('ok', '=', 0)
    .where('at', '>', nowSeconds - WINDOW_SECONDS)
    .executeTakeFirstOrThrow();
  if (Number(failures.n) >= MAX_FAILURES) {
    throw new AppError('too_many_requests', 'Too many failed sign-ins; wait 15 minutes.');
  }

  const found = await store.db
    .selectFrom('users')
    .innerJoin('credentials', 'credentials.userId', 'users.id')
    .selectAll('users')
    .select('credentials.passwordHash')
    .where('users.phone', '=', phone)
    .executeTakeFirst();
  const ok = found ? await verifyPassword(body.password, found.passwordHash) : false;

  await store.db
    .insertInto('loginAttempts')
    .values({ phone, at: nowSeconds, ok: ok ? 1 : 0 })
    .execute();
  if (!found || !ok) throw new AppError('bad_credentials', 'Wrong phone number or password.');

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
