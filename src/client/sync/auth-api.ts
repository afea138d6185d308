import type { LoginResponse } from '../../shared/protocol/login.js';
import { loginResponseSchema } from '../../shared/protocol/login.js';
import { postJson } from './http.js';

export type LoginResult =
  | { kind: 'ok'; response: LoginResponse }
  | { kind: 'bad_credentials' }
  | { kind: 'too_many' }
  /** A coordinator deactivated the account (issue 13.3). */
  | { kind: 'deactivated' }
  | { kind: 'offline' }
  | { kind: 'error'; message: string };

/** Signs in (needs the network once); the session then lives on the phone. */
export async function signInRequest(
  phone: string,
  password: string,
  deviceName: string,
): Promise<LoginResult> {
  const result = await postJson('/api/auth/login', { phone, password, deviceName }, null);
  if (result.kind === 'network') return { kind: 'offline' };
  if (result.kind === 'error') {
    if (result.code === 'bad_credentials') return { kind: 'bad_credentials' };
    if (result.code === 'too_many_requests') return { kind: 'too_many' };
    if (result.code === 'forbidden') return { kind: 'deactivated' };
    return { kind: 'error', message: result.message };
  }
  return { kind: 'ok', response: loginResponseSchema.parse(result.body) };
}

/**
 * Ends this phone's session on the server (issue 13.3), so the token is
 * useless even if copied. Best effort: offline or failing, sign-out on the
 * phone goes ahead (the token then ends by idle time or a coordinator).
 */
export async function signOutRequest(token: string): Promise<boolean> {
  const result = await postJson('/api/auth/logout', {}, token, fetch, 5_000);
  return result.kind === 'ok';
}
